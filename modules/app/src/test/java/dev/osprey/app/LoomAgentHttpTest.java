package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Loom executor agent of spec 003 on a node: imported from its loom.toml, fed plans on
 * {@code plan.ready} over HTTP, answering on {@code execution.btc} in the spec's format. No OKX
 * credentials here, so {@code okx} runs on its paper twin.
 */
class LoomAgentHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-12-05T10:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK,
      ConfigFactory.parseString("osprey.agents.tick-check-interval = 20ms"));
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path tmp;

  /** The spec's loom.toml, with the safety switch as given. */
  private static String loomToml(final boolean trading, final String topic) {
    return "[agents.executor-agent]\ntopics = [\"" + topic + "\"]\nenable_trading = " + trading
        + "  # Safety switch - set to true to enable\nmin_order_size = 0.001  # Minimum order size in BTC\n"
        + "max_order_size = 0.01   # Maximum order size in BTC\n";
  }

  private static JsonNode start(final String id, final String toml, final String topic) throws Exception {
    final HttpResponse<String> created = node.send("POST", "/agents",
        JSON.writeValueAsString(Map.of("id", id, "loom_toml", toml)));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(200, node.send("POST", "/agents/" + id + "/sessions/start", "").statusCode());
    // Subscribed once its session runs; its first tick (the clock's) says it waits for plans.
    node.awaitJson("/topics/" + topic, n -> assertTrue(n.get("local_subscribers").asInt() >= 1, n::toString));
    return HttpNode.json(created);
  }

  private static void plan(final String topic, final String json) throws Exception {
    assertEquals(202, node.send("POST", "/topics/" + topic, json).statusCode());
  }

  @Test
  void shouldExecutePlansAndPublishTheSpecsResults() throws Exception {
    final JsonNode agent = start("executor-agent", loomToml(true, "plan.ready"), "plan.ready");
    assertEquals("loom_executor", agent.get("policy").asText());
    assertEquals("okx runs on okx_paper_trade (paper): no credentials for okx on this node",
        agent.get("notes").get(0).asText());
    node.quote("okx_paper_trade", "BTC-USDT", "50000", "50010");
    try (EventStream results = new EventStream(node, "execution.btc", HttpNode.ADMIN)) {
      node.awaitJson("/topics/execution.btc", n -> assertEquals(1, n.get("local_subscribers").asInt()));

      plan("plan.ready", "{\"symbol\": \"BTC\", \"action\": \"BUY\", \"confidence\": 0.85, "
          + "\"reasoning\": \"Strong uptrend with bullish sentiment\", \"sources\": {\"trend\": {}}}");
      final JsonNode executed = results.nextData();
      assertEquals(HttpNode.json("{\"symbol\": \"BTC\", \"plan_action\": \"BUY\", \"plan_confidence\": 0.85, "
          + "\"executed\": true, \"status\": \"success\", \"order_id\": \"executor-agent:s1:t2:0\", "
          + "\"order_size\": 0.0073, \"message\": \"Order placed: BUY 0.0073 BTC-USDT\", "
          + "\"execution_time_ms\": " + CLOCK.instant().toEpochMilli() + "}"), executed);
      // The order executor bought 0.0073 BTC at the ask on the paper twin.
      final JsonNode order = node.awaitExecutor("executor-agent:s1:t2:0",
          e -> e.get("close_type").asText().equals("POSITION_HOLD"));
      assertEquals("okx_paper_trade", order.get("connector_name").asText());
      assertEquals("BUY", order.get("side").asText());
      assertDecimal("365.073", order.get("filled_amount_quote"));   // 0.0073 × 50010

      plan("plan.ready", "{\"symbol\": \"BTC\", \"action\": \"HOLD\", \"confidence\": 0.7}");
      final JsonNode hold = results.nextData();
      assertEquals("hold", hold.get("status").asText());
      assertEquals("HOLD: no order", hold.get("message").asText());

      plan("plan.ready", "{\"symbol\": \"BTC\", \"action\": \"BUY\", \"confidence\": \"high\"}");
      final JsonNode malformed = results.nextData();
      assertEquals("error", malformed.get("status").asText());
      assertEquals("Malformed plan: confidence must be a number from 0 to 1", malformed.get("message").asText());
    }
    // Every plan was journaled, answered in its own tick, and published from the journal.
    final String journal = node.send("GET", "/agents/executor-agent/files/"
        + "trading_sessions%2Fsession_1%2Fjournal.md", null).body();
    assertTrue(journal.contains("| publish -- execution.btc {\"symbol\":\"BTC\",\"plan_action\":\"BUY\""), journal);
    assertTrue(journal.contains("| create_executor -- order_executor okx_paper_trade BTC-USDT BUY"), journal);
    stop("executor-agent");
  }

  /** A stopped session listens no more (the other test's plans are not this agent's). */
  private static void stop(final String id) throws Exception {
    assertEquals(200, node.send("POST", "/agents/" + id + "/sessions/stop", "").statusCode());
  }

  /** The README's walk-through: the spec's loom.toml as shipped, imported from a shell, trading disabled. */
  @Test
  void shouldOnlySimulateWithTradingDisabledAsTheSpecDefaults() throws Exception {
    final Map<String, String> env = Map.of("OSPREY_URL", node.baseUri(),
        "OSPREY_USER", "test-admin", "OSPREY_PASSWORD", "test-admin-password");
    final Path folder = Files.createDirectories(tmp.resolve("dry-agent"));
    try (var shipped = LoomAgentHttpTest.class.getResourceAsStream("/examples/executor-agent/loom.toml")) {
      Files.copy(shipped, folder.resolve("loom.toml"));
    }
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, AgentCli.run(new String[] {"import", folder.toString()}, env,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)), err::toString);
    assertEquals(200, node.send("POST", "/agents/dry-agent/sessions/start", "").statusCode());
    node.awaitJson("/topics/plan.ready", n -> assertTrue(n.get("local_subscribers").asInt() >= 1, n::toString));
    try (EventStream results = new EventStream(node, "execution.eth", HttpNode.ADMIN)) {
      node.awaitJson("/topics/execution.eth", n -> assertEquals(1, n.get("local_subscribers").asInt()));
      plan("plan.ready", "{\"symbol\": \"eth\", \"action\": \"SELL\", \"confidence\": 0.9}");
      final JsonNode simulated = results.nextData();
      assertEquals("ETH", simulated.get("symbol").asText());
      assertEquals(false, simulated.get("executed").asBoolean());
      assertEquals("skipped", simulated.get("status").asText());
      assertDecimal("0.0082", simulated.get("order_size"));
      assertEquals("Trading disabled: would SELL 0.0082 ETH-USDT", simulated.get("message").asText());
    }
    assertEquals(0, HttpNode.json(node.send("GET", "/agents/dry-agent", null)).get("executors").asInt());
    stop("dry-agent");
  }
}
