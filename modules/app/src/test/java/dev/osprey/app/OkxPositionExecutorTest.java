package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.okx.OkxSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a whole node whose {@code okx} connector (credentials configured) trades on the local
 * OKX simulator. A position executor on {@code okx} opens, hits its take profit and closes with
 * exactly the figures the paper venue gives for the same quotes and fees.
 */
class OkxPositionExecutorTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  private static OkxSimulator sim;
  private static HttpNode node;

  @BeforeAll
  static void start() {
    sim = OkxSimulator.start();
    sim.listInstrument("DOGE-USDT", "0.1", "0.001", "0.001");
    sim.listInstrument("XRP-USDT", "0.1", "0.001", "0.001");
    sim.listInstrument("ADA-USDT", "0.1", "0.001", "0.001");
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
    node = OkxSimulatedNode.start(CLOCK, sim);
  }

  @AfterAll
  static void stop() {
    node.close();
    sim.close();
  }

  private static String openPosition(final String connector) throws Exception {
    return openPosition(connector, "DOGE-USDT");
  }

  private static String openPosition(final String connector, final String pair) throws Exception {
    final String id = OkxSimulatedNode.createPosition(node, connector, pair);
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());
    return id;
  }

  @Test
  void shouldTakeProfitOnOkxWithTheFiguresOfThePaperVenue() throws Exception {
    // The same market on both venues: taker fee 0.1 %, quoted at 100, then bid 103 / ask 103.1.
    assertEquals(
        200,
        node.send(
                "PUT",
                "/paper/markets/DOGE-USDT",
                "{\"taker_fee\": \"0.001\", \"maker_fee\": \"0.0008\", \"min_order_size\":"
                    + " \"0.001\"}")
            .statusCode());
    assertEquals(
        200,
        node.send("POST", "/paper/markets/DOGE-USDT/quote", "{\"price\": \"100\"}").statusCode());
    sim.setTicker("DOGE-USDT", "100", "100");

    final String onPaper = openPosition("paper");
    final String onOkx = openPosition("okx");

    node.send("POST", "/paper/markets/DOGE-USDT/quote", "{\"bid\": \"103\", \"ask\": \"103.1\"}");
    sim.setTicker("DOGE-USDT", "103", "103.1");
    final JsonNode paper =
        node.awaitExecutor(onPaper, n -> "TERMINATED".equals(n.get("status").asText()));
    final JsonNode okx =
        node.awaitExecutor(onOkx, n -> "TERMINATED".equals(n.get("status").asText()));

    for (JsonNode closed : new JsonNode[] {paper, okx}) {
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
      // Entry: 1 @ 100, fee 0.1 (OKX: 0.001 DOGE at 100). Exit: 1 @ bid 103, fee 0.103.
      assertNumbers(closed, "2.797", "0.203", "203");
    }
    assertDecimal(paper.get("net_pnl_pct").decimalValue().toPlainString(), okx.get("net_pnl_pct"));
    assertEquals("okx", okx.get("config").get("connector_name").asText());
    assertEquals(2, sim.orders().stream().filter(o -> o.get("instId").equals("DOGE-USDT")).count());
  }

  @Test
  void shouldReconcileAnOpenOrderWhoseAnswerWasLostWithTheSocket() throws Exception {
    sim.setTicker("XRP-USDT", "100", "100");
    final int ordersBefore = sim.count("order");
    final int loginsBefore = sim.count("login");
    // OKX takes and fills the open order, then the socket drops before its answer and pushes.
    sim.dropOnNextOrder(OkxSimulator.Drop.AFTER_ORDER);
    final String id = openPosition("okx", "XRP-USDT");
    assertEquals(loginsBefore + 1, sim.count("login"), "reconnected");
    assertEquals(ordersBefore + 1, sim.count("order"), "the open order was sent once");

    sim.setTicker("XRP-USDT", "103", "103.1");
    final JsonNode closed =
        node.awaitExecutor(id, n -> "TERMINATED".equals(n.get("status").asText()));
    assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
    assertNumbers(closed, "2.797", "0.203", "203"); // the open fill counted once, none lost
    assertEquals(ordersBefore + 2, sim.count("order"));
    assertEquals(2, sim.orders().stream().filter(o -> o.get("instId").equals("XRP-USDT")).count());
  }

  @Test
  void shouldShowOkxsRateLimitOnTheExecutorAndRecover() throws Exception {
    sim.setTicker("ADA-USDT", "100", "100");
    sim.rateLimitNextOrders(1);
    final String id = OkxSimulatedNode.createPosition(node, "okx", "ADA-USDT");
    // A clear error on the executor, which keeps running and retries its open order.
    final JsonNode refused = node.awaitExecutor(id, n -> n.get("error_count").asInt() == 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("50011") && error.contains("rate limit"), error);
    assertEquals("RUNNING", refused.get("status").asText());
    sim.setTicker("ADA-USDT", "100", "100.1");
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());
  }
}
