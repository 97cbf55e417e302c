package dev.osprey.domain.executor.arbitrage;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.osprey.domain.executor.ClosePath;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
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
 * Every way an arbitrage ends, with its final numbers to the last digit. Amount 0.5, buying ask
 * 100, selling bid 101.5 (profitability 0.01197 > 0.01): both legs are live from the start of
 * each script (arb-1-1 BUY on paper, arb-1-2 SELL on paper_b). Fills pay 0.001 (buy) and 0.002
 * (sell) of their notional.
 */
class ArbitrageClosePathTest {
  static final List<String> CUSTOM_INFO_KEYS =
      List.of(
          "buy_connector", "sell_connector", "buy_pair", "sell_pair", "buy_price", "sell_price",
          "trade_pnl_pct", "profitability", "min_profitability", "gas_conversion_price",
          "buying_fee_pct", "selling_fee_pct", "buy_amount_base", "buy_amount_quote",
          "sell_amount_base", "sell_amount_quote", "current_retries", "max_retries", "order_ids",
          "held_position_orders");

  /** Watching at a spread below the minimum, then {@code script}. */
  static Supplier<CrossVenueRun<ArbitrageExecutor>> watchingThen(
      final Consumer<CrossVenueRun<ArbitrageExecutor>> script) {
    return () -> {
      final CrossVenueRun<ArbitrageExecutor> run = ArbitrageConfigs.arbitrage().run();
      run.book(PAPER, "99", "100").book(PAPER_B, "100.5", "101").start();
      script.accept(run);
      return run;
    };
  }

  /** Triggered (both legs live), then {@code script}. */
  static Supplier<CrossVenueRun<ArbitrageExecutor>> triggeredThen(
      final Consumer<CrossVenueRun<ArbitrageExecutor>> script) {
    return watchingThen(r -> {
      r.quote(PAPER_B, "101.5", "102");
      script.accept(r);
    });
  }

  static CrossVenueRun<ArbitrageExecutor> completed() {
    return triggeredThen(r -> {
      r.fill(1, "100", "0.5", "0.001");
      r.fill(2, "101.5", "0.5", "0.002");
    }).get();
  }

  static Stream<ClosePath<CrossVenueRun<ArbitrageExecutor>>> closePaths() {
    return Stream.of(
        // name, scenario, close type, net_pnl_quote, net_pnl_pct, cum_fees, filled_amount_quote
        ClosePath.of("both legs filled",
            (Supplier<CrossVenueRun<ArbitrageExecutor>>) ArbitrageClosePathTest::completed,
            "COMPLETED", "0.5985", "0.01197", "0.1515", "100.75"),
        ClosePath.of("stopped while watching",
            watchingThen(r -> r.stop(false)), "EARLY_STOP", "0", "0", "0", "0"),
        ClosePath.of("kept while watching: nothing to hold",
            watchingThen(r -> r.stop(true)), "EARLY_STOP", "0", "0", "0", "0"),
        ClosePath.of("kept with the buy leg filled",
            triggeredThen(r -> {
              r.fill(1, "100", "0.5", "0.001");
              r.stop(true);
              r.cancelled(2);
            }),
            "POSITION_HOLD", "-0.05", "-0.001", "0.05", "0"),
        ClosePath.of("stopped with the buy leg filled: evened out at market",
            triggeredThen(r -> {
              r.fill(1, "100", "0.5", "0.001");
              r.stop(false);
              r.cancelled(2);
              r.fill(3, "101", "0.5", "0.002");
            }),
            "EARLY_STOP", "0.349", "0.00698", "0.151", "100.5"),
        ClosePath.of("sell leg refused beyond the retries",
            triggeredThen(r -> {
              r.fill(1, "100", "0.5", "0.001");
              r.refuseEveryRetry(2, ArbitrageExecutor.MAX_RETRIES);
            }),
            "FAILED", "-0.05", "-0.001", "0.05", "50"),
        ClosePath.of("buy leg refused for balance",
            triggeredThen(r -> {
              r.rejected(1, RejectReason.INSUFFICIENT_BALANCE);
              r.cancelled(2);
            }),
            "INSUFFICIENT_BALANCE", "0", "0", "0", "0"),
        ClosePath.of("balance refusal raced by a sell fill: the fill is held",
            triggeredThen(r -> {
              r.rejected(1, RejectReason.INSUFFICIENT_BALANCE);
              r.fill(2, "101.5", "0.5", "0.002");
            }),
            "POSITION_HOLD", "-0.1015", "0", "0.1015", "0"),
        ClosePath.of("stopped before start",
            CrossVenueRun.stoppedBeforeStart(() -> ArbitrageConfigs.arbitrage().run(), false),
            "EARLY_STOP", "0", "0", "0", "0"));
  }

  @Test
  void shouldHandTheOneSidedFillOverWhenItFails() {
    final CrossVenueRun<ArbitrageExecutor> run = triggeredThen(r -> {
      r.fill(1, "100", "0.5", "0.001");
      r.refuseEveryRetry(2, ArbitrageExecutor.MAX_RETRIES);
    }).get();
    assertEquals(CloseType.FAILED, run.report().closeType());
    final var held = run.executor().heldOrders();
    assertEquals(1, held.size());                     // the bought 0.5, not orphaned in the account
    assertEquals(dev.osprey.domain.market.Side.BUY, held.get(0).tradeType());
    assertDecimal("0.5", held.get(0).executedAmountBase().value());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("closePaths")
  void shouldEndWithExactNumbersOnEveryClosePath(final ClosePath<CrossVenueRun<ArbitrageExecutor>> path) {
    path.assertEnds(CUSTOM_INFO_KEYS);
  }

  @Test
  void shouldNotDivideNetPnlPctByTheBoughtBaseAmount() {
    final ExecutorReport r = completed().report();

    // 0.5985 over the 50 paid for the buy leg; the reference divides by 0.5 base (1.197).
    assertDecimal("0.01197", r.netPnlPct());
    assertNotEquals(0, new BigDecimal("1.197").compareTo(r.netPnlPct()));
  }

  @Test
  void shouldReportNoRoundTripBeforeBothLegsAreDone() {
    final CrossVenueRun<ArbitrageExecutor> run = triggeredThen(r -> { }).get();
    run.fill(1, "100", "0.5", "0.001");

    final ExecutorReport r = run.report();
    assertEquals(RunnableStatus.SHUTTING_DOWN, r.status());
    assertEquals(CloseType.COMPLETED, r.closeType(), "tentative while the legs execute");
    assertDecimal("-0.05", r.netPnlQuote().value());
    assertDecimal("49.75", r.valueQuote().value()); // 0.5 unmatched at paper's mid 99.5
  }
}
