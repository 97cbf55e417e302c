package dev.osprey.domain.executor.order;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.T0;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.at;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.book;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.cancelled;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.chaser;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.config;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.filled;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.last;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.noQuote;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.oid;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.order.OrderExecutorFixture.Run;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderExecutorTest {
  private static final MarketView BOOK = book("100", "101");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"MARKET, BUY, -", "MARKET, SELL, -", "LIMIT, BUY, 99.5", "LIMIT, SELL, 101.5"})
  void shouldPlaceMarketAndLimitOrdersAtStartWithoutAQuote(
      final ExecutionStrategy strategy, final Side side, final String price) {
    final String limit = "-".equals(price) ? null : price;
    final Run run = new Run(config(strategy, side, "0.5", limit, null, null));
    final List<ExecutorEvent> events = run.start(noQuote());
    assertEquals(new ExecutorEvent.Started(T0), events.get(0));
    final ExecutorEvent.OrderSubmitted s = Run.onlySubmitted(events);
    assertEquals(OrderExecutor.ROLE, s.role());
    assertEquals(oid(1), s.request().clientOrderId());
    assertDecimal("0.5", s.request().amount().value());
    assertEquals(RunnableStatus.RUNNING, run.state.status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {"LIMIT_MAKER, 100, -, 99.5", "LIMIT_CHASER, -, 0.001, 99.4"})
  void shouldWaitForTheFirstQuoteWhenTheStrategyPricesOffTheBook(
      final ExecutionStrategy strategy,
      final String price,
      final String distance,
      final String expected) {
    final String threshold = distance == null ? null : "0.01";
    final Run run = new Run(config(strategy, Side.BUY, "1", price, distance, threshold));
    assertEquals(List.of(new ExecutorEvent.Started(T0)), run.start(noQuote()));
    final List<ExecutorEvent> events =
        run.on(new ExecutorInput.MarketChanged(), book("99.5", "99.6"), at(1));
    assertEquals(OrderType.LIMIT_MAKER, Run.onlySubmitted(events).request().orderType());
    assertDecimal(expected, Run.onlySubmitted(events).request().price().value());
  }

  @Test
  void shouldHoldThePositionWhenTheOrderIsCompletelyFilled() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1", "100", null, null));
    run.start(BOOK);
    run.on(filled(1, "t1", "100", "0.4", "0.04"), BOOK, at(1));
    assertEquals(RunnableStatus.RUNNING, run.state.status());
    final List<ExecutorEvent> events = run.on(filled(1, "t2", "100", "0.6", "0.06"), BOOK, at(2));
    assertEquals(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, at(2)), last(events));
    assertEquals(Optional.of(CloseType.POSITION_HOLD), run.state.closeType());
    final HeldOrder h = run.state.heldOrders().get(0);
    assertEquals(1, run.state.heldOrders().size());
    assertEquals(oid(1), h.clientOrderId());
    assertDecimal("1", h.executedAmountBase().value());
    assertDecimal("100", h.executedAmountQuote().value());
    assertDecimal("0.1", h.cumulativeFeePaidQuote().value());
  }

  @Test
  void shouldIgnoreARepeatedFill() {
    final Run run = new Run(config(ExecutionStrategy.MARKET, Side.SELL, "1", null, null, null));
    run.start(BOOK);
    run.on(filled(1, "t1", "100", "0.4", "0"), BOOK, at(1));
    assertTrue(run.on(filled(1, "t1", "100", "0.4", "0"), BOOK, at(2)).isEmpty());
    assertDecimal("0.4", run.state.executedBase().value());
  }

  /**
   * The Osprey fix: amount 1, the first chaser order fills 0.3, the market moves away, the renewal
   * waits for the cancel and orders exactly the remainder; both orders are handed over.
   */
  @ParameterizedTest(name = "{0} fill before the cancel is confirmed: {1}")
  @CsvSource({
    // side, late fill, 2nd amount, 2nd price (book after move: 100.50/100.60)
    "BUY,  0,   0.7, 100.39",
    "BUY,  0.1, 0.6, 100.39",
    "SELL, 0,   0.7, 98.09",
    "SELL, 0.1, 0.6, 98.09",
  })
  void shouldRenewTheChaserForTheRemainderKeepingPartialFills(
      final Side side, final String lateFill, final String secondAmount, final String secondPrice) {
    final Run run = new Run(chaser(side, "1", "0.001", "0.002"));
    final boolean buy = side == Side.BUY;
    final var first = Run.onlySubmitted(run.start(book("100", "100.1")));
    assertDecimal(buy ? "99.9" : "100.2", first.request().price().value());
    assertDecimal("1", first.request().amount().value());

    run.on(filled(1, "t1", buy ? "99.9" : "100.2", "0.3", "0.03"), book("100", "100.1"), at(1));
    final MarketView moved = buy ? book("100.5", "100.6") : book("97.9", "98");
    final List<ExecutorEvent> move = run.on(new ExecutorInput.MarketChanged(), moved, at(2));
    assertEquals(List.of(new ExecutorEvent.CancelRequested(oid(1), at(2))), move);

    if (!"0".equals(lateFill)) {
      assertTrue(Run.submitted(run.on(filled(1, "t2", buy ? "99.9" : "100.2", lateFill, "0.01"),
          book("100.5", "100.6"), at(3))).isEmpty());
    }
    final List<ExecutorEvent> renewed =
        run.on(cancelled(1), buy ? book("100.5", "100.6") : book("97.9", "98"), at(4));
    final var second = Run.onlySubmitted(renewed);
    assertEquals(oid(2), second.request().clientOrderId());
    assertDecimal(secondAmount, second.request().amount().value());
    assertDecimal(secondPrice, second.request().price().value());

    final List<ExecutorEvent> done =
        run.on(filled(2, "t3", secondPrice, secondAmount, "0.05"), book("100.5", "100.6"), at(5));
    assertEquals(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, at(5)), last(done));
    assertDecimal("1", run.state.executedBase().value());
    final List<HeldOrder> held = run.state.heldOrders();
    assertEquals(2, held.size());
    assertEquals(oid(1), held.get(0).clientOrderId());
    assertEquals(oid(2), held.get(1).clientOrderId());
    final String firstHeld = "0".equals(lateFill) ? "0.3" : "0.4";
    assertDecimal(firstHeld, held.get(0).executedAmountBase().value());
    assertDecimal(secondAmount, held.get(1).executedAmountBase().value());
  }

  @ParameterizedTest(name = "{0} book {1}/{2}")
  @CsvSource({
    // BUY order at 99.90 renews only when bid - 99.90 > bid * 0.003, i.e. bid above 100.2006
    "BUY,  100.2,  100.3",
    "BUY,  99.5,   99.6",
    "BUY,  100.1,  100.2",
    // SELL order at 100.20 renews only when 100.20 - ask > ask * 0.003, i.e. ask below 99.9003
    "SELL, 99.9,   100",
    "SELL, 99.81,  99.91",
    "SELL, 101,    101.1",
  })
  void shouldNotRenewWhileTheOrderIsWithinTheRefreshThreshold(
      final Side side, final String bid, final String ask) {
    final Run run = new Run(chaser(side, "1", "0.001", "0.003"));
    run.start(book("100", "100.1"));
    assertTrue(run.on(new ExecutorInput.MarketChanged(), book(bid, ask), at(1)).isEmpty());
    assertEquals(OrderStatus.SUBMITTED, run.state.currentOrder().orElseThrow().status());
  }

  @Test
  void shouldNotPlaceTheRenewalBeforeTheCancelIsConfirmed() {
    final Run run = new Run(chaser(Side.BUY, "1", "0.001", "0.002"));
    run.start(book("100", "100.1"));
    run.on(new ExecutorInput.MarketChanged(), book("100.5", "100.6"), at(1));
    assertTrue(run.on(new ExecutorInput.MarketChanged(), book("101", "101.1"), at(2)).isEmpty());
    assertTrue(run.on(new ExecutorInput.Wake(), book("101", "101.1"), at(3)).isEmpty());
    assertEquals(1, run.state.orders().all().size());
    final var second = Run.onlySubmitted(run.on(cancelled(1), book("101", "101.1"), at(4)));
    assertDecimal("100.89", second.request().price().value());
    assertDecimal("1", second.request().amount().value());
  }

  @ParameterizedTest(name = "keepPosition={0}")
  @ValueSource(booleans = {true, false})
  void shouldStopEarlyWithoutFillsAfterTheCancelIsConfirmed(final boolean keep) {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1", "99", null, null));
    run.start(BOOK);
    final List<ExecutorEvent> stop = run.on(new ExecutorInput.Stop(keep), BOOK, at(1));
    assertEquals(
        List.of(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, at(1)),
            new ExecutorEvent.CancelRequested(oid(1), at(1))),
        stop);
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.state.status());
    final List<ExecutorEvent> end = run.on(cancelled(1), BOOK, at(2));
    assertEquals(List.of(new ExecutorEvent.OrderCancelled(oid(1), at(2)),
        new ExecutorEvent.Terminated(CloseType.EARLY_STOP, at(2))), end);
    assertTrue(run.state.heldOrders().isEmpty());
  }

  @ParameterizedTest(name = "keepPosition={0}")
  @ValueSource(booleans = {true, false})
  void shouldHoldThePartialFillWhenStoppedEarly(final boolean keep) {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.SELL, "1", "101", null, null));
    run.start(BOOK);
    run.on(filled(1, "t1", "101", "0.3", "0.03"), BOOK, at(1));
    run.on(new ExecutorInput.Stop(keep), BOOK, at(2));
    assertEquals(Optional.of(CloseType.POSITION_HOLD), run.state.closeType());
    run.on(filled(1, "t2", "101", "0.1", "0.01"), BOOK, at(3));
    run.on(cancelled(1), BOOK, at(4));
    assertEquals(RunnableStatus.TERMINATED, run.state.status());
    assertEquals(Optional.of(CloseType.POSITION_HOLD), run.state.closeType());
    assertDecimal("0.4", run.state.heldOrders().get(0).executedAmountBase().value());
  }

  @Test
  void shouldHoldWhenAFillBeforeTheCancelConfirmationTurnsAnEarlyStopIntoAHold() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1", "99", null, null));
    run.start(BOOK);
    run.on(new ExecutorInput.Stop(false), BOOK, at(1));
    run.on(filled(1, "t1", "99", "0.2", "0"), BOOK, at(2));
    run.on(cancelled(1), BOOK, at(3));
    assertEquals(Optional.of(CloseType.POSITION_HOLD), run.state.closeType());
    assertEquals(1, run.state.heldOrders().size());
  }

  @Test
  void shouldStopAtOnceWhenNoOrderIsLive() {
    final Run run = new Run(chaser(Side.BUY, "1", "0.001", "0.002"));
    run.start(noQuote());
    assertEquals(List.of(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, at(1)),
        new ExecutorEvent.Terminated(CloseType.EARLY_STOP, at(1))),
        run.on(new ExecutorInput.Stop(true), noQuote(), at(1)));
  }

  @Test
  void shouldEndInsufficientBalanceWithoutRetryingWhenNothingFilled() {
    final Run run = new Run(config(ExecutionStrategy.MARKET, Side.BUY, "1", null, null, null));
    run.start(BOOK);
    final List<ExecutorEvent> events =
        run.on(rejected(1, RejectReason.INSUFFICIENT_BALANCE), BOOK, at(1));
    assertEquals(
        new ExecutorEvent.Terminated(CloseType.INSUFFICIENT_BALANCE, at(1)), events.get(1));
    assertEquals(0, run.state.retries());
    assertTrue(run.state.wakeUpAt().isEmpty());
  }

  @Test
  void shouldHoldWhatFilledWhenTheRemainderLacksBalance() {
    final Run run = new Run(config(ExecutionStrategy.MARKET, Side.BUY, "1", null, null, null));
    run.start(BOOK);
    run.on(filled(1, "t1", "101", "0.5", "0"), BOOK, at(1));
    final var second = Run.onlySubmitted(run.on(cancelled(1), BOOK, at(2)));
    assertDecimal("0.5", second.request().amount().value());
    run.on(rejected(2, RejectReason.INSUFFICIENT_BALANCE), BOOK, at(3));
    assertEquals(Optional.of(CloseType.POSITION_HOLD), run.state.closeType());
    assertEquals(List.of(oid(1)), List.of(run.state.heldOrders().get(0).clientOrderId()));
  }

  @Test
  void shouldRetryAfterTheDelayAndFailAfterMoreThanTenFailures() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1", "100", null, null));
    run.start(BOOK);
    for (int n = 1; n <= OrderExecutor.MAX_RETRIES; n++) {
      final long t = 2L * n;
      final var failure = run.on(rejected(n, RejectReason.VENUE_ERROR), BOOK, at(t));
      assertTrue(Run.submitted(failure).isEmpty());
      assertEquals(n, run.state.retries());
      assertEquals(Optional.of(at(t + 1)), run.state.wakeUpAt());
      final var early = run.on(new ExecutorInput.MarketChanged(), BOOK, at(t).plusMillis(999));
      assertTrue(early.isEmpty());
      final var retry = Run.onlySubmitted(run.on(new ExecutorInput.Wake(), BOOK, at(t + 1)));
      assertEquals(oid(n + 1), retry.request().clientOrderId());
    }
    final List<ExecutorEvent> end = run.on(rejected(11, RejectReason.TRADING_RULE), BOOK, at(30));
    assertEquals(new ExecutorEvent.Terminated(CloseType.FAILED, at(30)), last(end));
    assertEquals(11, run.state.retries());
    assertTrue(run.state.heldOrders().isEmpty());
  }

  @Test
  void shouldHandOverWhatFilledWhenItGivesUpAfterTooManyFailures() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1", "100", null, null));
    run.start(BOOK);
    run.on(filled(1, "t1", "100", "0.4", "0"), BOOK, at(1));
    final var remainder = Run.onlySubmitted(run.on(cancelled(1), BOOK, at(2)));
    assertDecimal("0.6", remainder.request().amount().value());
    List<ExecutorEvent> last = List.of();
    for (int n = 2; n <= OrderExecutor.MAX_RETRIES + 2; n++) {
      final long t = 10L * n;
      last = run.on(rejected(n, RejectReason.VENUE_ERROR), BOOK, at(t));
      if (n <= OrderExecutor.MAX_RETRIES + 1) {
        Run.onlySubmitted(run.on(new ExecutorInput.Wake(), BOOK, at(t + 1)));
      }
    }
    assertEquals(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, at(10L * (OrderExecutor.MAX_RETRIES + 2))),
        last(last));
    assertEquals(List.of(oid(1)), List.of(run.state.heldOrders().get(0).clientOrderId()));
    assertDecimal("0.4", run.state.heldOrders().get(0).executedAmountBase().value());
  }

  @Test
  void shouldHoldWhenTheRemainderIsBelowTheVenueMinimum() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "1.0005", "100", null, null));
    assertDecimal("1", Run.onlySubmitted(run.start(BOOK)).request().amount().value());
    final List<ExecutorEvent> events = run.on(filled(1, "t1", "100", "1", "0"), BOOK, at(1));
    assertEquals(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, at(1)), last(events));
  }

  @Test
  void shouldFailWhenTheFirstOrderIsBelowTheVenueMinimum() {
    final Run run = new Run(config(ExecutionStrategy.LIMIT, Side.BUY, "0.005", "100", null, null));
    final List<ExecutorEvent> events = run.start(BOOK);
    assertEquals(new ExecutorEvent.Terminated(CloseType.FAILED, T0), events.get(1));
  }

  @Test
  void shouldEndEarlyStopWhenStoppedBeforeStarting() {
    final Run run = new Run(config(ExecutionStrategy.MARKET, Side.BUY, "1", null, null, null));
    assertEquals(List.of(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, T0)),
        run.on(new ExecutorInput.Stop(false), noQuote(), T0));
    assertTrue(run.on(new ExecutorInput.Start(), BOOK, at(1)).isEmpty());
  }

  @Test
  void shouldReachTheSameStateWhenTheJournalIsReplayed() {
    final Run run = Run.renewedChaserFilled();
    final OrderExecutor replayed =
        (OrderExecutor) OrderExecutor.create(run.state.config()).applyAll(run.journal);
    assertEquals(run.state.heldOrders(), replayed.heldOrders());
    assertEquals(run.state.orders(), replayed.orders());
    assertEquals(run.state.closeType(), replayed.closeType());
    assertFalse(replayed.heldOrders().isEmpty());
  }

  @Test
  void shouldHandOverReplacedAndFinalChaserOrdersAsOnePosition() {
    final Run run = Run.renewedChaserFilled();
    final PositionHold hold = PositionBook.empty("ctl")
        .apply(OrderExecutorFixture.ID, run.state.heldOrders())
        .get(OrderExecutorFixture.CONNECTOR, OrderExecutorFixture.PAIR)
        .orElseThrow();
    assertDecimal("1", hold.netBase());
    // (0.3 * 99.9 + 0.7 * 100.39) / 1
    assertDecimal("100.243", hold.averageEntry());
    assertDecimal("0.1", hold.cumFeesQuote().value());
  }
}
