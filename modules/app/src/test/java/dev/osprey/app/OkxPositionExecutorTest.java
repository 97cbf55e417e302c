package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.okx.OkxSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: a whole node whose {@code okx} connector (credentials configured) trades on the local
 * OKX simulator. A position executor on {@code okx} opens, hits its take profit and closes with
 * exactly the figures the paper venue gives for the same quotes and fees.
 */
class OkxPositionExecutorTest {
  @RegisterExtension
  static final OkxSimulatedNode OKX =
      OkxSimulatedNode.perClass(
          List.of("DOGE-USDT", "XRP-USDT", "ADA-USDT"), OkxPositionExecutorTest::feesAndBalance);

  /** The markets not quoted yet; OKX's fees; 10000 USDT. */
  private static void feesAndBalance(final OkxSimulator sim) {
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
  }

  private static String openPosition(final String connector) throws Exception {
    return openPosition(connector, "DOGE-USDT");
  }

  private static String openPosition(final String connector, final String pair) throws Exception {
    final String id = OkxSimulatedNode.createPosition(OKX.node(), connector, pair);
    OKX.node().awaitExecutor(id, n -> n.get("is_trading").asBoolean());
    return id;
  }

  @Test
  void shouldTakeProfitOnOkxWithTheFiguresOfThePaperVenue() throws Exception {
    // The same market on both venues: taker fee 0.1 %, quoted at 100, then bid 103 / ask 103.1.
    assertEquals(
        200,
        OKX.node()
            .send(
                "PUT",
                "/paper/markets/DOGE-USDT",
                "{\"taker_fee\": \"0.001\", \"maker_fee\": \"0.0008\", \"min_order_size\":"
                    + " \"0.001\"}")
            .statusCode());
    assertEquals(
        200,
        OKX.node()
            .send("POST", "/paper/markets/DOGE-USDT/quote", "{\"price\": \"100\"}")
            .statusCode());
    OKX.sim().setTicker("DOGE-USDT", "100", "100");

    final String onPaper = openPosition("paper");
    final String onOkx = openPosition("okx");

    final JsonNode[] closedBoth =
        OKX.quoteAndAwaitEnd("DOGE-USDT", "DOGE-USDT", "103", "103.1", onPaper, onOkx);
    final JsonNode paper = closedBoth[0];
    final JsonNode okx = closedBoth[1];
    for (JsonNode closed : closedBoth) {
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
      // Entry: 1 @ 100, fee 0.1 (OKX: 0.001 DOGE at 100). Exit: 1 @ bid 103, fee 0.103.
      assertNumbers(closed, "2.797", "0.203", "203");
    }
    assertDecimal(paper.get("net_pnl_pct").decimalValue().toPlainString(), okx.get("net_pnl_pct"));
    assertEquals("okx", okx.get("config").get("connector_name").asText());
    assertEquals(
        2, OKX.sim().orders().stream().filter(o -> o.get("instId").equals("DOGE-USDT")).count());
  }

  @Test
  void shouldReconcileAnOpenOrderWhoseAnswerWasLostWithTheSocket() throws Exception {
    OKX.sim().setTicker("XRP-USDT", "100", "100");
    final int ordersBefore = OKX.sim().count("order");
    final int loginsBefore = OKX.sim().count("login");
    // OKX takes and fills the open order, then the socket drops before its answer and pushes.
    OKX.sim().dropOnNextOrder(OkxSimulator.Drop.AFTER_ORDER);
    final String id = openPosition("okx", "XRP-USDT");
    assertEquals(loginsBefore + 1, OKX.sim().count("login"), "reconnected");
    assertEquals(ordersBefore + 1, OKX.sim().count("order"), "the open order was sent once");

    OKX.sim().setTicker("XRP-USDT", "103", "103.1");
    final JsonNode closed =
        OKX.node().awaitExecutor(id, n -> "TERMINATED".equals(n.get("status").asText()));
    assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
    assertNumbers(closed, "2.797", "0.203", "203"); // the open fill counted once, none lost
    assertEquals(ordersBefore + 2, OKX.sim().count("order"));
    assertEquals(
        2, OKX.sim().orders().stream().filter(o -> o.get("instId").equals("XRP-USDT")).count());
  }

  @Test
  void shouldShowOkxsRateLimitOnTheExecutorAndRecover() throws Exception {
    OKX.sim().setTicker("ADA-USDT", "100", "100");
    OKX.sim().rateLimitNextOrders(1);
    final String id = OkxSimulatedNode.createPosition(OKX.node(), "okx", "ADA-USDT");
    // A clear error on the executor, which keeps running and retries its open order.
    final JsonNode refused = OKX.node().awaitExecutor(id, n -> n.get("error_count").asInt() == 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("50011") && error.contains("rate limit"), error);
    assertEquals("RUNNING", refused.get("status").asText());
    OKX.sim().setTicker("ADA-USDT", "100", "100.1");
    OKX.node().awaitExecutor(id, n -> n.get("is_trading").asBoolean());
  }
}
