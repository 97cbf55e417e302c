package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance of spec 003 on OKX: a node whose {@code okx} connector has credentials and trades on
 * the local OKX simulator; the Loom executor agent, trading enabled, turns a 0.85 BUY plan on
 * {@code plan.ready} into a MARKET order of 0.0073 BTC on BTC-USDT (cash) and answers on
 * {@code execution.btc}.
 */
class LoomOkxTest {
  @RegisterExtension
  static final OkxSimulatedNode okx = OkxSimulatedNode.perClass(
      ConfigFactory.parseString("osprey.agents.tick-check-interval = 20ms"), sim -> {
        // OKX's BTC-USDT: price in 0.1, size in 0.00000001 BTC from 0.00001.
        sim.listInstrument("BTC-USDT", "0.1", "0.00000001", "0.00001");
        sim.setFees("0.0008", "0.001");
        sim.setBalance("USDT", "10000");
        sim.setTicker("BTC-USDT", "50000", "50010");
      });

  @Test
  void shouldPlaceTheSizedMarketOrderOnOkxAndPublishTheResult() throws Exception {
    final HttpNode node = okx.node();
    final String toml = "[agents.executor-agent]\ntopics = [\"plan.ready\"]\nenable_trading = true\n"
        + "min_order_size = 0.001\nmax_order_size = 0.01\n";
    final HttpResponse<String> created = node.send("POST", "/agents",
        new ObjectMapper().writeValueAsString(Map.of("id", "executor-agent", "loom_toml", toml)));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(0, HttpNode.json(created).get("notes").size(), "okx has credentials: no paper twin note");
    assertEquals(200, node.send("POST", "/agents/executor-agent/sessions/start", "").statusCode());
    node.awaitJson("/topics/plan.ready", n -> assertEquals(1, n.get("local_subscribers").asInt()));

    try (EventStream results = new EventStream(node, "execution.btc", HttpNode.ADMIN)) {
      node.awaitJson("/topics/execution.btc", n -> assertEquals(1, n.get("local_subscribers").asInt()));
      assertEquals(202, node.send("POST", "/topics/plan.ready", "{\"symbol\": \"BTC\", \"action\": \"BUY\", "
          + "\"confidence\": 0.85, \"reasoning\": \"Strong uptrend with bullish sentiment\"}").statusCode());
      final JsonNode result = results.nextData();
      assertEquals("success", result.get("status").asText(), result::toString);
      assertEquals(true, result.get("executed").asBoolean());
      assertDecimal("0.0073", result.get("order_size"));
      assertEquals("Order placed: BUY 0.0073 BTC-USDT", result.get("message").asText());
      assertEquals("executor-agent:s1:t2:0", result.get("order_id").asText());
    }
    final JsonNode order = node.awaitExecutor("executor-agent:s1:t2:0",
        e -> e.get("close_type").asText().equals("POSITION_HOLD"));
    assertEquals("okx", order.get("connector_name").asText());
    assertDecimal("365.073", order.get("filled_amount_quote"));   // 0.0073 × ask 50010
    final List<Map<String, String>> onOkx = okx.sim().orders();
    assertEquals(1, onOkx.size(), onOkx::toString);
    final Map<String, String> sent = onOkx.get(0);
    assertEquals("BTC-USDT", sent.get("instId"));
    assertEquals("buy", sent.get("side"));
    assertEquals("market", sent.get("ordType"));
    assertEquals("cash", sent.get("tdMode"));
    assertEquals(0, new BigDecimal("0.0073").compareTo(new BigDecimal(sent.get("sz"))), sent::toString);   // in BTC
    assertTrue(sent.get("clOrdId").matches("[A-Za-z0-9]{1,32}"), sent::toString);
    assertEquals(200, node.send("POST", "/agents/executor-agent/sessions/stop", "").statusCode());
  }
}
