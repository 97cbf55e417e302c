package dev.osprey.domain.executor.twap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.twap.TwapRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;


import dev.osprey.domain.executor.ClosePath;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a TWAP executor ends, with its numbers. A TWAP never unwinds what it bought: COMPLETED
 * and POSITION_HOLD hand it to the position book, which owns its P&amp;L; otherwise the P&amp;L
 * stays marked to the live mid after it ended.
 */
class TwapExecutorCloseTest {

  /**
   * Worked example: 100 quote in five slices of 20, fills at the mid paying 0.1 %.
   *
   * <pre>
   * t0  mid 5   slot 0: 100 / 5 = 20 quote -> 4 base    fee 0.02
   * t10 mid 20  slot 1:  80 / 4 = 20       -> 1         fee 0.02
   * t20 mid 10  slot 2:  60 / 3 = 20       -> 2         fee 0.02
   * t30 mid 10  slot 3:  40 / 2 = 20       -> 2         fee 0.02
   * t40 mid 20  slot 4:  20 / 1 = 20       -> 1         fee 0.02  -> COMPLETED
   * 10 base for 100 quote (average 10), fees 0.1, handed over: net 0 (the position book holds
   * LONG 10 at 10 with 0.1 of fees; at mid 11 its unrealized P&amp;L is 10)
   * </pre>
   */
  static TwapRun completedTaker() {
    final TwapRun run = TwapConfigs.taker().run();
    final String[][] slices = {{"0", "5", "4"}, {"10", "20", "1"}, {"20", "10", "2"},
      {"30", "10", "2"}, {"40", "20", "1"}};
    for (int i = 0; i < slices.length; i++) {
      final String[] s = slices[i];
      run.at(Long.parseLong(s[0])).book(minusCent(s[1]), plusCent(s[1]));
      final List<String> placed = describe(i == 0 ? run.start() : run.wake());
      assertEquals(
          "submit twap-1-" + (i + 1) + " slot_" + i + " BUY MARKET " + s[2] + " OPEN",
          placed.get(placed.size() - 1));
      run.fill(i + 1, s[1], s[2], "0.001");
    }
    run.book("10.99", "11.01");
    return run;
  }

  /**
   * MAKER, two slices of 50 (duration 10, interval 10), 1 % behind the mid, renewed after 5 s,
   * no fees. Slot 0 rests 5 @ 9.9, fills 2 and is renewed: (100 − 19.8) / 2 = 40.1 -> 4.01 @ 9.9;
   * slot 1: (100 − 59.499) / 1 = 40.501 -> 4.05 @ 9.9. Bought 10.06 for 99.594 (average 9.9),
   * handed over.
   */
  static TwapRun completedMaker() {
    final TwapRun run = TwapConfigs.maker().duration(10L).started();
    run.at(3).fill(1, "9.9", "2", "0");
    run.at(5).wake();
    run.cancelled(1);
    run.fill(2, "9.9", "4.01", "0");
    run.at(10).wake();
    run.fill(3, "9.9", "4.05", "0");
    run.book("10.88", "10.9");
    return run;
  }

  /** Slot 0 filled 4 at 5 (fee 0.02); slot 1 ordered at t10 (mid 20), not filled. */
  static TwapRun secondSliceResting() {
    final TwapRun run = TwapConfigs.taker().run();
    run.book("4.99", "5.01").start();
    run.fill(1, "5", "4", "0.001");
    run.at(10).book("19.99", "20.01").wake();
    return run;
  }

  static TwapRun earlyStop() {
    final TwapRun run = secondSliceResting();
    run.stop(false);
    run.cancelled(2);
    return run;
  }

  static TwapRun positionHold() {
    final TwapRun run = secondSliceResting();
    run.stop(true);
    run.cancelled(2);
    return run;
  }

  /** The second slice refused by the venue more than the retries allow. */
  static TwapRun failedAfterRetries() {
    final TwapRun run = secondSliceResting();
    for (int seq = 2; seq <= 11; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      run.tick();
    }
    run.rejected(12, RejectReason.VENUE_ERROR); // the eleventh refusal: more than 10
    return run;
  }

  static TwapRun refusedSize() {
    final TwapRun run = TwapConfigs.taker().run().rules("5", "1");
    run.book("9.99", "10.01").start();
    return run;
  }

  static TwapRun insufficientBalance() {
    final TwapRun run = TwapConfigs.taker().started();
    run.rejected(1, RejectReason.INSUFFICIENT_BALANCE);
    return run;
  }

  static TwapRun stoppedBeforeStart() {
    final TwapRun run = TwapConfigs.taker().run();
    run.book("9.99", "10.01").stop(false);
    return run;
  }

  static Stream<Arguments> closePaths() {
    return Stream.of(
        // handed over: net 0, fees and volume its own
        path("completed taker", TwapExecutorCloseTest::completedTaker, "COMPLETED", "0",
            "0", "0.1", "100", "10"),
        path("completed maker", TwapExecutorCloseTest::completedMaker, "COMPLETED", "0",
            "0", "0", "99.594", "10.06"),
        // 4 bought for 20, worth 80 at mid 20: trade 60, fees 0.02
        path("early stop", TwapExecutorCloseTest::earlyStop, "EARLY_STOP", "59.98", "2.999",
            "0.02", "20", "4"),
        // handed over: trade part and volume zero
        path("position hold", TwapExecutorCloseTest::positionHold, "POSITION_HOLD", "-0.02",
            "-0.001", "0.02", "0", "4"),
        path("failed after retries", TwapExecutorCloseTest::failedAfterRetries, "FAILED", "59.98",
            "2.999", "0.02", "20", "4"),
        path("slice below min size", TwapExecutorCloseTest::refusedSize, "FAILED", "0", "0", "0",
            "0", "0"),
        path("insufficient balance", TwapExecutorCloseTest::insufficientBalance,
            "INSUFFICIENT_BALANCE", "0", "0", "0", "0", "0"),
        path("stopped before start", TwapExecutorCloseTest::stoppedBeforeStart, "EARLY_STOP", "0",
            "0", "0", "0", "0"));
  }

  /** A close path, and the {@code executed_amount_base} it reports. */
  private static Arguments path(
      final String name,
      final Supplier<TwapRun> script,
      final String closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled,
      final String base) {
    return Arguments.of(ClosePath.of(name, script, closeType, net, pct, fees, filled), base);
  }

  @ParameterizedTest(name = "{0}: base {1}")
  @MethodSource("closePaths")
  void shouldEndWithExactNumbers(final ClosePath<TwapRun> path, final String base) {
    final TwapRun run = path.assertEnded();
    final CloseType closeType = path.closeType();

    final ExecutorReport r = run.report();
    assertDecimal(base, (BigDecimal) r.customInfo().get("executed_amount_base"));
    assertEquals(closeType == CloseType.POSITION_HOLD || closeType == CloseType.COMPLETED,
        !run.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldHandACompletedTwapsInventoryToThePositionBook() {
    final TwapRun run = completedTaker();

    final PositionHold hold = PositionBook.empty("main")
        .apply(run.report().id(), run.executor().heldOrders())
        .get(run.report().connectorName(), run.report().tradingPair()).orElseThrow();
    assertEquals(PositionSide.LONG, hold.positionSide());
    assertDecimal("10", hold.amount().value());
    assertDecimal("10", hold.breakevenPrice().value());
    assertDecimal("0.1", hold.cumFeesQuote().value());
    assertDecimal("10", hold.unrealizedPnl(Price.of("11")).value());

    run.book("8.99", "9.01"); // the book marks it now; the executor's report stays at 0
    assertDecimal("0", run.report().netPnlQuote().value());
    assertDecimal("-10", hold.unrealizedPnl(Price.of("9")).value());
  }

  @Test
  void shouldCompleteOnTheFillOfTheLastSlice() {
    final TwapRun run = TwapConfigs.taker().duration(5L).run(); // 5 // 10 + 1 = one slice
    run.book("9.99", "10.01").start();

    assertEquals(
        List.of("fill twap-1-1 10@10", "terminated COMPLETED"),
        describe(run.fill(1, "10", "10", "0")));
  }

  @Test
  void shouldCancelWhatRestsAndEndFailedWhenRetriesRunOut() {
    final TwapRun run = TwapConfigs.maker().resubmission(null).started(); // slot 0 rests as order 1
    run.at(10).wake(); // slot 1: order 2
    for (int seq = 2; seq <= 11; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      run.tick(); // slot 1 again: order seq + 1
    }
    assertEquals(10, run.executor().retries());

    assertEquals(
        List.of("failed twap-1-12 VENUE_ERROR retry", "shutdown FAILED", "cancel twap-1-1"),
        describe(run.rejected(12, RejectReason.VENUE_ERROR)));
    assertEquals(List.of("cancelled twap-1-1", "terminated FAILED"), describe(run.cancelled(1)));
  }

  @Test
  void shouldReportEveryCustomInfoKeyWhileRunning() {
    final TwapRun run = secondSliceResting();

    final Map<String, Object> info = run.report().customInfo();

    assertEquals(
        List.of(
            "side", "mode", "number_of_orders", "order_amount_quote", "order_interval",
            "start_timestamp", "next_order_timestamp", "slots_filled", "slots_open_orders",
            "executed_amount_base", "executed_amount_quote", "average_executed_price",
            "current_market_price", "close_type", "close_timestamp", "current_retries",
            "max_retries", "order_ids", "held_position_orders"),
        List.copyOf(info.keySet()));
    assertEquals("BUY", info.get("side"));
    assertEquals("TAKER", info.get("mode"));
    assertEquals(5, info.get("number_of_orders"));
    assertDecimal("20", (BigDecimal) info.get("order_amount_quote"));
    assertEquals(10L, info.get("order_interval"));
    assertEquals(TwapConfigs.T0, info.get("start_timestamp"));
    assertEquals(TwapConfigs.T0.plusSeconds(20), info.get("next_order_timestamp"));
    assertEquals(1, info.get("slots_filled"));
    assertEquals(1, info.get("slots_open_orders"));
    assertDecimal("4", (BigDecimal) info.get("executed_amount_base"));
    assertDecimal("20", (BigDecimal) info.get("executed_amount_quote"));
    assertDecimal("5", (BigDecimal) info.get("average_executed_price"));
    assertDecimal("20", (BigDecimal) info.get("current_market_price"));
    assertEquals(List.of(ClientOrderId.forExecutor("twap-1", 1).value(), ClientOrderId.forExecutor("twap-1", 2).value()), info.get("order_ids"));
    final ExecutorReport r = run.report();
    assertDecimal("59.98", r.netPnlQuote().value());
    assertDecimal("80", r.valueQuote().value());
    assertEquals(true, r.isTrading());
  }

  private static String minusCent(final String mid) {
    return new BigDecimal(mid).subtract(new BigDecimal("0.01")).toPlainString();
  }

  private static String plusCent(final String mid) {
    return new BigDecimal(mid).add(new BigDecimal("0.01")).toPlainString();
  }
}
