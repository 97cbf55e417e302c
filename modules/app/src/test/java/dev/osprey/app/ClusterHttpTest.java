package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster routes the operators' UI reads: members, their changes live, and sharding. */
class ClusterHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-12-06T03:00:00Z");
  private static final String EXECUTOR = "ui-cluster-1";
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  @BeforeAll
  static void createAnExecutor() throws Exception {
    node.quote("paper", "CLU-USDT", "10", "10.1");
    final HttpResponse<String> r = node.send("POST", "/executors", """
        {"controller_id": "ui-ops", "executor_config": {"id": "%s", "type": "order_executor",
          "connector_name": "paper", "trading_pair": "CLU-USDT", "side": "BUY", "amount": "1",
          "execution_strategy": "LIMIT", "price": "5"}}""".formatted(EXECUTOR));
    assertEquals(201, r.statusCode(), r.body());
    node.awaitExecutor(EXECUTOR, n -> "RUNNING".equals(n.get("status").asText()));
  }

  /** Pekko's hash sharding: the shard of an entity id out of the 100 of sharding.conf. */
  private static String shardOf(final String id) {
    return String.valueOf(Math.abs(id.hashCode() % 100));
  }

  @Test
  void shouldListTheOneMemberAsLeaderAndOldest() throws Exception {
    final JsonNode m = HttpNode.json(node.send("GET", "/cluster/members", null));
    final String address = m.get("self").asText();
    assertTrue(address.matches("pekko://osprey@[^:]+:[0-9]+"), m::toString);
    assertEquals(HttpNode.json("""
        {"self": "%1$s", "leader": "%1$s", "oldest": "%1$s", "unreachable": [],
         "members": [{"address": "%1$s", "status": "Up", "roles": ["dc-default"], "app_version": "0.0.0",
                      "data_center": "default", "reachable": true}]}""".formatted(address)), m);
  }

  @Test
  void shouldStreamTheMembersAsTheyAreThenTheirChanges() throws Exception {
    final String address = HttpNode.json(node.send("GET", "/cluster/members", null)).get("self").asText();
    try (EventStream events = new EventStream(HttpNode.READER, node, "/cluster/events")) {
      assertEquals("Content-Type: text/event-stream", events.next());
      assertEquals("data:{\"type\":\"MemberUp\",\"address\":\"" + address + "\",\"status\":\"Up\"}", events.next());
      assertEquals("event:MemberUp", events.next());
      assertEquals("data:{\"type\":\"LeaderChanged\",\"address\":\"" + address + "\",\"status\":null}", events.next());
      assertEquals("event:LeaderChanged", events.next());
    }
  }

  @Test
  void shouldCountTheShardsAndEntitiesOfEveryTypePerNode() throws Exception {
    final JsonNode s = HttpNode.json(node.send("GET", "/cluster/sharding", null));
    final String address = HttpNode.json(node.send("GET", "/cluster/members", null)).get("self").asText();
    final JsonNode types = s.get("entity_types");
    assertEquals(java.util.List.of("Executor", "RiskSupervisor", "PositionBook", "Agent", "PaperVenue", "GlobalRisk",
        "ControllerRegistry", "OrderRoute"), types.findValuesAsText("type"));
    assertEquals(HttpNode.json("""
        {"type": "Executor", "nodes": [{"address": "%s", "shards": 1, "entities": 1,
          "entities_by_shard": {"%s": 1}, "failed": []}]}""".formatted(address, shardOf(EXECUTOR))), types.get(0));
    // The node runs the agents' region, which holds no shard while there is no agent.
    assertEquals(HttpNode.json("""
        {"type": "Agent", "nodes": [{"address": "%s", "shards": 0, "entities": 0, "entities_by_shard": {},
          "failed": []}]}""".formatted(address)), types.get(3));
    assertEquals(HttpNode.json("""
        {"type": "Executor", "nodes": [{"address": "%s", "entity_ids": ["%s"]}]}""".formatted(address, EXECUTOR)),
        HttpNode.json(node.send("GET", "/cluster/sharding/Executor/entities", null)));
  }

  @Test
  void shouldLocateAnEntityAndPointToItsState() throws Exception {
    final String address = HttpNode.json(node.send("GET", "/cluster/members", null)).get("self").asText();
    assertEquals(HttpNode.json("""
        {"type": "Executor", "entity_id": "%s", "shard_id": "%s", "node": "%s", "running": true,
         "state_path": "/executors/%s"}""".formatted(EXECUTOR, shardOf(EXECUTOR), address, EXECUTOR)),
        HttpNode.json(node.send("GET", "/cluster/sharding/Executor/entities/" + EXECUTOR, null)));
    assertEquals(HttpNode.json("""
        {"type": "RiskSupervisor", "entity_id": "ui-ops", "shard_id": "%s", "node": "%s", "running": true,
         "state_path": "/controllers/ui-ops/risk"}""".formatted(shardOf("ui-ops"), address)),
        HttpNode.json(node.send("GET", "/cluster/sharding/RiskSupervisor/entities/ui-ops", null)));
    assertEquals(HttpNode.json("""
        {"type": "PaperVenue", "entity_id": "paper", "shard_id": "%s", "node": "%s", "running": true,
         "state_path": "/paper/balances?connector=paper"}""".formatted(shardOf("paper"), address)),
        HttpNode.json(node.send("GET", "/cluster/sharding/PaperVenue/entities/paper", null)));
    assertEquals(HttpNode.json("""
        {"type": "Agent", "entity_id": "no agent", "shard_id": "%s", "node": null, "running": false,
         "state_path": "/agents/no%%20agent"}""".formatted(shardOf("no agent"))),
        HttpNode.json(node.send("GET", "/cluster/sharding/Agent/entities/no%20agent", null)));
  }

  @Test
  void shouldRefuseAnUnknownTypeAndAnonymousUsers() throws Exception {
    final HttpResponse<String> r = node.send("GET", "/cluster/sharding/Nope/entities", null);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(HttpNode.json("""
        {"error": "INVALID_REQUEST", "message": "type: must be one of [Executor, RiskSupervisor, PositionBook, Agent, \
        PaperVenue, GlobalRisk, ControllerRegistry, OrderRoute], got Nope"}"""), HttpNode.json(r));
    assertEquals(401, node.sendAs(null, "GET", "/cluster/members", null).statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/cluster/sharding", null).statusCode());
  }
}
