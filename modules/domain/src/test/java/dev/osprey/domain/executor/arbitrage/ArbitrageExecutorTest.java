package dev.osprey.domain.executor.arbitrage;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arbitrage legs: sending, completing, re-sending, stopping. */
class ArbitrageExecutorTest {

  /** Both legs live: arb-1-1 BUY 0.5 on paper, arb-1-2 SELL 0.5 on paper_b. */
  private static CrossVenueRun<ArbitrageExecutor> triggered() {
    final CrossVenueRun<ArbitrageExecutor> run = ArbitrageConfigs.arbitrage().run();
    run.book(PAPER, "99", "100").book(PAPER_B, "101.5", "102");
    assertEquals(
        List.of("started", "shutdown COMPLETED", "submit arb-1-1 buy paper BUY MARKET 0.5",
            "submit arb-1-2 sell paper_b SELL MARKET 0.5"),
        run.start());
    return run;
  }

  /** {@link #triggered()} with the buy leg filled: 0.5 at 100, fee 0.05. */
  private static CrossVenueRun<ArbitrageExecutor> buyLegFilled() {
    final CrossVenueRun<ArbitrageExecutor> run = triggered();
    run.fill(1, "100", "0.5", "0.001");
    return run;
  }

  /** {@link #triggered()} with the sell leg filled: 0.5 at 101.5, fee 0.1015. */
  private static CrossVenueRun<ArbitrageExecutor> sellLegFilled() {
    final CrossVenueRun<ArbitrageExecutor> run = triggered();
    run.fill(2, "101.5", "0.5", "0.002");
    return run;
  }

  @Test
  void shouldWaitForBothQuotesBeforeJudgingTheSpread() {
    final CrossVenueRun<ArbitrageExecutor> run = ArbitrageConfigs.arbitrage().run();

    assertEquals(List.of("started"), run.start());
    assertEquals(List.of(), run.quote(PAPER, "99", "100"));
    assertEquals(
        List.of("shutdown COMPLETED", "submit arb-1-1 buy paper BUY MARKET 0.5",
            "submit arb-1-2 sell paper_b SELL MARKET 0.5"),
        run.quote(PAPER_B, "101.5", "102"));
  }

  @Test
  void shouldCompleteOnlyWhenBothLegsAreFilled() {
    final CrossVenueRun<ArbitrageExecutor> run = triggered();

    assertEquals(List.of("fill arb-1-2 0.5@101.5"), run.fill(2, "101.5", "0.5", "0.002"));
    assertEquals(
        List.of("fill arb-1-1 0.5@100", "terminated COMPLETED"),
        run.fill(1, "100", "0.5", "0.001"));
  }

  @Test
  void shouldResendTheUnfilledRestOfALegTheVenueCancelled() {
    final CrossVenueRun<ArbitrageExecutor> run = buyLegFilled();
    run.fill(2, "101.5", "0.3", "0.002");

    assertEquals(
        List.of("cancelled arb-1-2", "submit arb-1-3 sell paper_b SELL MARKET 0.2"),
        run.cancelled(2));
    assertEquals(
        List.of("fill arb-1-3 0.2@101.4", "terminated COMPLETED"),
        run.fill(3, "101.4", "0.2", "0.002"));
  }

  @Test
  void shouldResendARefusedLegAfterThePause() {
    final CrossVenueRun<ArbitrageExecutor> run = sellLegFilled();

    assertEquals(
        List.of("failed arb-1-1 VENUE_ERROR retry"), run.rejected(1, RejectReason.VENUE_ERROR));
    assertEquals(Optional.of(run.now().plusSeconds(1)), run.executor().wakeUpAt());
    assertEquals(List.of(), run.wake());
    assertEquals(List.of("submit arb-1-3 buy paper BUY MARKET 0.5"), run.at(1).wake());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  @Test
  void shouldFailOnTheRefusalThatExceedsMaxRetries() {
    final CrossVenueRun<ArbitrageExecutor> run = buyLegFilled();
    for (int i = 0; i < ArbitrageExecutor.MAX_RETRIES; i++) {
      run.rejected(2 + i, RejectReason.VENUE_ERROR);
      run.at(i + 1).wake();
    }
    assertEquals(ArbitrageExecutor.MAX_RETRIES, run.executor().retries());
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());

    assertEquals(
        List.of("failed arb-1-12 VENUE_ERROR retry", "terminated FAILED"),
        run.rejected(12, RejectReason.VENUE_ERROR));
  }

  @Test
  void shouldEndInsufficientBalanceWhenALegIsRefusedForBalanceBeforeAnyFill() {
    final CrossVenueRun<ArbitrageExecutor> run = triggered();

    assertEquals(
        List.of("failed arb-1-1 INSUFFICIENT_BALANCE", "shutdown INSUFFICIENT_BALANCE",
            "cancel arb-1-2"),
        run.rejected(1, RejectReason.INSUFFICIENT_BALANCE));
    assertEquals(
        List.of("cancelled arb-1-2", "terminated INSUFFICIENT_BALANCE"), run.cancelled(2));
  }

  @Test
  void shouldCountABalanceRefusalAfterAFillAsARetry() {
    final CrossVenueRun<ArbitrageExecutor> run = sellLegFilled();

    assertEquals(
        List.of("failed arb-1-1 INSUFFICIENT_BALANCE retry"),
        run.rejected(1, RejectReason.INSUFFICIENT_BALANCE));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
  }

  @Test
  void shouldHoldTheFilledLegWhenKeepingThePosition() {
    final CrossVenueRun<ArbitrageExecutor> run = buyLegFilled();

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel arb-1-2"), run.stop(true));
    assertEquals(List.of("cancelled arb-1-2", "terminated POSITION_HOLD"), run.cancelled(2));

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size());
    assertEquals("paper", held.get(0).connectorName());
    assertEquals(Side.BUY, held.get(0).tradeType());
    assertDecimal("50", held.get(0).executedAmountQuote().value());
    assertEquals(held, run.report().customInfo().get("held_position_orders"));
  }

  @Test
  void shouldEvenTheLegsOutAtMarketOnEarlyStop() {
    final CrossVenueRun<ArbitrageExecutor> run = buyLegFilled();
    run.fill(2, "101.5", "0.2", "0.002");

    assertEquals(List.of("shutdown EARLY_STOP", "cancel arb-1-2"), run.stop(false));
    assertEquals(
        List.of("cancelled arb-1-2", "submit arb-1-3 sell paper_b SELL MARKET 0.3"),
        run.cancelled(2));
  }

  @Test
  void shouldIgnoreAStopWhileAlreadyStopping() {
    final CrossVenueRun<ArbitrageExecutor> run = triggered();
    run.stop(true);

    assertEquals(List.of(), run.stop(false));
  }

  @Test
  void shouldFailAtStartWhenTheAmountIsBelowAVenueMinimum() {
    final CrossVenueRun<ArbitrageExecutor> run = ArbitrageConfigs.arbitrage().run();
    run.rules(PAPER_B, new TradingRules(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.01"),
        new BigDecimal("0.001")));

    assertEquals(List.of("started", "terminated FAILED"), run.start());
  }

  @Test
  void shouldQuantizeEachLegWithItsOwnVenueRules() {
    final CrossVenueRun<ArbitrageExecutor> run =
        ArbitrageConfigs.arbitrage().amount("0.56789").run();
    run.rules(PAPER, new TradingRules(new BigDecimal("0.01"), BigDecimal.ONE,
        new BigDecimal("0.01"), new BigDecimal("0.01")));
    run.book(PAPER, "99", "100").book(PAPER_B, "101.5", "102");

    assertEquals(
        List.of("started", "shutdown COMPLETED", "submit arb-1-1 buy paper BUY MARKET 0.56",
            "submit arb-1-2 sell paper_b SELL MARKET 0.567"),
        run.start());
  }

  @Test
  void shouldReportTheCurrentSpreadInCustomInfo() {
    final CrossVenueRun<ArbitrageExecutor> run = ArbitrageConfigs.arbitrage().run();
    run.book(PAPER, "99", "100").book(PAPER_B, "100.5", "101").start();

    final var info = run.report().customInfo();
    assertDecimal("100", (BigDecimal) info.get("buy_price"));
    assertDecimal("100.5", (BigDecimal) info.get("sell_price"));
    assertDecimal("0.005", (BigDecimal) info.get("trade_pnl_pct"));
    // (0.25 − 0.05 − 0.1005) / 50
    assertDecimal("0.00199", (BigDecimal) info.get("profitability"));
    assertEquals("paper", info.get("buy_connector"));
    assertEquals("paper_b", info.get("sell_connector"));
    assertEquals("BTC-USDT", info.get("sell_pair"));
  }
}
