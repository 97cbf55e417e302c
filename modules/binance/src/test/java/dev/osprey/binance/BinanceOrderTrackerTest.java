package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.exchange.venue.VenueOrderTracker;
import dev.osprey.testkit.TestOrders;
import dev.osprey.testkit.VenueFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;

/** Binance's {@code executionReport}s through the shared tracking rules. */
class BinanceOrderTrackerTest {
  private static final ClientOrderId ID = ClientOrderId.of("abc123");
  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  private BinanceOrderTracker tracker;

  @BeforeEach
  void listBtcUsdt() throws Exception {
    final BinanceMarkets markets = new BinanceMarkets();
    markets.load(
        BinanceJson.MAPPER.readValue(
            "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\","
                + "\"quoteAsset\":\"USDT\",\"filters\":[]}]}",
            BinanceExchangeInfo.class),
        BinanceLimits.spotDefaults());
    tracker = new BinanceOrderTracker(markets);
    tracker.register(
        TestOrders.limit("binance", VenueFixture.BTC_USDT, ID, Side.BUY, "1", "100"));
  }

  /** An executionReport of ID: execution type, status, cumulative qty, and a trade or none. */
  private static JsonNode report(
      final String x, final String status, final String z, final String tradeId, final String qty) {
    final ObjectNode m = BinanceJson.MAPPER.createObjectNode();
    m.put("e", "executionReport").put("s", "BTCUSDT").put("c", ID.value()).put("x", x);
    m.put("X", status).put("i", 77).put("z", z).put("O", NOW.toEpochMilli());
    m.put("T", NOW.toEpochMilli());
    if (tradeId != null) {
      m.put("t", tradeId).put("l", qty).put("L", "100").put("n", "0.0004").put("N", "BTC");
    }
    return m;
  }

  private List<String> kinds(final VenueOrderTracker.Update u) {
    final List<String> out = new ArrayList<>();
    u.events().forEach(e -> out.add(e.getClass().getSimpleName()));
    return out;
  }

  @Test
  void shouldReportPartialFillsEachOnceAndFinishOnTheLast() {
    assertEquals(
        List.of("Accepted"),
        kinds(tracker.onExecutionReport(report("NEW", "NEW", "0", null, null), NOW)));
    assertEquals(
        List.of("Filled"),
        kinds(
            tracker.onExecutionReport(
                report("TRADE", "PARTIALLY_FILLED", "0.4", "1", "0.4"), NOW)));
    assertEquals(
        List.of(),
        kinds(
            tracker.onExecutionReport(report("TRADE", "PARTIALLY_FILLED", "0.4", "1", "0.4"), NOW)),
        "a duplicate report");
    final VenueOrderTracker.Update last =
        tracker.onExecutionReport(report("TRADE", "FILLED", "1", "2", "0.6"), NOW);
    assertEquals(List.of("Filled"), kinds(last));
    assertTrue(tracker.find(ID).orElseThrow().isDone());
    // 0.0004 BTC at 100 = 0.04 USDT
    assertEquals(
        0,
        new BigDecimal("0.04")
            .compareTo(((OrderEvent.Filled) last.events().get(0)).fill().feeQuote().value()));
  }

  @Test
  void shouldAcceptAnOrderWhoseFillCameBeforeItsAnswer() {
    assertEquals(
        List.of("Accepted", "Filled"),
        kinds(tracker.onExecutionReport(report("TRADE", "FILLED", "1", "1", "1"), NOW)));
    assertEquals(List.of(), kinds(tracker.onAccepted(ID, "77", NOW)));
  }

  @Test
  void shouldAskForALookUpWhenBinanceReportsMoreFilledThanSeen() {
    tracker.onExecutionReport(report("NEW", "NEW", "0", null, null), NOW);
    final VenueOrderTracker.Update cancelled =
        tracker.onExecutionReport(report("CANCELED", "CANCELED", "0.4", null, null), NOW);
    assertTrue(cancelled.needsLookup(), "a fill of 0.4 was not seen");
    assertEquals(List.of(), kinds(cancelled));
  }

  @Test
  void shouldReadTheOriginalIdOfACancelsReport() {
    tracker.onExecutionReport(report("NEW", "NEW", "0", null, null), NOW);
    final ObjectNode cancel = (ObjectNode) report("CANCELED", "CANCELED", "0", null, null);
    cancel.put("c", "web_cancel_1").put("C", ID.value());
    assertEquals(List.of("Cancelled"), kinds(tracker.onExecutionReport(cancel, NOW)));
    assertTrue(tracker.find(ID).orElseThrow().isDone());
  }
}
