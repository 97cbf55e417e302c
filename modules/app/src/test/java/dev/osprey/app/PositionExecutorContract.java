package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on a real venue's simulator: a position executor on the venue opens, hits its take
 * profit and closes with exactly the figures the paper venue gives for the same quotes and fees;
 * the same after the open order's answer was lost (the fill counted once); a rate limit shows on
 * the executor, which keeps running and recovers. Each venue's test class registers the simulated
 * node (DOGE-USDT, XRP-USDT and ADA-USDT listed, not quoted; taker fee 0.1 %; 10000 USDT) and says
 * how its simulator loses an answer and refuses for its rate limit.
 */
abstract class PositionExecutorContract {
  private final SimulatedVenueNode<?> venue;
  private final String connector;
  private final String makerFee;

  /** The check, once the executor trades, that the connector reconnected. */
  interface Reconnected {
    void check() throws Exception;
  }

  /**
   * @param makerFee the simulator's maker fee, which the paper twin gets too
   */
  PositionExecutorContract(final SimulatedVenueNode<?> venue, final String makerFee) {
    this.venue = venue;
    this.connector = venue.connector();
    this.makerFee = makerFee;
  }

  /**
   * Makes the venue take and fill the next order but lose its answer and what it pushes, so that
   * the connector reconnects and looks the order up.
   */
  abstract Reconnected loseTheNextAnswer();

  /** Makes the venue refuse the next order for its rate limit; the venue's error code for it. */
  abstract String rateLimitTheNextOrder();

  private void quote(final String pair, final String bid, final String ask) {
    venue.sim().setTicker(venue.sim().spotSymbol(pair), bid, ask);
  }

  private long ordersOn(final String pair) {
    return venue.sim().ordersOn(venue.sim().spotSymbol(pair));
  }

  @Test
  void shouldTakeProfitWithTheFiguresOfThePaperVenue() throws Exception {
    // The same market on both venues: taker fee 0.1 %, quoted at 100, then bid 103 / ask 103.1.
    venue.paperMarket("DOGE-USDT", "0.001", makerFee, "100");
    quote("DOGE-USDT", "100", "100");

    final String onPaper = venue.openPosition("paper", "DOGE-USDT");
    final String onVenue = venue.openPosition(connector, "DOGE-USDT");

    final JsonNode[] closedBoth =
        venue.quoteAndAwaitEnd(
            "DOGE-USDT", venue.sim().spotSymbol("DOGE-USDT"), "103", "103.1", onPaper, onVenue);
    for (JsonNode closed : closedBoth) {
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
      // Entry: 1 @ 100, fee 0.1 (on the venue: 0.001 DOGE at 100). Exit: 1 @ bid 103, fee 0.103.
      assertNumbers(closed, "2.797", "0.203", "203");
    }
    assertDecimal(
        closedBoth[0].get("net_pnl_pct").decimalValue().toPlainString(),
        closedBoth[1].get("net_pnl_pct"));
    assertEquals(connector, closedBoth[1].get("config").get("connector_name").asText());
    assertEquals(2, ordersOn("DOGE-USDT"));
  }

  @Test
  void shouldReconcileAnOpenOrderWhoseAnswerWasLost() throws Exception {
    quote("XRP-USDT", "100", "100");
    final int ordersBefore = venue.sim().count("order");
    final Reconnected reconnected = loseTheNextAnswer();
    final String id = venue.openPosition(connector, "XRP-USDT");
    assertEquals(ordersBefore + 1, venue.sim().count("order"), "the open order was sent once");
    reconnected.check();

    quote("XRP-USDT", "103", "103.1");
    final JsonNode closed = venue.node().awaitTerminated(id);
    assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), closed::toString);
    assertNumbers(closed, "2.797", "0.203", "203"); // the open fill counted once, none lost
    assertEquals(ordersBefore + 2, venue.sim().count("order"));
    assertEquals(2, ordersOn("XRP-USDT"));
  }

  @Test
  void shouldShowTheRateLimitOnTheExecutorAndRecover() throws Exception {
    quote("ADA-USDT", "100", "100");
    final String rateLimitCode = rateLimitTheNextOrder();
    final String id = SimulatedVenueNode.createPosition(venue.node(), connector, "ADA-USDT");
    // A clear error on the executor, which keeps running and retries its open order.
    final JsonNode refused = venue.awaitFirstError(id);
    final String error = refused.get("last_error").asText();
    assertTrue(error.contains(rateLimitCode) && error.contains("rate limit"), error);
    assertEquals("RUNNING", refused.get("status").asText());
    quote("ADA-USDT", "100", "100.1");
    venue.node().awaitExecutor(id, n -> n.get("is_trading").asBoolean());
  }
}
