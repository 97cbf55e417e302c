package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.dca.DcaRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.osprey.domain.executor.ClosePath;
import dev.osprey.domain.executor.EventText;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.TrailingStopSteps;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a DCA executor ends, with its final numbers. The default config buys 1 at 100 and 4
 * at 75 (400 quote, average 80); every fill pays 0.1 % of its notional, so both levels pay 0.4.
 */
class DcaExecutorCloseTest {

  static DcaRun takeProfit() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker().takeProfit("0.05"));
    run.quote("84.09", "84.1"); // net (20.45 − 0.4) / 400 = 0.050125 > 0.05
    run.fill(3, "84.09", "5", "0.001");
    return run;
  }

  static DcaRun makerStopLoss() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker().stopLoss("0.1"));
    run.quote("72.08", "72.09"); // net (−39.6 − 0.4) / 400 = −0.1
    run.fill(3, "72.08", "5", "0.001");
    return run;
  }

  static DcaRun takerStopLoss() {
    final DcaRun run = DcaConfigs.taker().stopLoss("0.05").run();
    run.book("100", "100").start(); // level 0 at market: mid 100 is inside (99.99, 100.5)
    run.fill(1, "100", "1", "0.001");
    run.quote("80.1", "80.2"); // net −19.9 − 0.1 = −20 <= −(400 · 0.05)
    run.fill(2, "80.1", "1", "0.001");
    return run;
  }

  static DcaRun trailingStop() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker().trailing("0.02", "0.01"));
    run.quote("82", "82.01"); // pct 0.024 -> trigger 0.014
    run.quote("83", "83.01"); // pct 0.0365 -> trigger 0.0265
    run.quote("82.19", "82.2"); // pct 0.026375 < 0.0265
    run.fill(3, "82.19", "5", "0.001");
    return run;
  }

  static DcaRun timeLimit() {
    final DcaRun run = DcaFixtures.started(DcaConfigs.maker().timeLimit(60));
    run.fill(1, "100", "1", "0.001");
    run.quote("99", "99.01");
    run.at(60).wake(); // cancel level 1, sell 1 at market
    run.fill(3, "99", "1", "0.001");
    run.cancelled(2);
    return run;
  }

  static DcaRun earlyStop() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker());
    run.quote("80", "80.01");
    run.stop(false);
    run.fill(3, "80", "5", "0.001");
    return run;
  }

  static DcaRun positionHold() {
    final DcaRun run = DcaFixtures.started();
    run.fill(1, "100", "1", "0.001");
    run.fill(2, "75", "2", "0.001"); // level 1 half filled
    run.stop(true);
    run.cancelled(2);
    return run;
  }

  static DcaRun failedAfterRetries() {
    final DcaRun run = DcaFixtures.started();
    run.fill(1, "100", "1", "0.001");
    run.book("99", "99.01");
    for (int seq = 2; seq < 11; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      run.tick(); // re-places level 1 as order seq + 1
    }
    run.rejected(11, RejectReason.VENUE_ERROR); // the tenth refusal: FAILED, close at market
    run.fill(12, "99", "1", "0.001");
    return run;
  }

  static DcaRun insufficientBalance() {
    final DcaRun run = DcaFixtures.started();
    run.rejected(1, RejectReason.INSUFFICIENT_BALANCE);
    return run;
  }

  static DcaRun expired() {
    final DcaRun run = DcaConfigs.maker().timeLimit(60).run();
    run.at(60).start();
    return run;
  }

  static DcaRun refusedByVenueRules() {
    final DcaRun run = DcaConfigs.maker().run().rules("0.001", "150");
    run.start();
    return run;
  }

  static DcaRun stoppedBeforeAnyFill() {
    final DcaRun run = DcaFixtures.started();
    run.stop(false);
    run.cancelled(1);
    return run;
  }

  static Stream<Arguments> closePaths() {
    return Stream.of(
        // trade 84.09·5 − 400 = 20.45; fees 0.4 + 0.42045; filled 400 + 420.45
        path(DcaExecutorCloseTest::takeProfit, "TAKE_PROFIT", "19.62955", "0.049073875",
            "0.82045", "820.45", "84.09"),
        // trade 72.08·5 − 400 = −39.6; fees 0.4 + 0.3604
        path(DcaExecutorCloseTest::makerStopLoss, "STOP_LOSS", "-40.3604", "-0.100901",
            "0.7604", "760.4", "72.08"),
        // trade 80.1 − 100 = −19.9; fees 0.1 + 0.0801; pct on the 100 filled
        path(DcaExecutorCloseTest::takerStopLoss, "STOP_LOSS", "-20.0801", "-0.200801",
            "0.1801", "180.1", "80.1"),
        // trade 82.19·5 − 400 = 10.95; fees 0.4 + 0.41095
        path(DcaExecutorCloseTest::trailingStop, "TRAILING_STOP", "10.13905", "0.025347625",
            "0.81095", "810.95", "82.19"),
        // trade 99 − 100 = −1; fees 0.1 + 0.099
        path(DcaExecutorCloseTest::timeLimit, "TIME_LIMIT", "-1.199", "-0.01199", "0.199", "199",
            "99"),
        // trade 0; fees 0.4 + 0.4
        path(DcaExecutorCloseTest::earlyStop, "EARLY_STOP", "-0.8", "-0.002", "0.8", "800", "80"),
        // handed over: trade part and volume zero, fees 0.1 + 0.15 over 250 filled
        path(DcaExecutorCloseTest::positionHold, "POSITION_HOLD", "-0.25", "-0.001", "0.25", "0",
            "100"),
        path(DcaExecutorCloseTest::failedAfterRetries, "FAILED", "-1.199", "-0.01199", "0.199",
            "199", "99"),
        path(DcaExecutorCloseTest::insufficientBalance, "INSUFFICIENT_BALANCE", "0", "0", "0", "0",
            "100"),
        path(DcaExecutorCloseTest::expired, "EXPIRED", "0", "0", "0", "0", null),
        path(DcaExecutorCloseTest::refusedByVenueRules, "FAILED", "0", "0", "0", "0", null),
        path(DcaExecutorCloseTest::stoppedBeforeAnyFill, "EARLY_STOP", "0", "0", "0", "0", "100"));
  }

  /** A close path named after its close type, and the {@code close_price} it reports (or null). */
  private static Arguments path(
      final Supplier<DcaRun> script,
      final String closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled,
      final String closePrice) {
    return Arguments.of(
        ClosePath.of(closeType, script, closeType, net, pct, fees, filled), closePrice);
  }

  @ParameterizedTest(name = "[{index}] {0}: close price {1}")
  @MethodSource("closePaths")
  void shouldEndWithExactFinalNumbers(final ClosePath<DcaRun> path, final String closePrice) {
    final DcaRun run = path.assertEnded();

    final ExecutorReport r = run.report();
    assertEquals(run.now(), r.customInfo().get("close_timestamp"));
    if (closePrice == null) {
      assertNull(r.customInfo().get("close_price"));
    } else {
      assertDecimal(closePrice, (BigDecimal) r.customInfo().get("close_price"));
    }
  }

  @Test
  void shouldKeepItsFinalNumbersWhenTheMarketMovesAfterTheClose() {
    final DcaRun run = takeProfit();

    run.book("50", "50.01");

    assertDecimal("19.62955", run.report().netPnlQuote().value());
    assertDecimal("84.09", (BigDecimal) run.report().customInfo().get("close_price"));
  }

  /**
   * Take profit strictly above the target; stop loss at minus the stop loss once every maker level
   * is done (both are, here).
   */
  @ParameterizedTest(name = "{0} {1}: bid {2} -> {3}")
  @CsvSource({
    "take_profit, 0.05, 84.08, ''",
    "take_profit, 0.05, 84.09, shutdown TAKE_PROFIT|submit dca-1-3 close SELL MARKET 5 CLOSE",
    "stop_loss,   0.1,  72.09, ''",
    "stop_loss,   0.1,  72.08, shutdown STOP_LOSS|submit dca-1-3 close SELL MARKET 5 CLOSE",
  })
  void shouldCloseBothFilledMakerLevelsOnlyBeyondTheBarrier(
      final String barrier, final String fraction, final String bid, final String expected) {
    final DcaConfigs maker = DcaConfigs.maker();
    final DcaRun run = DcaFixtures.bothFilled(
        barrier.equals("take_profit") ? maker.takeProfit(fraction) : maker.stopLoss(fraction));

    assertEquals(EventText.lines(expected), describe(run.quote(bid, bid + "1")));
  }

  @Test
  void shouldNotStopLossAMakerWhileALevelIsStillToBePlaced() {
    final DcaRun run = DcaConfigs.maker().stopLoss("0.1").bounds("0.01").run();
    run.book("100", "100").start();
    run.fill(1, "100", "1", "0.001");

    // pct (80 − 100 − 0.1) / 100 = −0.201, but level 1 (75) is not placed: 75 > 79.2 is false
    assertEquals(List.of(), run.quote("80", "80"));
    assertDecimal("-0.201", run.report().netPnlPct());
  }

  @Test
  void shouldNotStopLossAMakerWhileALevelRests() {
    final DcaRun run = DcaConfigs.maker().stopLoss("0.1").run();
    run.book("100", "100").start();
    run.fill(1, "100", "1", "0.001");

    assertEquals(List.of(), run.quote("80", "80"), "level 1 rests unfilled at 75");
  }

  @ParameterizedTest(name = "bid {0} -> {1}")
  @CsvSource({
    "80.11, ''",
    "80.1,  shutdown STOP_LOSS|submit dca-1-2 close SELL MARKET 1 CLOSE",
  })
  void shouldStopLossATakerOnTheAbsoluteLossOfTheWholeBudget(
      final String bid, final String expected) {
    final DcaRun run = DcaConfigs.taker().stopLoss("0.05").run();
    run.book("100", "100").start();
    run.fill(1, "100", "1", "0.001");

    assertEquals(EventText.lines(expected), describe(run.quote(bid, "80.2")));
  }

  @Test
  void shouldActivateTrailingStopStrictlyAboveActivationAndRatchetOnlyUp() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker().trailing("0.02", "0.01"));
    final String[][] steps = {
      // bid, facts, trigger afterwards; pct = ((bid − 80)·5 − 0.4) / 400
      {"81.68", "", ""}, // pct 0.02 is not > 0.02
      {"82", "trailing 0.014", "0.014"},
      {"83", "trailing 0.0265", "0.0265"},
      {"82.5", "", "0.0265"}, // never down
      {"82.2", "", "0.0265"}, // pct 0.0265 is not < 0.0265
      {"82.19", "shutdown TRAILING_STOP|submit dca-1-3 close SELL MARKET 5 CLOSE", "0.0265"},
    };
    TrailingStopSteps.assertSteps(run, DcaRun::describe, () -> run.executor().trailingStopTrigger(), steps);
  }

  @Test
  void shouldNotTreatATrailingTriggerOfExactlyZeroAsInactive() {
    // one level, 1 at 100, no fees; activation 1 %, delta 2 %: bid 102 -> pct 0.02 -> trigger 0.
    // The reference reads a zero trigger as "not activated" and would never close here.
    final DcaRun run =
        DcaConfigs.maker().prices("100").amounts("100").trailing("0.01", "0.02").run();
    run.book("100", "100").start();
    run.fill(1, "100", "1", "0");

    assertEquals(List.of("trailing 0"), describe(run.quote("102", "102.01")));
    assertEquals(List.of(), run.quote("100", "100.01"), "pct 0 is not below the trigger 0");
    assertEquals(
        List.of("shutdown TRAILING_STOP", "submit dca-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.quote("99.99", "100")));
  }

  @Test
  void shouldLetStopLossWinOverTrailingStopTakeProfitAndTimeLimit() {
    final DcaRun run =
        DcaFixtures.bothFilled(
            DcaConfigs.maker().stopLoss("0.1").trailing("0.02", "0.01").takeProfit("0.5")
                .timeLimit(600));
    run.quote("83", "83.01");

    assertEquals(
        List.of("shutdown STOP_LOSS", "submit dca-1-3 close SELL MARKET 5 CLOSE"),
        describe(run.at(600).quote("72", "72.01")));
  }

  @Test
  void shouldCloseOnTimeLimitAfterCancellingTheRestingLevel() {
    final DcaRun run = DcaFixtures.started(DcaConfigs.maker().timeLimit(60));
    run.fill(1, "100", "1", "0.001");
    assertEquals(Optional.of(DcaConfigs.T0.plusSeconds(60)), run.executor().wakeUpAt());

    assertEquals(List.of(), run.at(59).wake(), "an early wake changes nothing");
    assertEquals(
        List.of(
            "shutdown TIME_LIMIT", "cancel dca-1-2", "submit dca-1-3 close SELL MARKET 1 CLOSE"),
        describe(run.at(60).wake()));
    assertEquals(List.of("fill dca-1-3 1@99"), describe(run.fill(3, "99", "1", "0.001")));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status(), "level 1 still cancelling");
    assertEquals(
        List.of("cancelled dca-1-2", "terminated TIME_LIMIT"), describe(run.cancelled(2)));
  }

  @Test
  void shouldCloseALevelFillThatRacedItsCancel() {
    final DcaRun run = DcaFixtures.started(DcaConfigs.maker().timeLimit(60));
    run.fill(1, "100", "1", "0");
    run.at(60).wake();

    assertEquals(List.of("fill dca-1-2 0.5@75"), describe(run.fill(2, "75", "0.5", "0")));
    assertEquals(List.of("fill dca-1-3 1@99"), describe(run.fill(3, "99", "1", "0")));
    assertEquals(
        List.of("cancelled dca-1-2", "submit dca-1-4 close SELL MARKET 0.5 CLOSE"),
        describe(run.cancelled(2)));
    assertEquals(
        List.of("fill dca-1-4 0.5@99", "terminated TIME_LIMIT"),
        describe(run.fill(4, "99", "0.5", "0")));
    // bought 1 at 100 and 0.5 at 75 (137.5), sold 1.5 at 99 (148.5)
    assertDecimal("11", run.report().netPnlQuote().value());
  }

  @Test
  void shouldEndWithoutCloseOrderWhenWhatFilledIsBelowTheMinimumSize() {
    final DcaRun run =
        DcaConfigs.maker().prices("100").amounts("100").timeLimit(60).run().rules("0.5", "1");
    run.book("100", "100.01").start();
    run.fill(1, "100", "0.4", "0");

    assertEquals(
        List.of("shutdown TIME_LIMIT", "cancel dca-1-1"), describe(run.at(60).wake()));
    assertEquals(List.of("cancelled dca-1-1", "terminated TIME_LIMIT"), describe(run.cancelled(1)));
  }
}
