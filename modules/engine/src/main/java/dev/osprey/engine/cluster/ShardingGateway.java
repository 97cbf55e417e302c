package dev.osprey.engine.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What the operators' UI reads of cluster sharding: where the shards and entities of each type live. */
public interface ShardingGateway {
  /** The sharded entity type names, e.g. Executor, RiskSupervisor, PositionBook, Agent. */
  List<String> entityTypes();

  /**
   * The shards of {@code type} on every node, with their entity counts. Fails with an {@link
   * IllegalArgumentException} for an unknown type.
   */
  CompletionStage<TypeStats> stats(String type);

  /**
   * Where entity {@code entityId} of {@code type} lives: its shard, the node that holds the shard
   * (none when the shard is not allocated) and whether the entity is running there now.
   */
  CompletionStage<Location> locate(String type, String entityId);

  /** The ids of the running entities of {@code type} on every node (an unanswered node is left out). */
  CompletionStage<List<NodeEntities>> entities(String type);

  record NodeEntities(String address, List<String> entityIds) {}

  /**
   * One node's part of an entity type.
   *
   * @param entitiesByShard running entities per shard id
   * @param failed shards that did not answer in time (their counts are unknown)
   */
  record NodeShards(String address, int shards, int entities, Map<String, Integer> entitiesByShard, List<String> failed) {}

  record TypeStats(String type, List<NodeShards> nodes) {}

  /**
   * @param node the address of the node holding the shard, null when no node holds it now
   * @param running whether the entity is running on that node
   */
  record Location(String type, String entityId, String shardId, String node, boolean running) {}
}
