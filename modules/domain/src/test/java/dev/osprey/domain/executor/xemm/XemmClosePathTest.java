package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.osprey.domain.executor.ClosePath;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.arbitrage.CrossVenueRun;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an XEMM executor ends, with its final numbers to the last digit. Amount 0.5; fills
 * pay 0.001 (maker) and 0.002 (taker) of their notional.
 */
class XemmClosePathTest {
  static final List<String> CUSTOM_INFO_KEYS =
      List.of(
          "side", "maker_connector", "maker_trading_pair", "taker_connector",
          "taker_trading_pair", "min_profitability", "target_profitability_pct",
          "max_profitability", "trade_profitability", "tx_cost", "tx_cost_pct", "taker_price",
          "maker_target_price", "maker_filled_base", "taker_filled_base", "buy_amount_quote",
          "sell_amount_quote", "current_retries", "max_retries", "order_ids",
          "held_position_orders");

  /** Maker BUY 0.5 @100 on paper, hedged by a taker SELL at 101.2 on paper_b. */
  static CrossVenueRun<XemmExecutor> makerBuyCompleted() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().started();
    run.fill(1, "100", "0.5", "0.001");
    run.fill(2, "101.2", "0.5", "0.002");
    return run;
  }

  /** Maker SELL 0.5 @100 on paper_b, hedged by a taker BUY at 98.8 on paper. */
  static CrossVenueRun<XemmExecutor> makerSellCompleted() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerSell().started();
    run.fill(1, "100", "0.5", "0.001");
    run.fill(2, "98.8", "0.5", "0.002");
    return run;
  }

  /** Maker BUY 0.5 resting @100 on paper (taker bid 101.3 on paper_b), then {@code script}. */
  static Supplier<CrossVenueRun<XemmExecutor>> makerBuyThen(
      final Consumer<CrossVenueRun<XemmExecutor>> script) {
    return () -> {
      final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().started();
      script.accept(run);
      return run;
    };
  }

  static Stream<ClosePath<CrossVenueRun<XemmExecutor>>> closePaths() {
    return Stream.of(
        // name, scenario, close type, net_pnl_quote, net_pnl_pct, cum_fees, filled_amount_quote
        ClosePath.of("maker BUY completed",
            (Supplier<CrossVenueRun<XemmExecutor>>) XemmClosePathTest::makerBuyCompleted,
            "COMPLETED", "0.4488", "0.008976", "0.1512", "100.6"),
        ClosePath.of("maker SELL completed",
            (Supplier<CrossVenueRun<XemmExecutor>>) XemmClosePathTest::makerSellCompleted,
            "COMPLETED", "0.4512", "0.009133603238866396761133603238866397", "0.1488", "99.4"),
        ClosePath.of("early stop with nothing filled",
            makerBuyThen(r -> {
              r.stop(false);
              r.cancelled(1);
            }),
            "EARLY_STOP", "0", "0", "0", "0"),
        ClosePath.of("early stop hedges a partial maker fill",
            makerBuyThen(r -> {
              r.fill(1, "100", "0.2", "0.001");
              r.stop(false);
              r.cancelled(1);
              r.fill(2, "101", "0.2", "0.002");
            }),
            "EARLY_STOP", "0.1396", "0.00698", "0.0604", "40.2"),
        ClosePath.of("keep position holds a partial maker fill",
            makerBuyThen(r -> {
              r.fill(1, "100", "0.2", "0.001");
              r.stop(true);
              r.cancelled(1);
            }),
            "POSITION_HOLD", "-0.02", "-0.001", "0.02", "0"),
        ClosePath.of("hedge refused beyond the retries",
            makerBuyThen(r -> {
              r.fill(1, "100", "0.5", "0.001");
              r.refuseEveryRetry(2, XemmExecutor.MAX_RETRIES);
            }),
            "FAILED", "-0.05", "-0.001", "0.05", "50"),
        ClosePath.of("maker refused for balance",
            makerBuyThen(r -> r.rejected(1, RejectReason.INSUFFICIENT_BALANCE)),
            "INSUFFICIENT_BALANCE", "0", "0", "0", "0"),
        ClosePath.of("stopped before start",
            CrossVenueRun.stoppedBeforeStart(() -> XemmConfigs.makerBuy().run(), true),
            "EARLY_STOP", "0", "0", "0", "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("closePaths")
  void shouldEndWithExactNumbersOnEveryClosePath(final ClosePath<CrossVenueRun<XemmExecutor>> path) {
    path.assertEnds(CUSTOM_INFO_KEYS);
  }

  @Test
  void shouldNotReportMakerSellProfitWithTheReferenceSign() {
    final ExecutorReport r = makerSellCompleted().report();

    // sold 50 (maker) − bought 49.4 (taker) − fees 0.1488; the reference books taker − maker.
    assertDecimal("0.4512", r.netPnlQuote().value());
    assertNotEquals(0, new BigDecimal("-0.7488").compareTo(r.netPnlQuote().value()));
  }

  @Test
  void shouldNotDivideNetPnlPctByTheBaseAmount() {
    final ExecutorReport r = makerBuyCompleted().report();

    // 0.4488 over the 50 bought; the reference divides by order_amount 0.5 (0.8976).
    assertDecimal("0.008976", r.netPnlPct());
    assertNotEquals(0, new BigDecimal("0.8976").compareTo(r.netPnlPct()));
  }

  @Test
  void shouldNotLeaveTheCloseTypeEmptyWhenBothLegsAreDone() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().started();

    assertEquals(
        List.of("fill xe-1-1 0.5@100", "shutdown COMPLETED",
            "submit xe-1-2 taker paper_b SELL MARKET 0.5"),
        run.fill(1, "100", "0.5", "0.001"));
    assertEquals(
        List.of("fill xe-1-2 0.5@101.2", "terminated COMPLETED"),
        run.fill(2, "101.2", "0.5", "0.002"));
    assertEquals(CloseType.COMPLETED, run.report().closeType());
  }

  @Test
  void shouldReportTheRoundTripOnlyOnceTheHedgeIsDone() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().run();
    run.book(PAPER_B, "101.3", "101.4").book(PAPER, "101.2", "101.4").start();
    run.fill(1, "100", "0.5", "0.001");

    final ExecutorReport hedging = run.report();
    assertEquals(RunnableStatus.SHUTTING_DOWN, hedging.status());
    assertDecimal("-0.05", hedging.netPnlQuote().value()); // fees paid so far only
    assertDecimal("50", hedging.filledAmountQuote().value());
    assertDecimal("50.65", hedging.valueQuote().value()); // 0.5 unhedged at paper's mid
  }
}
