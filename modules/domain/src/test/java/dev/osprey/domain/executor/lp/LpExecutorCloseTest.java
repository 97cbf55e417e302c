package dev.osprey.domain.executor.lp;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.lp.LpConfigs.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.ReportAssertions;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way an LP position closes, with its final numbers. The default position (L 1000 over
 * [64, 256], 37.5 base + 2000 quote at 100, initial value 5750) pays a 0.5 transaction fee on open
 * and on close and earns 0.3 % of what traders pay in while the price is in range.
 */
class LpExecutorCloseTest {

  /**
   * Open at 100, the price rises to 156.25 (traders pay 2500 quote in: fee 7.5), then a stop:
   * the position returns 17.5 base + 4500 quote, worth 7234.375; P&amp;L = 7234.375 + 7.5 − 5750 −
   * 1 = 1490.875 either way. Keeping hands over the net change (−20 base, +2507.5 quote) as one
   * SELL at 125.375; not keeping buys the 20 base back at 156.25.
   */
  @ParameterizedTest(name = "stop keep_position={0}")
  @CsvSource({"true, POSITION_HOLD", "false, EARLY_STOP"})
  void shouldCloseAFullCycleToTheCentWithAndWithoutKeepingThePosition(
      final boolean keep, final CloseType closeType) {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.at(10).move("156.25");
    final List<ExecutorEvent> close = run.at(20).stop(keep);
    final Instant t20 = T0.plusSeconds(20);
    assertEquals(
        List.of(
            new LpLiquidityRemoved(
                Quantity.of("17.5"), QuoteAmount.of("4500"), Price.of("156.25"),
                QuoteAmount.of("0.5"), t20),
            new ExecutorEvent.Terminated(closeType, t20)),
        close);
    assertEquals(RunnableStatus.TERMINATED, run.executor().status());
    assertEquals(LpState.COMPLETE, run.executor().state());
    assertFinal(run.report(), closeType, "1490.875", "0.2592826086956521739130434782608696",
        "1", "7.5", "7234.375");
    assertEquals(t20, run.report().closeTimestamp());
    // final: a later market does not move the numbers
    run.price("64");
    assertDecimal("1490.875", run.report().netPnlQuote().value());

    final Map<String, Object> info = run.report().customInfo();
    assertDecimal("17.5", (BigDecimal) info.get("base_amount"));
    assertDecimal("4500", (BigDecimal) info.get("quote_amount"));
    assertDecimal("1", (BigDecimal) info.get("tx_fee"));
    assertEquals("COMPLETE", info.get("state"));
    if (keep) {
      assertHeld(run, Side.SELL, "20", "2507.5", "125.375", "1", t20);
      assertNull(info.get("closeout_swap"));
      assertEquals(run.executor().heldOrders(), info.get("held_position_orders"));
    } else {
      assertTrue(run.executor().heldOrders().isEmpty());
      final Map<?, ?> swap = (Map<?, ?>) info.get("closeout_swap");
      assertEquals("BUY", swap.get("side"));
      assertDecimal("20", (BigDecimal) swap.get("amount_base"));
      assertDecimal("156.25", (BigDecimal) swap.get("price"));
      assertDecimal("3125", (BigDecimal) swap.get("amount_quote"));
      assertDecimal("0", (BigDecimal) swap.get("fee_quote"));
    }
  }

  /**
   * Open at 100, up to 156.25 (quote fee 7.5), down to 64 (base paid in 45: fee 0.135), back to
   * 100 (quote paid in 2000: fee 6). Back where it started with 0.135 base and 13.5 quote of
   * fees: P&amp;L = 3750 + 2000 + 13.5 + 13.5 − 5750 − 1 = 26. Kept, only base changed against no
   * opposite quote change, so the hand-over is a BUY of 0.135 valued at the closing price.
   */
  @ParameterizedTest(name = "stop keep_position={0}")
  @CsvSource({"true, POSITION_HOLD", "false, EARLY_STOP"})
  void shouldCloseARoundTripThatOnlyEarnedFees(final boolean keep, final CloseType closeType) {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.at(1).move("156.25");
    run.at(2).move("64");
    run.at(3).move("100");
    run.at(4).stop(keep);
    assertFinal(run.report(), closeType, "26", "0.004521739130434782608695652173913043", "1",
        "27", "5750");
    if (keep) {
      assertHeld(run, Side.BUY, "0.135", "13.5", "100", "1", T0.plusSeconds(4));
    } else {
      assertEquals(
          "SELL", ((Map<?, ?>) run.report().customInfo().get("closeout_swap")).get("side"));
    }
  }

  /** Limits close the position (POSITION_HOLD with keep_position, else EARLY_STOP). */
  @ParameterizedTest(name = "{0}/{1} keep={2} -> {3}")
  @CsvSource({
    // lower limit, upper limit, keep, price, close type, pnl, fees earned, value, held side,
    // held base, held quote
    "-,  300, false, 400, EARLY_STOP,    2267,  18,    8000, -,    -,      -",
    "-,  300, true,  400, POSITION_HOLD, 2267,  18,    8000, SELL, 37.5,   6018",
    "-,  300, true,  300, POSITION_HOLD, 2267,  18,    8000, SELL, 37.5,   6018",
    "50, -,   false, 40,  EARLY_STOP,    -3248, 3,     2500, -,    -,      -",
    "50, -,   true,  40,  POSITION_HOLD, -3248, 3,     2500, BUY,  25.075, 2000",
    "50, -,   true,  50,  POSITION_HOLD, -2622.25, 3.75, 3125, BUY,  25.075, 2000",
  })
  void shouldCloseItselfWhenThePriceReachesALimit(
      final String lowerLimit,
      final String upperLimit,
      final boolean keep,
      final String price,
      final CloseType closeType,
      final String pnl,
      final String earned,
      final String value,
      final String heldSide,
      final String heldBase,
      final String heldQuote) {
    final LpRun run =
        new LpRun(LpConfigs.range().limits(dash(lowerLimit), dash(upperLimit)).keep(keep).build());
    run.price("100").start();
    final List<ExecutorEvent> events = run.at(30).move(price);
    assertEquals(
        new ExecutorEvent.Terminated(closeType, T0.plusSeconds(30)),
        events.get(events.size() - 1));
    final BigDecimal pct = Decimals.div(new BigDecimal(pnl), new BigDecimal("5750"));
    assertFinal(run.report(), closeType, pnl, pct.toPlainString(), "1", earned, value);
    if (heldSide.equals("-")) {
      assertTrue(run.executor().heldOrders().isEmpty());
    } else {
      final String px =
          Decimals.div(new BigDecimal(heldQuote), new BigDecimal(heldBase)).toPlainString();
      assertHeld(run, Side.valueOf(heldSide), heldBase, heldQuote, px, "1", T0.plusSeconds(30));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"299.99", "256", "50.01"})
  void shouldStayOpenShortOfTheLimits(final String price) {
    final LpRun run = new LpRun(LpConfigs.range().limits("50", "300").build());
    run.price("100").start();
    run.move(price);
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
  }

  @Test
  void shouldNotOpenWhenThePoolPriceIsAlreadyAtALimit() {
    final LpRun run = new LpRun(LpConfigs.range().limits("50", "300").keep(true).build());
    final List<ExecutorEvent> events = run.price("300").start();
    assertEquals(
        List.of(
            new ExecutorEvent.Started(T0), new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)),
        events);
    assertFinal(run.report(), CloseType.EARLY_STOP, "0", "0", "0", "0", "0");
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  /** Started in range at pool price 100 with {@code config}, then below the range (40) from t10. */
  private static LpRun belowRangeSince10(final LpConfigs config) {
    final LpRun run = new LpRun(config.build());
    run.price("100").start();
    run.at(10).move("40");
    return run;
  }

  /**
   * Below the range from second 10 with {@code auto_close_below_range_seconds} 60: the executor
   * asks to be woken at 70 and closes then, at the pool price of the moment.
   */
  @ParameterizedTest(name = "keep_position={0}")
  @CsvSource({"false, EARLY_STOP", "true, POSITION_HOLD"})
  void shouldCloseAfterStayingOutOfRangeForTheConfiguredTime(
      final boolean keep, final CloseType closeType) {
    final LpRun run = belowRangeSince10(LpConfigs.range().autoClose(null, 60L).keep(keep));
    assertEquals(Optional.of(T0.plusSeconds(70)), run.executor().wakeUpAt());
    assertEquals(List.of(), run.at(69).wake());
    final List<ExecutorEvent> close = run.at(70).wake();
    assertEquals(
        List.of(
            new LpLiquidityRemoved(
                Quantity.of("62.5"), QuoteAmount.ZERO, Price.of("40"), QuoteAmount.of("0.5"),
                T0.plusSeconds(70)),
            new ExecutorEvent.Terminated(closeType, T0.plusSeconds(70))),
        close);
    assertFinal(run.report(), closeType, "-3248", "-0.5648695652173913043478260869565217", "1",
        "3", "2500");
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  @Test
  void shouldForgetTheOutOfRangeClockWhenThePriceComesBack() {
    final LpRun run = belowRangeSince10(LpConfigs.range().autoClose(60L, 60L));
    run.at(50).move("100");
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    assertEquals(List.of(), run.at(70).wake());
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
  }

  @Test
  void shouldRestartTheClockWhenThePriceJumpsToTheOtherSideOfTheRange() {
    final LpRun run = belowRangeSince10(LpConfigs.range().autoClose(60L, 60L));
    run.at(40).move("400");
    assertEquals(Optional.of(T0.plusSeconds(100)), run.executor().wakeUpAt());
    assertEquals(List.of(), run.at(70).wake());
  }

  @Test
  void shouldOnlyWatchTheSideThatHasADuration() {
    final LpRun run = belowRangeSince10(LpConfigs.range().autoClose(60L, null));
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    run.at(20).move("300");
    assertEquals(Optional.of(T0.plusSeconds(80)), run.executor().wakeUpAt());
  }

  /** A price arriving after a missed deadline: it was out of range until now, so it closes. */
  @Test
  void shouldCloseOnAPriceArrivingAfterTheDeadlineEvenIfItIsBackInRange() {
    final LpRun run = belowRangeSince10(LpConfigs.range().autoClose(null, 60L));
    final List<ExecutorEvent> events = run.at(80).move("100");
    assertEquals(
        new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0.plusSeconds(80)),
        events.get(events.size() - 1));
    // the move back to 100 is marked first (fees 0.075 base down to 64, 6 quote back up);
    // the close is at 100: 5750 + 0.075·100 + 6 − 5750 − 1 = 12.5
    assertFinal(run.report(), CloseType.EARLY_STOP, "12.5",
        "0.002173913043478260869565217391304348", "1", "13.5", "5750");
  }

  @Test
  void shouldCloseAtTheLastPoolPriceWhenStoppedWithoutAQuote() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.at(5).move("156.25");
    final List<ExecutorEvent> events = run.noBook().at(6).stop(false);
    assertEquals(Price.of("156.25"), ((LpLiquidityRemoved) events.get(0)).price());
    assertDecimal("1490.875", run.report().netPnlQuote().value());
  }

  @ParameterizedTest(name = "keep_position={0}")
  @CsvSource({"true", "false"})
  void shouldEndEarlyStopWithoutAnythingToHandOverWhenStoppedBeforeTheDeposit(
      final boolean keep) {
    final LpRun notStarted = new LpRun(LpConfigs.range().build());
    assertEquals(
        List.of(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)), notStarted.stop(keep));
    assertEquals(LpState.COMPLETE, notStarted.executor().state());

    final LpRun opening = new LpRun(LpConfigs.range().build());
    opening.noBook().start();
    assertEquals(
        List.of(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)), opening.stop(keep));
    assertFinal(opening.report(), CloseType.EARLY_STOP, "0", "0", "0", "0", "0");
    assertTrue(opening.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldIgnoreEverythingOnceTerminated() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.stop(false);
    assertEquals(List.of(), run.move("200"));
    assertEquals(List.of(), run.stop(true));
  }

  @Test
  void shouldHandOverAZeroAmountOrderCarryingTheFeesWhenNothingChanged() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.at(3).stop(true);
    assertHeld(run, Side.BUY, "0", "0", "100", "1", T0.plusSeconds(3));
  }

  private static void assertFinal(
      final ExecutorReport r,
      final CloseType closeType,
      final String pnl,
      final String pct,
      final String cumFees,
      final String feesEarned,
      final String value) {
    // The default deposit is worth 5750: 37.5 base at 100 plus 2000 quote.
    final String filled = r.valueQuote().isZero() && r.cumFeesQuote().isZero() ? "0" : "5750";
    ReportAssertions.assertFinal(r, closeType, pnl, pct, cumFees, filled);
    assertDecimal(feesEarned, r.feesEarnedQuote().value());
    assertDecimal(value, r.valueQuote().value());
    assertTrue(!r.isActive() && !r.isTrading());
  }

  private static void assertHeld(
      final LpRun run,
      final Side side,
      final String base,
      final String quote,
      final String price,
      final String fees,
      final Instant at) {
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size(), () -> "held " + held);
    final HeldOrder h = held.get(0);
    assertEquals(ClientOrderId.of("lp1-lp"), h.clientOrderId());
    assertEquals("paper", h.connectorName());
    assertEquals(LpConfigs.PAIR, h.tradingPair());
    assertEquals(side, h.tradeType());
    assertDecimal(base, h.executedAmountBase().value());
    assertDecimal(base, h.amount().value());
    assertDecimal(quote, h.executedAmountQuote().value());
    assertDecimal(price, h.price().value());
    assertDecimal(fees, h.cumulativeFeePaidQuote().value());
    assertEquals(at, h.lastUpdate());
  }

  private static String dash(final String s) {
    return "-".equals(s) ? null : s;
  }
}
