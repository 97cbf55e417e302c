package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: a whole node whose {@code binance} connector (credentials configured) trades on the
 * local Binance simulator. A position executor on {@code binance} opens, hits its take profit and
 * closes with exactly the figures the paper venue gives for the same quotes and fees; the same
 * after the open order's answer and reports were lost; a 429 shows on the executor.
 */
class BinancePositionExecutorTest {
  @RegisterExtension
  static final BinanceSimulatedNode BINANCE =
      BinanceSimulatedNode.perClass(
          List.of("DOGE-USDT", "XRP-USDT", "ADA-USDT"),
          BinancePositionExecutorTest::feesAndBalance);

  /** The markets not quoted yet; Binance's default fees; 10000 USDT. */
  private static void feesAndBalance(final BinanceSimulator sim) {
    sim.setFees("0.001", "0.001");
    sim.setBalance("USDT", "10000");
  }

  private static String openPosition(final String connector, final String pair) throws Exception {
    final String id = SimulatedVenueNode.createPosition(BINANCE.node(), connector, pair);
    BINANCE.node().awaitExecutor(id, n -> n.get("is_trading").asBoolean());
    return id;
  }

  @Test
  void shouldTakeProfitOnBinanceWithTheFiguresOfThePaperVenue() throws Exception {
    // The same market on both venues: taker fee 0.1 %, quoted at 100, then bid 103 / ask 103.1.
    assertEquals(
        200,
        BINANCE
            .node()
            .send(
                "PUT",
                "/paper/markets/DOGE-USDT",
                "{\"taker_fee\": \"0.001\", \"maker_fee\": \"0.001\", \"min_order_size\":"
                    + " \"0.001\"}")
            .statusCode());
    assertEquals(
        200,
        BINANCE
            .node()
            .send("POST", "/paper/markets/DOGE-USDT/quote", "{\"price\": \"100\"}")
            .statusCode());
    BINANCE.sim().setTicker("DOGEUSDT", "100", "100");

    final String onPaper = openPosition("paper", "DOGE-USDT");
    final String onBinance = openPosition("binance", "DOGE-USDT");

    BINANCE
        .node()
        .send("POST", "/paper/markets/DOGE-USDT/quote", "{\"bid\": \"103\", \"ask\": \"103.1\"}");
    BINANCE.sim().setTicker("DOGEUSDT", "103", "103.1");
    final JsonNode paper =
        BINANCE.node().awaitExecutor(onPaper, n -> "TERMINATED".equals(n.get("status").asText()));
    final JsonNode binance =
        BINANCE.node().awaitExecutor(onBinance, n -> "TERMINATED".equals(n.get("status").asText()));

    for (JsonNode closed : new JsonNode[] {paper, binance}) {
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
      // Entry: 1 @ 100, fee 0.1 (Binance: 0.001 DOGE at 100). Exit: 1 @ bid 103, fee 0.103 USDT.
      assertNumbers(closed, "2.797", "0.203", "203");
    }
    assertDecimal(
        paper.get("net_pnl_pct").decimalValue().toPlainString(), binance.get("net_pnl_pct"));
    assertEquals("binance", binance.get("config").get("connector_name").asText());
    assertEquals(
        2, BINANCE.sim().orders().stream().filter(o -> o.get("symbol").equals("DOGEUSDT")).count());
  }

  @Test
  void shouldReconcileAnOpenOrderWhoseAnswerAndReportsWereLost() throws Exception {
    BINANCE.sim().setTicker("XRPUSDT", "100", "100");
    final int ordersBefore = BINANCE.sim().count("order");
    final int connectsBefore = BINANCE.sim().count("connect:user");
    // Binance takes and fills the open order; its answer (503 -1007) and reports (socket dropped)
    // are lost.
    BINANCE.sim().loseAnswerOfNextOrders(1);
    BINANCE.sim().dropUserStreamOnNextOrder();
    final String id = openPosition("binance", "XRP-USDT");
    assertEquals(ordersBefore + 1, BINANCE.sim().count("order"), "the open order was sent once");
    BINANCE
        .sim()
        .await("connect:user", connectsBefore + 1)
        .get(10, java.util.concurrent.TimeUnit.SECONDS);

    BINANCE.sim().setTicker("XRPUSDT", "103", "103.1");
    final JsonNode closed =
        BINANCE.node().awaitExecutor(id, n -> "TERMINATED".equals(n.get("status").asText()));
    assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
    assertNumbers(closed, "2.797", "0.203", "203"); // the open fill counted once, none lost
    assertEquals(ordersBefore + 2, BINANCE.sim().count("order"));
    assertEquals(
        2, BINANCE.sim().orders().stream().filter(o -> o.get("symbol").equals("XRPUSDT")).count());
  }

  @Test
  void shouldShowBinancesRateLimitOnTheExecutorAndRecover() throws Exception {
    BINANCE.sim().setTicker("ADAUSDT", "100", "100");
    BINANCE.sim().rateLimitNextOrders(1, 0);
    final String id = SimulatedVenueNode.createPosition(BINANCE.node(), "binance", "ADA-USDT");
    // A clear error on the executor, which keeps running and retries its open order.
    final JsonNode refused =
        BINANCE.node().awaitExecutor(id, n -> n.get("error_count").asInt() == 1);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains("-1015") && error.contains("rate limit"), error);
    assertEquals("RUNNING", refused.get("status").asText());
    BINANCE.sim().setTicker("ADAUSDT", "100", "100.1");
    BINANCE.node().awaitExecutor(id, n -> n.get("is_trading").asBoolean());
  }
}
