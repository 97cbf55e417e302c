package dev.osprey.domain.executor.xemm;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER;
import static dev.osprey.domain.executor.arbitrage.CrossVenueRun.PAPER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.order.ClientOrderId;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.arbitrage.CrossVenueRun;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The XEMM cycle: resting, refreshing, hedging, retrying and stopping. */
class XemmExecutorTest {

  /** Maker BUY 0.5 resting @100 on paper (taker bid 101.3 on paper_b), acknowledged. */
  private static CrossVenueRun<XemmExecutor> resting() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().started();
    run.accept(1);
    return run;
  }

  /** {@link #resting()} with the maker side filled: the hedge xe-1-2 is live. */
  private static CrossVenueRun<XemmExecutor> hedging() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.fill(1, "100", "0.5", "0.001");
    return run;
  }

  @Test
  void shouldWaitForATakerQuoteBeforePlacingTheMakerOrder() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().run();
    run.book(PAPER, "99", "100"); // the maker venue's own book does not price the order

    assertEquals(List.of("started"), run.start());
    assertEquals(
        List.of("submit xe-1-1 maker paper BUY LIMIT 0.5 @100"),
        run.quote(PAPER_B, "101.3", "101.4"));
  }

  @Test
  void shouldReplaceTheMakerOrderAtTheNextTargetOnceTheCancelIsConfirmed() {
    final CrossVenueRun<XemmExecutor> run = resting();

    assertEquals(List.of("cancel xe-1-1"), run.quote(PAPER_B, "102.31", "102.4"));
    assertEquals(List.of(), run.quote(PAPER_B, "102.32", "102.4"), "one cancel at a time");
    // 102.32 / 1.013 = 101.0069…, floored to the price increment
    assertEquals(
        List.of("cancelled xe-1-1", "submit xe-1-2 maker paper BUY LIMIT 0.5 @101"),
        run.cancelled(1));
  }

  @Test
  void shouldOrderOnlyTheRemainderAfterAPartialFillAndHedgeEverything() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.fill(1, "100", "0.2", "0.001");
    run.quote(PAPER_B, "100.3", "100.4"); // net 0.0003 < min: cancel

    assertEquals(
        List.of("cancelled xe-1-1", "submit xe-1-2 maker paper BUY LIMIT 0.3 @99.01"),
        run.cancelled(1));
    assertEquals(
        List.of("fill xe-1-2 0.3@99.01", "shutdown COMPLETED",
            "submit xe-1-3 taker paper_b SELL MARKET 0.5"),
        run.fill(2, "99.01", "0.3", "0.001"));
    assertDecimal("0.5", run.executor().makerFilled().value());
  }

  @Test
  void shouldHedgeAFillThatRacedTheCancel() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.quote(PAPER_B, "102.31", "102.4");

    assertEquals(
        List.of("fill xe-1-1 0.5@100", "shutdown COMPLETED",
            "submit xe-1-2 taker paper_b SELL MARKET 0.5"),
        run.fill(1, "100", "0.5", "0.001"));
    assertEquals(List.of(), run.cancelled(1), "a filled order cannot be cancelled any more");
  }

  @Test
  void shouldResendARefusedHedgeAfterThePause() {
    final CrossVenueRun<XemmExecutor> run = hedging();

    assertEquals(
        List.of("failed xe-1-2 VENUE_ERROR retry"), run.rejected(2, RejectReason.VENUE_ERROR));
    assertEquals(Optional.of(run.now().plusSeconds(1)), run.executor().wakeUpAt());
    assertEquals(List.of(), run.wake(), "still within the pause");
    assertEquals(
        List.of("submit xe-1-3 taker paper_b SELL MARKET 0.5"), run.at(1).wake());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    assertEquals(1, run.executor().retries());
  }

  @Test
  void shouldFailOnTheRefusalThatExceedsMaxRetries() {
    final CrossVenueRun<XemmExecutor> run = hedging();
    for (int i = 0; i < XemmExecutor.MAX_RETRIES; i++) {
      run.rejected(2 + i, RejectReason.VENUE_ERROR);
      run.at(i + 1).wake();
    }
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());

    assertEquals(
        List.of("failed xe-1-12 VENUE_ERROR retry", "terminated FAILED"),
        run.rejected(12, RejectReason.VENUE_ERROR));
  }

  @Test
  void shouldReplaceARefusedMakerOrderAfterThePauseAndFailBeyondTheRetries() {
    final CrossVenueRun<XemmExecutor> run = resting();

    assertEquals(
        List.of("failed xe-1-1 TRADING_RULE retry"), run.rejected(1, RejectReason.TRADING_RULE));
    assertEquals(List.of("submit xe-1-2 maker paper BUY LIMIT 0.5 @100"), run.at(1).wake());
    for (int i = 2; i <= XemmExecutor.MAX_RETRIES; i++) {
      run.rejected(i, RejectReason.TRADING_RULE);
      run.at(i).wake();
    }
    assertEquals(
        List.of("failed xe-1-11 TRADING_RULE retry", "shutdown FAILED", "terminated FAILED"),
        run.rejected(11, RejectReason.TRADING_RULE));
  }

  @Test
  void shouldCountABalanceRefusalOfTheHedgeAsARetry() {
    final CrossVenueRun<XemmExecutor> run = hedging();

    assertEquals(
        List.of("failed xe-1-2 INSUFFICIENT_BALANCE retry"),
        run.rejected(2, RejectReason.INSUFFICIENT_BALANCE));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
  }

  @Test
  void shouldEndInsufficientBalanceWhenTheFirstMakerOrderIsRefusedForBalance() {
    final CrossVenueRun<XemmExecutor> run = resting();

    assertEquals(
        List.of("failed xe-1-1 INSUFFICIENT_BALANCE", "shutdown INSUFFICIENT_BALANCE",
            "terminated INSUFFICIENT_BALANCE"),
        run.rejected(1, RejectReason.INSUFFICIENT_BALANCE));
  }

  @Test
  void shouldFailAtStartWhenTheAmountIsBelowTheTakerVenueMinimum() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().run();
    run.rules(PAPER_B, new TradingRules(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.01"),
        new BigDecimal("0.001")));
    run.book(PAPER_B, "101.3", "101.4");

    assertEquals(List.of("started", "terminated FAILED"), run.start());
  }

  @Test
  void shouldQuantizeTheMakerOrderWithTheMakerVenueRules() {
    final CrossVenueRun<XemmExecutor> run = XemmConfigs.makerBuy().amount("0.56789").run();
    run.rules(PAPER, new TradingRules(new BigDecimal("0.01"), BigDecimal.ONE, new BigDecimal("0.5"),
        new BigDecimal("0.01")));
    run.book(PAPER_B, "101", "101.4");

    // 101 / 1.013 = 99.70…: floored to 99.5; 0.56789 floored to 0.56
    assertEquals(List.of("started", "submit xe-1-1 maker paper BUY LIMIT 0.56 @99.5"), run.start());
  }

  @Test
  void shouldHedgeAPartialFillAtMarketOnEarlyStop() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.fill(1, "100", "0.2", "0.001");

    assertEquals(List.of("shutdown EARLY_STOP", "cancel xe-1-1"), run.stop(false));
    assertEquals(
        List.of("cancelled xe-1-1", "submit xe-1-2 taker paper_b SELL MARKET 0.2"),
        run.cancelled(1));
    assertEquals(
        List.of("fill xe-1-2 0.2@101", "terminated EARLY_STOP"),
        run.fill(2, "101", "0.2", "0.002"));
  }

  @Test
  void shouldHoldAPartialMakerFillWhenKeepingThePosition() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.fill(1, "100", "0.2", "0.001");

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel xe-1-1"), run.stop(true));
    assertTrue(run.executor().heldOrders().isEmpty(), "nothing is handed over before it ends");
    assertEquals(
        List.of("cancelled xe-1-1", "terminated POSITION_HOLD"), run.cancelled(1));

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size());
    final HeldOrder h = held.get(0);
    assertEquals("paper", h.connectorName());
    assertEquals(Side.BUY, h.tradeType());
    assertDecimal("0.2", h.executedAmountBase().value());
    assertDecimal("20", h.executedAmountQuote().value());
    assertDecimal("0.02", h.cumulativeFeePaidQuote().value());
    assertEquals(held, run.report().customInfo().get("held_position_orders"));
  }

  @Test
  void shouldEndEarlyStopWhenKeepingAPositionThatNeverFilled() {
    final CrossVenueRun<XemmExecutor> run = resting();

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel xe-1-1"), run.stop(true));
    assertEquals(List.of("cancelled xe-1-1", "terminated EARLY_STOP"), run.cancelled(1));
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldFinishTheHedgeAndEndEarlyStopWhenStoppedWhileHedging() {
    final CrossVenueRun<XemmExecutor> run = hedging();

    assertEquals(List.of("shutdown EARLY_STOP"), run.stop(false));
    assertEquals(
        List.of("fill xe-1-2 0.5@101.2", "terminated EARLY_STOP"),
        run.fill(2, "101.2", "0.5", "0.002"));
    assertDecimal("0.4488", run.report().netPnlQuote().value());
  }

  @Test
  void shouldCancelTheHedgeAndHoldBothLegsWhenKeepingWhileHedging() {
    final CrossVenueRun<XemmExecutor> run = hedging();
    run.fill(2, "101.2", "0.1", "0.002");

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel xe-1-2"), run.stop(true));
    assertEquals(List.of("cancelled xe-1-2", "terminated POSITION_HOLD"), run.cancelled(2));
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(List.of("paper", "paper_b"),
        List.of(held.get(0).connectorName(), held.get(1).connectorName()));
    assertDecimal("0.1", held.get(1).executedAmountBase().value());
  }

  @Test
  void shouldIgnoreAStopWhileAlreadyStopping() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.stop(false);

    assertEquals(List.of(), run.stop(true));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
  }

  @Test
  void shouldReportTheRestingOrdersProfitabilityInCustomInfo() {
    final CrossVenueRun<XemmExecutor> run = resting();
    run.quote(PAPER_B, "101.5", "101.6");

    final var info = run.report().customInfo();
    assertDecimal("0.015", (BigDecimal) info.get("trade_profitability")); // (101.5 − 100) / 100
    assertDecimal("0.0015", (BigDecimal) info.get("tx_cost")); // 0.003 · 0.5 base
    assertDecimal("0.003", (BigDecimal) info.get("tx_cost_pct"));
    assertDecimal("101.5", (BigDecimal) info.get("taker_price"));
    assertEquals("paper", info.get("maker_connector"));
    assertEquals("paper_b", info.get("taker_connector"));
    assertEquals(List.of(ClientOrderId.forExecutor("xe-1", 1).value()), info.get("order_ids"));
  }
}
