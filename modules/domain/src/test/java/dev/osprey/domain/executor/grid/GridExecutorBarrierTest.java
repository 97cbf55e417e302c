package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertFigures;
import static dev.osprey.domain.executor.grid.GridRun.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The aggregate barrier. Each close path starts from the same inventory: the default BUY grid
 * with one open order at a time, at book 90.4/90.6; L2 buys 0.2 @ 90 (fee 0.1 % = 0.018), which
 * opens L3 (#2 @ 90.39) and rests L2's take profit (#3 @ 91.8). A barrier cancels both, then
 * sells the 0.2 at market (#4, fee 0.1 %).
 */
class GridExecutorBarrierTest {

  private static GridRun filled(final GridConfigs configs) {
    final GridRun run = configs.maxOpen(1).run().book("90.4", "90.6");
    run.start();
    assertEquals(
        List.of(
            "fill #1 0.2@90",
            "submit #2 open:L3 BUY LIMIT 0.2 @90.39",
            "submit #3 take_profit:L2 SELL LIMIT_MAKER 0.2 @91.8"),
        run.fillAll(1, "0.001"));
    return run;
  }

  /** Runs steps {@code q:bid:ask} (a quote) or {@code w:seconds} (a wake); the last one's facts. */
  private static List<String> trigger(final GridRun run, final String steps) {
    List<String> last = List.of();
    for (String step : steps.split(" ")) {
      final String[] p = step.split(":");
      last = p[0].equals("q") ? run.quote(p[1], p[2]) : run.at(Long.parseLong(p[1])).wake();
    }
    return last;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // barrier | trigger | close type | close fill | net_pnl_quote | net_pnl_pct | fees | filled
        // pnl at mid 85.59: (85.59 − 90)·0.2 − 0.018 = −0.9 = −5 % of 18: stop loss (<=)
        "stop loss | q:85.58:85.6 | STOP_LOSS | 85.58"
            + " | -0.919116 | -0.02617370998974826290010251737099897 | 0.035116 | 35.116",
        // mid 88 <= limit 88
        "limit price | q:87.9:88.1 | STOP_LOSS | 87.9"
            + " | -0.45558 | -0.01280438448566610455311973018549747 | 0.03558 | 35.58",
        "time limit | w:60 | TIME_LIMIT | 90.4"
            + " | 0.04392 | 0.001217294900221729490022172949002217 | 0.03608 | 36.08",
        // 0.202/18 = 1.122 % > 0.5 %: trigger 0.922 %; at mid 90.9 pnl 0.9 % < trigger
        "trailing stop | q:91:91.2 q:90.8:91 | TRAILING_STOP | 90.8"
            + " | 0.12384 | 0.003424778761061946902654867256637168 | 0.03616 | 36.16",
        // mid 100.2 > end 100
        "take profit | q:100.1:100.3 | TAKE_PROFIT | 100.1"
            + " | 1.98198 | 0.05212993161493950552340873224618622 | 0.03802 | 38.02",
      })
  void shouldCancelEverythingAndCloseTheInventoryAtMarket(
      final String barrier,
      final String steps,
      final CloseType type,
      final String closePrice,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    final UnaryOperator<GridConfigs> configure = c -> switch (barrier) {
      case "stop loss" -> c.stopLoss("0.05");
      case "limit price" -> c.limit("88");
      case "time limit" -> c.timeLimit(60);
      case "trailing stop" -> c.trailing("0.005", "0.002");
      default -> c;
    };
    final GridRun run = filled(configure.apply(GridConfigs.buy()));

    final List<String> hit = trigger(run, steps);

    assertEquals(List.of("shutdown " + type, "cancel #2", "cancel #3"), tail(hit, 3));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
    assertEquals(List.of("cancelled #2"), run.cancelled(2));
    assertEquals(List.of("cancelled #3", "submit #4 close SELL MARKET 0.2"), run.cancelled(3));
    assertEquals(
        List.of("fill #4 0.2@" + closePrice, "terminated " + type),
        run.fill(4, closePrice, "0.2", "0.001"));

    final ExecutorReport r = run.report();
    assertEquals(type, r.closeType());
    assertFigures(r, net, pct, fees, filled);
    assertEquals(List.of(id(1), id(4)), run.executor().filledOrders());
    assertDecimal("0", (BigDecimal) r.customInfo().get("position_size_quote"));
    assertEquals(List.of(), r.customInfo().get("held_position_orders"));
  }

  @ParameterizedTest(name = "mid {0} -> {1}")
  @CsvSource({
    "85.6, none",      // −0.898 / 18 = −4.99 %
    "85.59, STOP_LOSS", // exactly −5 %
  })
  void shouldStopLossAtOrBelowMinusStopLossOnPositionPnl(final String mid, final String outcome) {
    final GridRun run = filled(GridConfigs.buy().stopLoss("0.05"));
    final BigDecimal m = new BigDecimal(mid);
    final BigDecimal half = new BigDecimal("0.01");

    final List<String> events =
        run.quote(m.subtract(half).toPlainString(), m.add(half).toPlainString());

    assertEquals(outcome.equals("none") ? Optional.empty() : Optional.of("shutdown " + outcome),
        events.stream().filter(e -> e.startsWith("shutdown")).findFirst());
  }

  @Test
  void shouldHandTheInventoryOverWhenTheLimitPriceIsHitWithKeepPosition() {
    final GridRun run = filled(GridConfigs.buy().limit("88").keepPosition());

    assertEquals(
        List.of("shutdown POSITION_HOLD", "cancel #2", "cancel #3"), run.quote("87.9", "88.1"));
    run.cancelled(2);
    assertEquals(List.of("cancelled #3", "terminated POSITION_HOLD"), run.cancelled(3));

    final ExecutorReport r = run.report();
    assertEquals(CloseType.POSITION_HOLD, r.closeType());
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(List.of(id(1)), ids(held));
    assertDecimal("0.2", held.get(0).executedAmountBase().value());
    assertDecimal("18", held.get(0).executedAmountQuote().value());
    assertDecimal("0.018", held.get(0).cumulativeFeePaidQuote().value());
    // the position is the position book's now: the grid reports what it realized (nothing)
    assertFigures(r, "0", "0", "0", "0");
    assertDecimal("18", (BigDecimal) r.customInfo().get("held_position_value"));
    assertEquals(held, r.customInfo().get("held_position_orders"));
  }

  /**
   * The standard's "grid stop-loss recovery" (osprey-decisions; the reference keeps the inventory
   * only at the limit price): with keep_position the stop loss cancels the working orders and
   * hands the 0.2 bought at 90 over instead of selling it at 85.58 (which would have realized
   * −0.919116, see above). The position book then holds LONG 0.2 at 90 with the 0.018 entry fee,
   * marked at mid 85.59: (85.59 − 90) · 0.2 = −0.882.
   */
  @Test
  void shouldKeepTheInventoryOnAStopLossWithKeepPosition() {
    final GridRun run = filled(GridConfigs.buy().stopLoss("0.05").keepPosition());

    assertEquals(List.of("shutdown STOP_LOSS", "cancel #2", "cancel #3"), tail(run.quote("85.58", "85.6"), 3));
    assertEquals(List.of("cancelled #2"), run.cancelled(2));
    assertEquals(List.of("cancelled #3", "terminated POSITION_HOLD"), run.cancelled(3));

    final ExecutorReport r = run.report();
    assertEquals(CloseType.POSITION_HOLD, r.closeType());
    assertEquals("STOP_LOSS", r.customInfo().get("shutdown_reason"));
    assertDecimal("0", r.netPnlQuote().value());
    assertDecimal("0", r.cumFeesQuote().value());
    assertDecimal("0", r.filledAmountQuote().value());
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(List.of(id(1)), ids(held));

    final PositionHold hold = PositionBook.empty("agent").apply(r.id(), held)
        .get("paper", GridConfigs.BTC_USDT).orElseThrow();
    assertEquals(PositionSide.LONG, hold.positionSide());
    assertDecimal("0.2", hold.amount().value());
    assertDecimal("90", hold.breakevenPrice().value());
    assertDecimal("0.018", hold.cumFeesQuote().value());
    assertDecimal("0", hold.realizedPnlQuote().value());
    assertDecimal("-0.882", hold.unrealizedPnl(Price.of("85.59")).value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "time limit | w:60 | TIME_LIMIT",
        "trailing stop | q:91:91.2 q:90.8:91 | TRAILING_STOP",
        "take profit | q:100.1:100.3 | TAKE_PROFIT",
      })
  void shouldKeepTheInventoryOnEveryOtherBarrierWithKeepPosition(
      final String barrier, final String steps, final CloseType reason) {
    final UnaryOperator<GridConfigs> configure = c -> switch (barrier) {
      case "time limit" -> c.timeLimit(60);
      case "trailing stop" -> c.trailing("0.005", "0.002");
      default -> c;
    };
    final GridRun run = filled(configure.apply(GridConfigs.buy()).keepPosition());

    assertEquals(List.of("shutdown " + reason, "cancel #2", "cancel #3"), tail(trigger(run, steps), 3));
    run.cancelled(2);
    assertEquals(List.of("cancelled #3", "terminated POSITION_HOLD"), run.cancelled(3));
    assertEquals(reason.name(), run.report().customInfo().get("shutdown_reason"));
    assertEquals(List.of(id(1)), ids(run.executor().heldOrders()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | side | bid | ask | seconds after timestamp | expected close
        "BUY above the range | BUY | 100.1 | 100.3 | 0 | TAKE_PROFIT",
        "BUY at the limit price | BUY | 74.9 | 75.1 | 0 | STOP_LOSS",
        "BUY at the limit price keeping the position | KEEP | 74.9 | 75.1 | 0 | EARLY_STOP",
        "BUY started after its time limit | BUY | 90.4 | 90.6 | 60 | TIME_LIMIT",
        "SELL below the range | SELL | 99.8 | 100 | 0 | TAKE_PROFIT",
        "SELL at the limit price | SELL | 124.9 | 125.1 | 0 | STOP_LOSS",
      })
  void shouldCloseAtStartWithoutAnyOrderWhenABarrierIsAlreadyHit(
      final String name,
      final String side,
      final String bid,
      final String ask,
      final long seconds,
      final String expected) {
    final GridConfigs configs = side.equals("SELL") ? GridConfigs.sell() : GridConfigs.buy();
    if (side.equals("KEEP")) {
      configs.keepPosition();
    }
    final GridRun run = configs.timeLimit(60).run().at(seconds).book(bid, ask);

    final List<String> events = run.start();

    final String shutdown = side.equals("KEEP") ? "POSITION_HOLD" : expected;
    assertEquals(
        List.of("started", "plan 5 levels", "shutdown " + shutdown, "terminated " + expected),
        events);
    assertEquals(0, run.executor().orders().entries().size());
    assertDecimal("0", run.report().netPnlQuote().value());
  }

  @Test
  void shouldWakeAtTheTimeLimitOnlyWhileRunning() {
    final GridRun run = GridConfigs.buy().timeLimit(60).run().book("90.4", "90.6");
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    run.start();
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:01:00Z")), run.executor().wakeUpAt());
    run.stop(false);
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  /** Osprey fix: the reference takes a trigger of exactly 0 for "not activated", never closing. */
  @Test
  void shouldNotTreatATrailingTriggerOfExactlyZeroAsInactive() {
    // at mid 90.6 pnl = (0.6·0.2 − 0.018)/18 = 0.00566...: above the 0.5 % activation, and the
    // delta is exactly that, so the trigger lands on 0
    final GridRun run =
        filled(GridConfigs.buy().trailing("0.005", "0.005666666666666666666666666666666667"));
    assertEquals(List.of("trailing 0"), run.quote("90.5", "90.7"));
    // mid 90.09: pnl = (0.09·0.2 − 0.018)/18 = 0, not below the trigger
    assertEquals(List.of(), run.quote("90.08", "90.1"));
    assertEquals("shutdown TRAILING_STOP", run.quote("90.07", "90.09").get(0));
  }

  @Test
  void shouldEndFailedWhenTheShutdownCloseKeepsBeingRefused() {
    final GridRun run = filled(GridConfigs.buy());
    run.stop(false);
    run.cancelled(2);
    run.cancelled(3); // #4 close
    int seq = 4;
    for (int i = 0; i < GridExecutor.MAX_RETRIES; i++) {
      assertEquals(List.of("failed #" + seq + " VENUE_ERROR retry"),
          run.rejected(seq, RejectReason.VENUE_ERROR));
      seq++;
      assertEquals(List.of("submit #" + seq + " close SELL MARKET 0.2"), run.tick());
    }
    assertEquals(List.of("failed #" + seq + " VENUE_ERROR retry", "terminated FAILED"),
        run.rejected(seq, RejectReason.VENUE_ERROR));
    assertEquals(GridExecutor.MAX_RETRIES + 1, run.executor().retries());
  }

  @Test
  void shouldEndInsufficientBalanceWhenAnOpenOrderIsRefusedForBalanceBeforeAnyTrade() {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");
    run.start();

    assertEquals(
        List.of(
            "failed #5 INSUFFICIENT_BALANCE",
            "shutdown INSUFFICIENT_BALANCE",
            "cancel #1", "cancel #2", "cancel #3", "cancel #4"),
        run.rejected(5, RejectReason.INSUFFICIENT_BALANCE));
    run.cancelled(1);
    run.cancelled(2);
    run.cancelled(3);
    assertEquals(List.of("cancelled #4", "terminated INSUFFICIENT_BALANCE"), run.cancelled(4));
  }

  private static List<String> tail(final List<String> events, final int n) {
    return events.subList(events.size() - n, events.size());
  }

  private static List<Object> ids(final List<HeldOrder> held) {
    final List<Object> out = new ArrayList<>();
    for (HeldOrder h : held) {
      out.add(h.clientOrderId());
    }
    return out;
  }
}
