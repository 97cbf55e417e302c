package dev.osprey.domain.executor.position;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertFigures;
import static dev.osprey.domain.executor.ReportAssertions.assertFinal;
import static dev.osprey.domain.executor.ReportAssertions.assertInfoDecimals;
import static dev.osprey.domain.executor.position.PositionRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.DecimalAssertions;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.TrailingStopSteps;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triple barrier: stop loss, trailing stop, take profit, time limit, on net P&L. */
class PositionExecutorBarrierTest {

  /** Entry 100 for 1 BTC filled at 100 paying {@code feeRate}; the book sits at the entry. */
  private static List<String> quoteExit(final PositionRun run, final String exit) {
    final BigDecimal x = new BigDecimal(exit);
    final boolean buy = run.executor().config().side() == Side.BUY;
    return describe(
        buy
            ? run.quote(exit, x.add(BigDecimal.ONE).toPlainString())
            : run.quote(x.subtract(BigDecimal.ONE).toPlainString(), exit));
  }

  @ParameterizedTest(name = "{0} fee {1}, exit at {2} -> {3}")
  @CsvSource({
    // side, fee rate, exit price (bid for BUY, ask for SELL), outcome; sl 0.02, tp 0.03
    "BUY,  0,     103,    TAKE_PROFIT",
    "BUY,  0,     102.99, none",
    "BUY,  0,     98,     STOP_LOSS",
    "BUY,  0,     98.01,  none",
    "BUY,  0.001, 103,    none",        // (3 - 0.1) / 100 = 0.029: the entry fee delays TP
    "BUY,  0.001, 103.1,  TAKE_PROFIT", // (3.1 - 0.1) / 100 = 0.03
    "BUY,  0.001, 98.1,   STOP_LOSS",   // (-1.9 - 0.1) / 100 = -0.02: the fee brings SL closer
    "BUY,  0.001, 98.11,  none",
    "SELL, 0,     97,     TAKE_PROFIT",
    "SELL, 0,     97.01,  none",
    "SELL, 0,     102,    STOP_LOSS",
    "SELL, 0,     101.99, none",
    "SELL, 0.001, 97,     none",
    "SELL, 0.001, 96.9,   TAKE_PROFIT",
    "SELL, 0.001, 101.9,  STOP_LOSS",
    "SELL, 0.001, 101.89, none",
  })
  void shouldCloseAtMarketWhenNetPnlReachesStopLossOrTakeProfit(
      final Side side, final String feeRate, final String exit, final String outcome) {
    final PositionRun run =
        PositionConfigs.buy().side(side).stopLoss("0.02").takeProfit("0.03").filled(feeRate);

    final List<String> events = quoteExit(run, exit);

    if (outcome.equals("none")) {
      assertEquals(List.of(), events);
      assertEquals(RunnableStatus.RUNNING, run.executor().status());
    } else {
      assertEquals(
          List.of(
              "shutdown " + outcome,
              "submit pe-1-2 close " + side.opposite() + " MARKET 1 CLOSE"),
          events);
      assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
    }
  }

  /**
   * Worked example. BUY 1 BTC-USDT at entry 100, take profit 3 %, taker fee 0.1 %.
   *
   * <pre>
   * open fill 1 @ 100            fee 100 * 1 * 0.001   = 0.1
   * bid 103:   net = (103 - 100) * 1 - 0.1 = 2.9       net_pnl_pct = 2.9 / 100 = 0.029 (< 0.03)
   * bid 103.1: net = 3.1 - 0.1 = 3.0                   net_pnl_pct = 0.03 -> TAKE_PROFIT
   *            (market sell 1)
   * close fill 1 @ 103.1         fee 103.1 * 0.001     = 0.1031
   * trade_pnl_quote     = (103.1 - 100) * 1            = 3.1
   * cum_fees_quote      = 0.1 + 0.1031                 = 0.2031
   * net_pnl_quote       = 3.1 - 0.2031                 = 2.8969
   * net_pnl_pct         = 2.8969 / (1 * 100)           = 0.028969
   * filled_amount_quote = 1 * 100 + 1 * 103.1          = 203.1
   * </pre>
   */
  @Test
  void shouldReportTheWorkedTakeProfitExampleToTheCent() {
    final PositionRun run = PositionConfigs.buy().takeProfit("0.03").filled("0.001");

    assertEquals(List.of(), run.quote("103", "103.01"));
    ExecutorReport r = run.report();
    assertFigures(r, "2.9", "0.029", "0.1", "100");
    assertEquals(true, r.isTrading());

    assertEquals(
        List.of("shutdown TAKE_PROFIT", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.quote("103.1", "103.11")));
    assertEquals(
        List.of("fill pe-1-2 1@103.1", "terminated TAKE_PROFIT"),
        describe(run.fill(2, "103.1", "1", "0.001")));

    run.quote("90", "90.01"); // a terminated executor keeps its final numbers
    r = run.report();
    assertFinal(r, CloseType.TAKE_PROFIT, "2.8969", "0.028969", "0.2031", "203.1");
    assertInfoDecimals(r, "close_price", "103.1", "current_position_average_price", "100");
    assertEquals(run.now(), r.closeTimestamp());
    assertEquals(false, r.isActive());
    assertEquals(false, r.isTrading());
  }

  @Test
  void shouldReportASellPositionMarkedToTheBestAsk() {
    // SELL 2 at 50, fee 0.2 % -> fee 0.2; ask 49: trade (50 - 49) * 2 = 2, net 1.8, pct 1.8 / 100
    final PositionRun run = PositionConfigs.sell().entry("50").amount("2").run();
    run.book("49.9", "50").start();
    run.fill(1, "50", "2", "0.002");

    run.quote("48.9", "49");

    final ExecutorReport r = run.report();
    assertFigures(r, "1.8", "0.018", "0.2", "100");
    assertDecimal("98", r.valueQuote().value());
    assertDecimal("49", (BigDecimal) r.customInfo().get("close_price"));
  }

  @Test
  void shouldWaitForTheWholeEntryBeforeStopLoss() {
    final PositionRun run = PositionConfigs.buy().stopLoss("0.02").run();
    run.book("100", "100.01").start();

    run.fill(1, "100", "0.5", "0");
    assertEquals(List.of(), run.quote("90", "90.01"), "half filled: no stop loss yet");

    assertEquals(
        List.of(
            "fill pe-1-1 0.5@100",
            "shutdown STOP_LOSS",
            "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.fill(1, "100", "0.5", "0")));
  }

  @Test
  void shouldApplyOnlyTheTimeLimitBelowMinNotional() {
    final TradingRules minNotional150 =
        new TradingRules(
            new BigDecimal("0.001"), new BigDecimal("150"), new BigDecimal("0.01"),
            new BigDecimal("0.001"));
    final PositionRun run =
        PositionConfigs.buy().stopLoss("0.02").timeLimit(60).run().rules(minNotional150);
    run.book("100", "100.01").start();
    run.fill(1, "100", "1", "0");

    assertEquals(List.of(), run.quote("90", "90.01"), "100 of notional is below 150: no stop loss");
    assertEquals(
        List.of("shutdown TIME_LIMIT", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.at(60).wake()));
  }

  @Test
  void shouldActivateTrailingStopStrictlyAboveActivationAndRatchetOnlyUp() {
    final PositionRun run = PositionConfigs.buy().trailing("0.01", "0.005").filled("0");
    final String[][] steps = {
      // bid,    facts,                                      trigger afterwards
      {"101",    "",                                          ""},       // 0.01 is not > 0.01
      {"101.5",  "trailing 0.01",                             "0.01"},   // 0.015 - 0.005
      {"102",    "trailing 0.015",                            "0.015"},  // ratchets up
      {"101.8",  "",                                          "0.015"},  // never down
      {"101.5",  "",                                          "0.015"},  // 0.015 is not < 0.015
      {"101.49", "shutdown TRAILING_STOP|submit pe-1-2 close SELL MARKET 1 CLOSE", "0.015"},
    };
    TrailingStopSteps.assertSteps(
        run, PositionRun::describe, () -> run.executor().trailingStopTrigger(), steps);
  }

  @Test
  void shouldTreatATrailingTriggerOfExactlyZeroAsActive() {
    // SELL at 100; activation 1 %, delta 2 %: ask 98 -> pnl 0.02 -> trigger 0.02 - 0.02 = 0
    final PositionRun run = PositionConfigs.sell().trailing("0.01", "0.02").filled("0");

    assertEquals(List.of("trailing 0"), describe(run.quote("97.99", "98")));
    assertEquals(List.of(), run.quote("99.99", "100"), "pnl 0 is not below the trigger 0");
    assertEquals(
        List.of("shutdown TRAILING_STOP", "submit pe-1-2 close BUY MARKET 1 CLOSE"),
        describe(run.quote("100", "100.01")));
  }

  @Test
  void shouldLetStopLossWinOverTrailingStopAndTimeLimit() {
    final PositionRun run =
        PositionConfigs.buy().stopLoss("0.02").trailing("0.01", "0.005").timeLimit(60).filled("0");
    run.quote("102", "102.01");
    assertEquals(
        Optional.of("0.015"), run.executor().trailingStopTrigger().map(DecimalAssertions::plain));

    assertEquals(
        List.of("shutdown STOP_LOSS", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.at(60).quote("97", "97.01")));
  }

  @Test
  void shouldCloseFilledPositionAtMarketOnTimeLimit() {
    final PositionRun run = PositionConfigs.buy().timeLimit(60).filled("0.001");

    assertEquals(List.of(), run.at(59).wake(), "an early wake changes nothing");
    assertEquals(
        List.of("shutdown TIME_LIMIT", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.at(60).wake()));
    assertEquals(
        List.of("fill pe-1-2 1@99", "terminated TIME_LIMIT"),
        describe(run.fill(2, "99", "1", "0.001")));

    // trade -1, fees 0.1 + 0.099, filled 100 + 99
    final ExecutorReport r = run.report();
    assertFigures(r, "-1.199", "-0.01199", "0.199", "199");
  }

  @Test
  void shouldCancelTheOpenOrderAndPlaceNoCloseOnTimeLimitWithoutFills() {
    final PositionRun run = PositionConfigs.buy().timeLimit(60).run();
    run.book("100", "100.01").start();
    run.accept(1);

    assertEquals(List.of("shutdown TIME_LIMIT", "cancel pe-1-1"), describe(run.at(60).wake()));
    assertEquals(List.of(), run.tick(), "waits for the cancel");
    assertEquals(List.of("cancelled pe-1-1", "terminated TIME_LIMIT"), describe(run.cancelled(1)));
    assertEquals(1, run.executor().orders().all().size(), "no close order");
    assertDecimal("0", run.report().netPnlQuote().value());
    assertDecimal("0", run.report().filledAmountQuote().value());
  }

  @Test
  void shouldCloseWhatFilledWhileTheOpenOrderIsCancelledOnTimeLimit() {
    final PositionRun run = PositionConfigs.buy().timeLimit(60).run();
    run.book("100", "100.01").start();
    run.fill(1, "100", "0.4", "0");

    assertEquals(
        List.of(
            "shutdown TIME_LIMIT", "cancel pe-1-1", "submit pe-1-2 close SELL MARKET 0.4 CLOSE"),
        describe(run.at(60).wake()));
    // the open order trades once more before the cancel lands
    assertEquals(List.of("fill pe-1-1 0.1@100"), describe(run.fill(1, "100", "0.1", "0")));
    assertEquals(List.of("cancelled pe-1-1"), describe(run.cancelled(1)));
    assertEquals(
        List.of("fill pe-1-2 0.4@99", "submit pe-1-3 close SELL MARKET 0.1 CLOSE"),
        describe(run.fill(2, "99", "0.4", "0")));
    assertEquals(
        List.of("fill pe-1-3 0.1@99", "terminated TIME_LIMIT"),
        describe(run.fill(3, "99", "0.1", "0")));
    assertDecimal("-0.5", run.report().netPnlQuote().value());
  }

  @Test
  void shouldRestATakeProfitLimitOrderOnceFilledAndEndWhenItFills() {
    final PositionRun run =
        PositionConfigs.buy().takeProfit("0.03").takeProfitType(OrderType.LIMIT).run();
    run.book("100", "100.01").start();

    assertEquals(
        List.of("fill pe-1-1 1@100", "submit pe-1-2 take_profit SELL LIMIT 1 @103 CLOSE"),
        describe(run.fill(1, "100", "1", "0.001")));
    assertEquals(List.of(), run.quote("103.5", "103.6"), "no market take profit, no second order");
    assertEquals(
        List.of("fill pe-1-2 1@103", "shutdown TAKE_PROFIT", "terminated TAKE_PROFIT"),
        describe(run.fill(2, "103", "1", "0.001")));

    // trade 3, fees 0.1 + 0.103
    final ExecutorReport r = run.report();
    assertDecimal("2.797", r.netPnlQuote().value());
    assertDecimal("0.203", r.cumFeesQuote().value());
    assertDecimal("203", r.filledAmountQuote().value());
  }

  @ParameterizedTest(name = "{0} entry fill 100, book {1}/{2} -> {3}")
  @CsvSource({
    "BUY,  LIMIT,       100,   100.01, submit pe-1-2 take_profit SELL LIMIT 1 @103 CLOSE",
    "BUY,  LIMIT_MAKER, 100,   100.01, submit pe-1-2 take_profit SELL LIMIT_MAKER 1 @103 CLOSE",
    "BUY,  LIMIT_MAKER, 103.5, 104,    submit pe-1-2 take_profit SELL LIMIT_MAKER 1 @104 CLOSE",
    "SELL, LIMIT,       99.99, 100,    submit pe-1-2 take_profit BUY LIMIT 1 @97 CLOSE",
    "SELL, LIMIT_MAKER, 99.99, 100,    submit pe-1-2 take_profit BUY LIMIT_MAKER 1 @97 CLOSE",
    "SELL, LIMIT_MAKER, 96.5,  96.6,   submit pe-1-2 take_profit BUY LIMIT_MAKER 1 @96.5 CLOSE",
  })
  void shouldPriceTheTakeProfitOrderFromTheEntryFill(
      final Side side,
      final OrderType type,
      final String bid,
      final String ask,
      final String expected) {
    final PositionRun run =
        PositionConfigs.buy().side(side).takeProfit("0.03").takeProfitType(type).run();
    run.book(bid, ask).start();

    assertEquals(List.of("fill pe-1-1 1@100", expected), describe(run.fill(1, "100", "1", "0")));
  }

  @Test
  void shouldCancelTheRestingTakeProfitAndCloseTheRestOnStopLoss() {
    final PositionRun run =
        PositionConfigs.buy()
            .stopLoss("0.02")
            .takeProfit("0.03")
            .takeProfitType(OrderType.LIMIT)
            .filled("0");
    run.fill(2, "103", "0.3", "0");

    assertEquals(
        List.of("shutdown STOP_LOSS", "cancel pe-1-2", "submit pe-1-3 close SELL MARKET 0.7 CLOSE"),
        describe(run.quote("97", "97.01")));
    assertEquals(List.of("cancelled pe-1-2"), describe(run.cancelled(2)));
    assertEquals(
        List.of("fill pe-1-3 0.7@97", "terminated STOP_LOSS"),
        describe(run.fill(3, "97", "0.7", "0")));
    // exit average (0.3 * 103 + 0.7 * 97) / 1 = 98.8 -> trade -1.2
    assertDecimal("-1.2", run.report().netPnlQuote().value());
    assertDecimal("98.8", (BigDecimal) run.report().customInfo().get("close_price"));
  }

}
