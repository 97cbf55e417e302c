package dev.osprey.engine.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.Patterns;

/**
 * {@link ShardingGateway} over Pekko cluster sharding: counts from {@code GetClusterShardingStats}
 * (every node's region answers), and an entity's shard from the same hash sharding routes by.
 */
public final class PekkoShardingGateway implements ShardingGateway {
  private final ActorSystem<?> system;
  private final Map<String, EntityTypeKey<?>> types = new LinkedHashMap<>();
  private final Duration timeout;
  private final ShardingMessageExtractor<?, ?> shards;

  /**
   * @param keys the entity types this node starts sharding for
   * @param timeout how long every node's region has to answer
   */
  public PekkoShardingGateway(final ActorSystem<?> system, final List<EntityTypeKey<?>> keys, final Duration timeout) {
    this.system = system;
    this.timeout = timeout;
    keys.forEach(k -> types.put(k.name(), k));
    // The extractor sharding uses when init is given none (every Osprey entity type).
    this.shards = org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor$.MODULE$.apply(
        system.settings().config().getInt("pekko.cluster.sharding.number-of-shards"));
  }

  @Override
  public List<String> entityTypes() {
    return List.copyOf(types.keySet());
  }

  @Override
  public CompletionStage<TypeStats> stats(final String type) {
    return regions(key(type)).thenApply(regions -> {
      final List<NodeShards> nodes = new ArrayList<>();
      regions.forEach((address, stats) -> {
        final Map<String, Integer> byShard = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        // Scala boxes the counts as Object in the Java view.
        stats.getStats().forEach((shard, count) -> byShard.put(shard, ((Number) count).intValue()));
        nodes.add(new NodeShards(address.toString(), byShard.size(),
            byShard.values().stream().mapToInt(Integer::intValue).sum(), byShard,
            stats.getFailed().stream().sorted().toList()));
      });
      nodes.sort(Comparator.comparing(NodeShards::address));
      return new TypeStats(type, nodes);
    });
  }

  @Override
  public CompletionStage<Location> locate(final String type, final String entityId) {
    final EntityTypeKey<?> key = key(type);
    final String shardId = shards.shardId(entityId);
    return regions(key).thenCompose(regions -> {
      final Address node = regions.entrySet().stream()
          .filter(e -> e.getValue().getStats().containsKey(shardId)).map(Map.Entry::getKey).findFirst().orElse(null);
      if (node == null) {
        return CompletableFuture.completedFuture(new Location(type, entityId, shardId, null, false));
      }
      return running(node, key, shardId, entityId)
          .thenApply(running -> new Location(type, entityId, shardId, node.toString(), running));
    });
  }

  @Override
  public CompletionStage<List<NodeEntities>> entities(final String type) {
    final EntityTypeKey<?> key = key(type);
    return regions(key).thenCompose(regions -> {
      final List<CompletableFuture<NodeEntities>> asks = new ArrayList<>();
      for (Address node : regions.keySet()) {
        asks.add(regionState(node, key).thenApply(state -> new NodeEntities(node.toString(), state.getShards().stream()
            .flatMap(s -> s.getEntityIds().stream()).sorted().toList()))
            .exceptionally(unanswered -> null).toCompletableFuture());
      }
      return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(done -> asks.stream()
          .map(CompletableFuture::join).filter(java.util.Objects::nonNull)
          .sorted(Comparator.comparing(NodeEntities::address)).toList());
    });
  }

  private EntityTypeKey<?> key(final String type) {
    final EntityTypeKey<?> key = types.get(type);
    if (key == null) {
      throw new IllegalArgumentException("type: must be one of " + types.keySet() + ", got " + type);
    }
    return key;
  }

  private CompletionStage<Map<Address, ShardRegion.ShardRegionStats>> regions(final EntityTypeKey<?> key) {
    return AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
        ClusterSharding.get(system).shardState(), replyTo -> new GetClusterShardingStats(key, timeout, replyTo),
        timeout.plusSeconds(1), system.scheduler())
        .thenApply(ShardRegion.ClusterShardingStats::getRegions);
  }

  /**
   * Whether the region of {@code node} runs the entity now: its region lists the running entity
   * ids of each of its shards.
   */
  private CompletionStage<Boolean> running(
      final Address node, final EntityTypeKey<?> key, final String shardId, final String entityId) {
    return regionState(node, key).thenApply(state -> state.getShards().stream()
        .anyMatch(s -> s.shardId().equals(shardId) && s.getEntityIds().contains(entityId)));
  }

  /** The shards and running entity ids of one node's region, at the path classic sharding gives it. */
  private CompletionStage<ShardRegion.CurrentShardRegionState> regionState(
      final Address node, final EntityTypeKey<?> key) {
    final var region = Adapter.toClassic(system).actorSelection(node + "/system/sharding/" + key.name());
    return Patterns.ask(region, ShardRegion.getShardRegionStateInstance(), timeout)
        .thenApply(ShardRegion.CurrentShardRegionState.class::cast);
  }
}
