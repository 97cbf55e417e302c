package dev.osprey.api.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.HttpServer;
import dev.osprey.engine.cluster.ClusterGateway;
import dev.osprey.engine.cluster.ShardingGateway;
import dev.osprey.json.ApiJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster routes over gateways that describe a three-node cluster with a node cut off, which a
 * one-node test cannot show: the JSON each answers, and the change stream's events.
 */
class ClusterRoutesTest {
  private static final String A = "pekko://osprey@10.0.0.1:25520";
  private static final String B = "pekko://osprey@10.0.0.2:25520";
  private static final String C = "pekko://osprey@10.0.0.3:25520";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicBoolean LISTENING = new AtomicBoolean();
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A, B and C up; C unreachable from A and B; A leads, B is the oldest. */
  private static final ClusterGateway CLUSTER = new ClusterGateway() {
    @Override
    public Members members() {
      return new Members(A, A, B, List.of(
          new Member(A, "Up", List.of("dc-default"), "1.2.0", "default", true),
          new Member(B, "Up", List.of("dc-default"), "1.2.0", "default", true),
          new Member(C, "Up", List.of("dc-default"), "1.1.0", "default", false)),
          List.of(new Unreachable(C, List.of(A, B))));
    }

    @Override
    public AutoCloseable listen(final Consumer<Change> listener) {
      LISTENING.set(true);
      listener.accept(new Change("UnreachableMember", C, "Up"));
      listener.accept(new Change("LeaderChanged", A, null));
      return () -> LISTENING.set(false);
    }
  };

  private static final ShardingGateway SHARDING = new ShardingGateway() {
    @Override
    public List<String> entityTypes() {
      return List.of("Executor", "Agent");
    }

    @Override
    public CompletionStage<TypeStats> stats(final String type) {
      return CompletableFuture.completedFuture("Executor".equals(type)
          ? new TypeStats(type, List.of(new NodeShards(A, 2, 3, Map.of("4", 1, "7", 2), List.of()),
              new NodeShards(B, 1, 0, Map.of(), List.of("9"))))
          : new TypeStats(type, List.of()));
    }

    @Override
    public CompletionStage<Location> locate(final String type, final String entityId) {
      return CompletableFuture.completedFuture(new Location(type, entityId, "7", null, false));
    }

    @Override
    public CompletionStage<List<NodeEntities>> entities(final String type) {
      if (!entityTypes().contains(type)) {
        throw new IllegalArgumentException("type: must be one of " + entityTypes() + ", got " + type);
      }
      return CompletableFuture.completedFuture(List.of(new NodeEntities(A, List.of("e1", "e2"))));
    }
  };

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    binding = HttpServer.start(new ClusterRoutes(ApiJson.mapper(), CLUSTER, SHARDING).routes(), "127.0.0.1", 0,
        testKit.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private URI uri(final String path) {
    return URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path);
  }

  private JsonNode get(final int status, final String path) throws Exception {
    final HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void shouldAnswerTheMembersWithWhoObservesWhomAsUnreachable() throws Exception {
    assertEquals(JSON.readTree("""
        {"self": "%1$s", "leader": "%1$s", "oldest": "%2$s",
         "members": [
           {"address": "%1$s", "status": "Up", "roles": ["dc-default"], "app_version": "1.2.0", "data_center": "default", "reachable": true},
           {"address": "%2$s", "status": "Up", "roles": ["dc-default"], "app_version": "1.2.0", "data_center": "default", "reachable": true},
           {"address": "%3$s", "status": "Up", "roles": ["dc-default"], "app_version": "1.1.0", "data_center": "default", "reachable": false}],
         "unreachable": [{"address": "%3$s", "observers": ["%1$s", "%2$s"]}]}""".formatted(A, B, C)),
        get(200, "/cluster/members"));
  }

  @Test
  void shouldAnswerEveryTypesShardsPerNode() throws Exception {
    assertEquals(JSON.readTree("""
        {"entity_types": [
          {"type": "Executor", "nodes": [
            {"address": "%s", "shards": 2, "entities": 3, "entities_by_shard": {"4": 1, "7": 2}, "failed": []},
            {"address": "%s", "shards": 1, "entities": 0, "entities_by_shard": {}, "failed": ["9"]}]},
          {"type": "Agent", "nodes": []}]}""".formatted(A, B)), get(200, "/cluster/sharding"));
    assertEquals(JSON.readTree("""
        {"type": "Executor", "nodes": [{"address": "%s", "entity_ids": ["e1", "e2"]}]}""".formatted(A)),
        get(200, "/cluster/sharding/Executor/entities"));
  }

  @Test
  void shouldLocateAnEntityWithThePathOfItsState() throws Exception {
    assertEquals(JSON.readTree("""
        {"type": "PositionBook", "entity_id": "desk 1", "shard_id": "7", "node": null, "running": false,
         "state_path": "/executors/positions/summary?controller_id=desk%201"}"""),
        get(200, "/cluster/sharding/PositionBook/entities/desk%201"));
    assertEquals(JSON.readTree("""
        {"error": "INVALID_REQUEST", "message": "type: must be one of [Executor, Agent], got Nope"}"""),
        get(400, "/cluster/sharding/Nope/entities"));
  }

  @Test
  void shouldStreamEachChangeAsAnEventNamedAfterIt() throws Exception {
    final HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(uri("/cluster/events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
    final Iterator<String> lines = r.body().iterator();
    assertEquals("data:{\"type\":\"UnreachableMember\",\"address\":\"" + C + "\",\"status\":\"Up\"}", lines.next());
    assertEquals("event:UnreachableMember", lines.next());
    assertEquals("", lines.next());
    assertEquals("data:{\"type\":\"LeaderChanged\",\"address\":\"" + A + "\",\"status\":null}", lines.next());
    assertEquals("event:LeaderChanged", lines.next());
    assertTrue(LISTENING.get());
    r.body().close();
  }
}
