package dev.osprey.api.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.EventStreams;
import dev.osprey.api.JsonRoutes;
import dev.osprey.engine.cluster.ClusterGateway;
import dev.osprey.engine.cluster.ShardingGateway;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The cluster as operators see it (the UI reads these): {@code GET /cluster/members}, the
 * membership changes as server-sent events at {@code GET /cluster/events}, the shards and entity
 * counts of every sharded type per node at {@code GET /cluster/sharding}, the running entities of
 * one type per node, and where one entity lives with the API path that reads its state.
 */
public final class ClusterRoutes extends JsonRoutes {
  private final ClusterGateway cluster;
  private final ShardingGateway sharding;

  public ClusterRoutes(final ObjectMapper mapper, final ClusterGateway cluster, final ShardingGateway sharding) {
    super(mapper);
    this.cluster = cluster;
    this.sharding = sharding;
  }

  public Route routes() {
    return pathPrefix("cluster", () -> concat(
        path("members", () -> get(() -> ok(cluster.members()))),
        path("events", () -> get(() -> completeOK(
            EventStreams.of(send -> cluster.listen(c -> send.accept(event(c)))),
            EventStreamMarshalling.toEventStream()))),
        pathPrefix("sharding", () -> concat(
            pathEndOrSingleSlash(() -> get(this::allTypes)),
            pathPrefix(PathMatchers.segment(), type -> pathPrefix("entities", () -> concat(
                pathEndOrSingleSlash(() -> get(() -> guarded(() -> await(sharding.entities(type),
                    nodes -> ok(Map.of("type", type, "nodes", nodes)))))),
                path(PathMatchers.segment(), id -> get(() -> guarded(() ->
                    await(sharding.locate(type, id), l -> ok(location(l)))))))))))));
  }

  private Route allTypes() {
    final List<CompletableFuture<ShardingGateway.TypeStats>> asks = sharding.entityTypes().stream()
        .map(t -> sharding.stats(t).toCompletableFuture()).toList();
    return await(CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)),
        done -> ok(Map.of("entity_types", asks.stream().map(CompletableFuture::join).toList())));
  }

  private ServerSentEvent event(final ClusterGateway.Change change) {
    try {
      return ServerSentEvent.create(mapper.writeValueAsString(change), change.type());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cluster change is always writable", e);
    }
  }

  /** The location with {@code state_path}: the API read of the entity's state (null when there is none). */
  private static Map<String, Object> location(final ShardingGateway.Location l) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", l.type());
    m.put("entity_id", l.entityId());
    m.put("shard_id", l.shardId());
    m.put("node", l.node());
    m.put("running", l.running());
    m.put("state_path", statePath(l.type(), l.entityId()));
    return m;
  }

  static String statePath(final String type, final String id) {
    final String e = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    return switch (type) {
      case "Executor" -> "/executors/" + e;
      case "Agent" -> "/agents/" + e;
      case "RiskSupervisor" -> "/controllers/" + e + "/risk";
      case "PositionBook" -> "/executors/positions/summary?controller_id=" + e;
      case "PaperVenue" -> "/paper/balances?connector=" + e;
      case "GlobalRisk" -> "/trading-state";
      case "ControllerRegistry" -> "/controllers";
      default -> null;
    };
  }
}
