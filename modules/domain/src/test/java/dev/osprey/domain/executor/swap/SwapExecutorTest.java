package dev.osprey.domain.executor.swap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.swap.SwapRun.T0;
import static dev.osprey.domain.executor.swap.SwapRun.oid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Book 99.9 / 100.1 (mid 100) unless a test moves it; fills pay 0.1 %. */
class SwapExecutorTest {
  private static final List<String> TWO = List.of("raydium/clmm", "jupiter/router");

  private static SwapRun started(final Side side, final String amount) {
    final SwapRun run = new SwapRun(SwapRun.config(side, amount, null, TWO));
    run.book("99.9", "100.1").start();
    return run;
  }

  /** A swap of 1 on {@code side} whose order the venue accepted. */
  private static SwapRun accepted(final Side side) {
    final SwapRun run = started(side, "1");
    run.accepted();
    return run;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // side, raydium quote, jupiter quote, winner's quote, limit (floored to 0.01)
    "BUY,  100.2, 100.1, 100.1, 101.10",
    "SELL, 99.8,  99.9,  99.9,  98.90",
  })
  void shouldSendOneLimitOrderAtTheBestProviderQuoteMovedBySlippage(
      final Side side, final String raydium, final String jupiter, final String quote,
      final String limit) {
    final SwapRun run = new SwapRun(SwapRun.config(side, "1.2345", null, TWO));
    final List<ExecutorEvent> events = run.book("99.9", "100.1").start();
    assertEquals(
        List.of(
            new ExecutorEvent.Started(T0),
            new SwapRouteChosen(
                List.of(
                    new ProviderQuote("raydium/clmm", Price.of(raydium)),
                    new ProviderQuote("jupiter/router", Price.of(jupiter))),
                "jupiter/router", Price.of(quote), Price.of(limit), T0),
            new ExecutorEvent.OrderSubmitted(
                SwapExecutor.ROLE,
                new OrderRequest(
                    oid(), "paper", SwapRun.PAIR, side, OrderType.LIMIT, Quantity.of("1.234"),
                    Price.of(limit), PositionAction.NIL),
                T0)),
        events);
    assertEquals(SwapState.EXECUTING, run.executor().state());
    assertEquals(Optional.of(T0.plusSeconds(2)), run.executor().wakeUpAt());
    final Map<String, Object> info = run.report().customInfo();
    assertEquals("jupiter/router", info.get("swap_provider"));
    assertDecimal(limit, (BigDecimal) info.get("limit_price"));
    assertEquals(2, ((List<?>) info.get("provider_quotes")).size());
  }

  @Test
  void shouldWaitForAQuoteBeforeRouting() {
    final SwapRun run = new SwapRun(SwapRun.config(Side.BUY, "1", null, null));
    assertEquals(List.of(new ExecutorEvent.Started(T0)), run.noBook().start());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    final List<ExecutorEvent> events = run.at(1).quote("99.9", "100.1");
    assertEquals(2, events.size());
    assertEquals("jupiter/router", ((SwapRouteChosen) events.get(0)).provider());
  }

  /** The whole amount in two fills: COMPLETED, handed over, P&amp;L 0, fees of the fills. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // side, fill price, fees (0.1 % of 0.4·px + 0.6·px), filled quote
    "BUY,  100.1, 0.1001, 100.1",
    "SELL, 99.9,  0.0999, 99.9",
  })
  void shouldCompleteAndHandOverTheFillWhenTheWholeAmountFills(
      final Side side, final String price, final String fees, final String filled) {
    final SwapRun run = accepted(side);
    run.at(1).fill(price, "0.4");
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
    final List<ExecutorEvent> done = run.fill(price, "0.6");
    assertEquals(
        new ExecutorEvent.Terminated(CloseType.COMPLETED, T0.plusSeconds(1)),
        done.get(done.size() - 1));
    final ExecutorReport r = run.report();
    assertEquals(CloseType.COMPLETED, r.closeType());
    assertDecimal("0", r.netPnlQuote().value());
    assertDecimal("0", r.netPnlPct());
    assertDecimal(fees, r.cumFeesQuote().value());
    assertDecimal(filled, r.filledAmountQuote().value());
    assertDecimal(filled, r.valueQuote().value());
    assertNull(r.lastError());
    assertEquals("COMPLETED", r.customInfo().get("state"));
    assertDecimal("1", (BigDecimal) r.customInfo().get("executed_amount"));
    assertDecimal(price, (BigDecimal) r.customInfo().get("executed_price"));
    assertDecimal(fees, (BigDecimal) r.customInfo().get("tx_fee"));
    assertEquals("x-1", r.customInfo().get("tx_hash"));
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size());
    assertEquals(oid(), held.get(0).clientOrderId());
    assertEquals(side, held.get(0).tradeType());
    assertDecimal("1", held.get(0).executedAmountBase().value());
    assertDecimal(filled, held.get(0).executedAmountQuote().value());
    assertDecimal(fees, held.get(0).cumulativeFeePaidQuote().value());
    assertEquals(held, r.customInfo().get("held_position_orders"));
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  /** The venue's taker price moved past the limit before the order filled. */
  @ParameterizedTest(name = "{0} book {1}/{2}")
  @CsvSource({"BUY, 101, 101.11", "SELL, 98.89, 99"})
  void shouldCancelAndFailWhenTheVenuePriceMovedBeyondTheSlippage(
      final Side side, final String bid, final String ask) {
    final SwapRun run = accepted(side);
    final List<ExecutorEvent> moved = run.at(1).quote(bid, ask);
    assertEquals(
        List.of(
            new ExecutorEvent.ShutdownStarted(CloseType.FAILED, T0.plusSeconds(1)),
            new ExecutorEvent.CancelRequested(oid(), T0.plusSeconds(1))),
        moved);
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
    final List<ExecutorEvent> done = run.cancelled();
    assertEquals(new ExecutorEvent.Terminated(CloseType.FAILED, T0.plusSeconds(1)), done.get(1));
    final ExecutorReport r = run.report();
    assertEquals(CloseType.FAILED, r.closeType());
    assertEquals("FAILED", r.customInfo().get("state"));
    assertTrue(r.lastError().contains("moved beyond the slippage"), r.lastError());
    assertDecimal("0", r.cumFeesQuote().value());
    assertDecimal("0", r.filledAmountQuote().value());
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  @ParameterizedTest(name = "{0} book {1}/{2}")
  @CsvSource({"BUY, 101, 101.10", "SELL, 98.90, 99"})
  void shouldKeepWaitingWhileTheVenuePriceIsStillWithinTheLimit(
      final Side side, final String bid, final String ask) {
    final SwapRun run = accepted(side);
    assertEquals(List.of(), run.at(1).quote(bid, ask));
  }

  @Test
  void shouldCancelAtTheFillTimeoutAndHandOverAPartialFill() {
    final SwapRun run = accepted(Side.BUY);
    run.fill("100.1", "0.4");
    assertEquals(List.of(), run.at(1).wake());
    final List<ExecutorEvent> timeout = run.at(2).wake();
    assertEquals(
        List.of(
            new ExecutorEvent.ShutdownStarted(CloseType.FAILED, T0.plusSeconds(2)),
            new ExecutorEvent.CancelRequested(oid(), T0.plusSeconds(2))),
        timeout);
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    run.at(3).cancelled();
    final ExecutorReport r = run.report();
    assertEquals(CloseType.FAILED, r.closeType());
    assertDecimal("0.04004", r.cumFeesQuote().value());
    assertDecimal("40.04", r.filledAmountQuote().value());
    assertTrue(r.lastError().endsWith("executed 0.4"), r.lastError());
    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size());
    assertDecimal("0.4", held.get(0).executedAmountBase().value());
  }

  @Test
  void shouldCompleteWhenTheOrderFillsWhileItsCancelIsOnTheWay() {
    final SwapRun run = accepted(Side.SELL);
    run.at(2).wake();
    final List<ExecutorEvent> filled = run.fill("99.9", "1");
    assertEquals(
        new ExecutorEvent.Terminated(CloseType.COMPLETED, T0.plusSeconds(2)),
        filled.get(filled.size() - 1));
    assertEquals(1, run.executor().heldOrders().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "INSUFFICIENT_BALANCE, INSUFFICIENT_BALANCE",
    "TRADING_RULE,         FAILED",
  })
  void shouldEndAtOnceWhenTheVenueRefusesTheOrder(
      final RejectReason reason, final CloseType closeType) {
    final SwapRun run = started(Side.BUY, "1");
    final List<ExecutorEvent> events = run.rejected(reason);
    assertEquals(new ExecutorEvent.Terminated(closeType, T0), events.get(1));
    final ExecutorReport r = run.report();
    assertEquals(reason + ": no", r.lastError());
    assertEquals(1, r.errorCount());
    assertTrue(run.executor().heldOrders().isEmpty());
    assertEquals("FAILED", r.customInfo().get("state"));
  }

  @Test
  void shouldFailWithoutAnOrderWhenTheVenueRulesForbidTheAmount() {
    final SwapRun run = new SwapRun(SwapRun.config(Side.BUY, "0.0009", null, null));
    final List<ExecutorEvent> events = run.book("99.9", "100.1").start();
    assertTrue(events.get(1) instanceof SwapRouteChosen);
    assertEquals(new ExecutorEvent.Terminated(CloseType.FAILED, T0), events.get(2));
    assertTrue(run.executor().orders().all().isEmpty());
    assertTrue(run.report().lastError().contains("cannot be placed under the venue rules"));

    final SwapRun notional = new SwapRun(SwapRun.config(Side.SELL, "0.5", null, null));
    notional.rules(new TradingRules(
        new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("0.01"),
        new BigDecimal("0.001")));
    notional.book("99.9", "100.1").start();
    assertEquals(Optional.of(CloseType.FAILED), notional.executor().closeType());
  }

  @ParameterizedTest(name = "keep_position={0}")
  @CsvSource({"true", "false"})
  void shouldStopEarlyCancellingItsOrderAndHandingOverWhatFilled(final boolean keep) {
    final SwapRun run = accepted(Side.BUY);
    run.fill("100.1", "0.25");
    final List<ExecutorEvent> stop = run.at(1).stop(keep);
    assertEquals(
        List.of(
            new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, T0.plusSeconds(1)),
            new ExecutorEvent.CancelRequested(oid(), T0.plusSeconds(1))),
        stop);
    run.cancelled();
    final ExecutorReport r = run.report();
    assertEquals(CloseType.EARLY_STOP, r.closeType());
    assertEquals("FAILED", r.customInfo().get("state"));
    assertNull(r.lastError());
    assertDecimal("25.025", r.filledAmountQuote().value());
    assertDecimal("0.025025", r.cumFeesQuote().value());
    assertDecimal("0.25", run.executor().heldOrders().get(0).executedAmountBase().value());
  }

  @Test
  void shouldStopEarlyWithoutAnOrderBeforeItRouted() {
    final SwapRun notStarted = new SwapRun(SwapRun.config(Side.BUY, "1", null, null));
    assertEquals(
        List.of(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)), notStarted.stop(false));

    final SwapRun waiting = new SwapRun(SwapRun.config(Side.BUY, "1", null, null));
    waiting.noBook().start();
    assertEquals(
        List.of(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)), waiting.stop(true));
    assertTrue(waiting.executor().heldOrders().isEmpty());
    assertEquals(SwapState.FAILED, waiting.executor().state());
    assertEquals(List.of(), waiting.quote("99.9", "100.1"));
  }

  @Test
  void shouldReportTheReferenceSwapCustomInfoKeys() {
    final Map<String, Object> info = started(Side.BUY, "1").report().customInfo();
    for (String key :
        List.of(
            "state", "side", "amount", "executed_amount", "executed_price", "tx_fee", "tx_hash",
            "exchange_order_id", "current_retries", "max_retries_reached")) {
      assertTrue(info.containsKey(key), key);
    }
    assertEquals("EXECUTING", info.get("state"));
    assertEquals("BUY", info.get("side"));
    assertDecimal("0", (BigDecimal) info.get("executed_price"));
  }
}
