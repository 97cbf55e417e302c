package dev.osprey.domain.position;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionBookTest {
  private static final String CONNECTOR = "paper";
  private static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static HeldOrder held(
      final String id, final Side side, final PositionAction action, final String base,
      final String price, final String fee) {
    final BigDecimal b = new BigDecimal(base);
    final BigDecimal q = b.multiply(new BigDecimal(price));
    return new HeldOrder(
        ClientOrderId.of(id), CONNECTOR, PAIR, side, OrderType.LIMIT, action, Price.of(price),
        Quantity.of(base), Quantity.of(base), new QuoteAmount(q), QuoteAmount.of(fee),
        T0);
  }

  private static HeldOrder held(
      final String id, final Side side, final String base, final String px) {
    return held(id, side, PositionAction.OPEN, base, px, "0");
  }

  /** One fill, then the net, average entry and cumulative realized P&L expected after it. */
  private record Step(
      String id, Side side, String base, String px, String net, String avg, String realized) {}

  private static final List<Step> FLIPS = List.of(
      new Step("o1", Side.BUY, "1", "100", "1", "100", "0"),
      new Step("o2", Side.BUY, "1", "110", "2", "105", "0"),
      // sells 3: closes 2 long at +15 each (30), opens 1 short at 120
      new Step("o3", Side.SELL, "3", "120", "-1", "120", "30"),
      new Step("o4", Side.SELL, "1", "130", "-2", "125", "30"),
      // buys back 0.5 of the short at 100: (125 - 100) * 0.5 = 12.5
      new Step("o5", Side.BUY, "0.5", "100", "-1.5", "125", "42.5"),
      // buys 2.5 at 140: closes 1.5 short at -15 each (-22.5), opens 1 long at 140
      new Step("o6", Side.BUY, "2.5", "140", "1", "140", "20"),
      // sells exactly the position: flat, average 0
      new Step("o7", Side.SELL, "1", "139", "0", "0", "19"));

  @Test
  void shouldCountTheFeesOfAnOrderThatTradedNoBase() {
    final HeldOrder feesOnly = new HeldOrder(ClientOrderId.of("lp-1"), CONNECTOR, PAIR, Side.BUY, OrderType.MARKET,
        PositionAction.NIL, Price.of("100"), Quantity.ZERO, Quantity.ZERO, QuoteAmount.ZERO, QuoteAmount.of("0.4"), T0);
    final PositionBook book = PositionBook.empty("ctl")
        .apply("e1", List.of(held("o1", Side.BUY, PositionAction.OPEN, "1", "100", "0.1")))
        .apply("lp", List.of(feesOnly));
    final PositionHold hold = book.get(CONNECTOR, PAIR).orElseThrow();
    assertDecimal("1", hold.netBase());
    assertDecimal("100", hold.breakevenPrice().value());
    assertDecimal("0.5", hold.cumFeesQuote().value());
    assertEquals(List.of("e1", "lp"), hold.executorIds());
  }

  @Test
  void shouldNetThroughFlipsAtAverageCostRealizingEveryReducingFill() {
    PositionBook book = PositionBook.empty("ctl");
    for (Step s : FLIPS) {
      book = book.apply("ex1", List.of(held(s.id(), s.side(), s.base(), s.px())));
      final PositionHold h = book.get(CONNECTOR, PAIR).orElseThrow();
      assertEquals(0, new BigDecimal(s.net()).compareTo(h.netBase()), s.id() + " net");
      assertEquals(0, new BigDecimal(s.avg()).compareTo(h.averageEntry()), s.id() + " avg");
      final BigDecimal realized = h.realizedPnlQuote().value();
      assertEquals(0, new BigDecimal(s.realized()).compareTo(realized), s.id() + " realized");
    }
    assertEquals(1, book.holds().size());
  }

  @ParameterizedTest(name = "long 2 @ 105, sell {0} @ {1} -> net {2}, avg {3}, realized {4}")
  @CsvSource({
    "0.5, 99,  1.5, 105, -3",
    "1.5, 110, 0.5, 105, 7.5",
    "2,   105, 0,   0,   0",
    "2.5, 100, -0.5, 100, -10",
  })
  void shouldKeepTheAverageOnAPartialReduceAndRealizeTheMatchedPart(
      final String sell,
      final String px,
      final String net,
      final String avg,
      final String realized) {
    final PositionBook book = PositionBook.empty("ctl")
        .apply("ex1", List.of(held("b1", Side.BUY, "1", "100"), held("b2", Side.BUY, "1", "110")))
        .apply("ex2", List.of(held("s1", Side.SELL, sell, px)));
    final PositionHold h = book.get(CONNECTOR, PAIR).orElseThrow();
    assertDecimal(net, h.netBase());
    assertDecimal(avg, h.averageEntry());
    assertDecimal(realized, h.realizedPnlQuote().value());
    assertEquals(List.of("ex1", "ex2"), h.executorIds());
  }

  @Test
  void shouldApplyEachClientOrderIdOnce() {
    final List<HeldOrder> orders =
        List.of(held("o1", Side.BUY, PositionAction.OPEN, "1", "100", "0.1"));
    final PositionBook once = PositionBook.empty("ctl").apply("ex1", orders);
    assertSame(once, once.apply("ex1", orders));
    final PositionBook again =
        once.apply("ex2", List.of(orders.get(0), held("o2", Side.BUY, "1", "110")));
    final PositionHold h = again.get(CONNECTOR, PAIR).orElseThrow();
    assertDecimal("2", h.netBase());
    assertDecimal("105", h.averageEntry());
    assertDecimal("0.1", h.cumFeesQuote().value());
    assertDecimal("210", h.volumeQuote().value());
    assertTrue(again.isApplied(ClientOrderId.of("o1")));
  }

  @Test
  void shouldKeepLongAndShortApartInHedgeMode() {
    final List<HeldOrder> orders = List.of(
        held("o1", Side.BUY, PositionAction.OPEN, "1", "100", "0.1"),
        held("o2", Side.SELL, PositionAction.OPEN, "2", "101", "0.2"),
        held("o3", Side.SELL, PositionAction.CLOSE, "0.4", "104.5", "0.04"),
        held("o4", Side.BUY, PositionAction.CLOSE, "1", "99", "0.1"));
    final PositionBook hedge = PositionBook.empty("ctl").apply("ex1", orders, PositionMode.HEDGE);
    final PositionHold lng = hedge.get(PositionKey.hedge(CONNECTOR, PAIR, Side.BUY)).orElseThrow();
    final PositionHold sht = hedge.get(PositionKey.hedge(CONNECTOR, PAIR, Side.SELL)).orElseThrow();
    assertDecimal("0.6", lng.netBase());
    assertDecimal("100", lng.averageEntry());
    assertDecimal("1.8", lng.realizedPnlQuote().value());
    assertDecimal("0.14", lng.cumFeesQuote().value());
    assertDecimal("-1", sht.netBase());
    assertDecimal("101", sht.averageEntry());
    assertDecimal("2", sht.realizedPnlQuote().value());
    assertDecimal("0.3", sht.cumFeesQuote().value());
    assertEquals(2, hedge.positions(CONNECTOR, PAIR).size());

    // the same orders netted one-way: +1 @ 100, sell 2 @ 101 (realizes 1, flips to -1 @ 101),
    // 0.4 more short @ 104.5 (avg 102), buy 1 back @ 99 (realizes 3)
    final PositionHold net =
        PositionBook.empty("ctl").apply("ex1", orders).get(CONNECTOR, PAIR).orElseThrow();
    assertEquals(1, PositionBook.empty("ctl").apply("ex1", orders).holds().size());
    assertDecimal("-0.4", net.netBase());
    assertDecimal("102", net.averageEntry());
    assertDecimal("4", net.realizedPnlQuote().value());
  }

  @ParameterizedTest(name = "net {0} @ {1}, mid {2} -> unrealized {3}")
  @CsvSource({
    "BUY,  2, 105, 110, 10",
    "BUY,  2, 105, 100, -10",
    "SELL, 1, 120, 125, -5",
    "SELL, 1, 120, 110.5, 9.5",
  })
  void shouldMarkTheOpenAmountToMid(
      final Side side, final String base, final String px, final String mid, final String pnl) {
    final PositionHold h = PositionBook.empty("ctl")
        .apply("ex1", List.of(held("o1", side, PositionAction.OPEN, base, px, "0.5")))
        .get(CONNECTOR, PAIR).orElseThrow();
    final PositionSummary s = h.summary(Price.of(mid));
    assertDecimal(pnl, s.unrealizedPnlQuote().value());
    assertDecimal(base, s.amount().value());
    assertEquals(side, s.side());
    assertDecimal(px, s.breakevenPrice().value());
    final BigDecimal global = new BigDecimal(pnl).subtract(new BigDecimal("0.5"));
    assertDecimal(global.toPlainString(), s.globalPnlQuote().value());
  }

  @Test
  void shouldViewTheHoldInTheApiShape() {
    final PositionHold h = PositionBook.empty("ctl")
        .apply("ex1", List.of(held("b1", Side.BUY, PositionAction.OPEN, "2", "100", "0.2")))
        .apply("ex2", List.of(held("s1", Side.SELL, PositionAction.OPEN, "0.5", "120", "0.06")))
        .get(CONNECTOR, PAIR).orElseThrow();
    final Optional<Price> mid = Optional.of(Price.of("110"));
    final PositionView v = PositionView.of(h, "master_account", "ctl", mid);
    assertDecimal("2", v.buyAmountBase().value());
    assertDecimal("200", v.buyAmountQuote().value());
    assertDecimal("0.5", v.sellAmountBase().value());
    assertDecimal("60", v.sellAmountQuote().value());
    assertDecimal("1.5", v.netAmountBase());
    assertDecimal("100", v.buyBreakevenPrice().value());
    assertDecimal("120", v.sellBreakevenPrice().value());
    assertDecimal("100", v.breakevenPrice().value());
    assertDecimal("0.5", v.matchedAmountBase().value());
    assertDecimal("1.5", v.unmatchedAmountBase().value());
    assertEquals(PositionSide.LONG, v.positionSide());
    assertDecimal("10", v.realizedPnlQuote().value());
    assertDecimal("0.26", v.cumFeesQuote().value());
    assertDecimal("15", v.unrealizedPnlQuote().value());
    assertEquals(2, v.executorCount());
    assertEquals(List.of("ex1", "ex2"), v.executorIds());
    assertEquals(h.lastUpdated(), v.lastUpdated());
    assertNull(PositionView.of(h, "master_account", "ctl", Optional.empty()).unrealizedPnlQuote());
  }

  @Test
  void shouldShowAFlatHoldWithoutSellBreakeven() {
    final PositionHold h = PositionHold.empty(PositionKey.oneWay(CONNECTOR, PAIR));
    final PositionView v = PositionView.of(h, "a", "ctl", Optional.of(Price.of("1")));
    assertEquals(PositionSide.FLAT, v.positionSide());
    assertNull(v.buyBreakevenPrice());
    assertNull(v.sellBreakevenPrice());
    assertDecimal("0", v.unrealizedPnlQuote().value());
  }

  @Test
  void shouldForgetClearedBucketsButNotTheirOrderIds() {
    final List<HeldOrder> orders = List.of(held("o1", Side.BUY, "1", "100"));
    final PositionBook cleared =
        PositionBook.empty("ctl").apply("ex1", orders).clear(CONNECTOR, PAIR);
    assertTrue(cleared.holds().isEmpty());
    assertSame(cleared, cleared.apply("ex1", orders));
  }
}
