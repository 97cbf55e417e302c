package dev.osprey.domain.executor.order;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;

/**
 * One decision of an {@link OrderExecutor}: finish, renew, retry or place the next order, from
 * the state the input left it in. At most one order is live at any time.
 */
final class OrderDecision extends LifecycleDecision<OrderExecutor> {
  OrderDecision(final OrderExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  @Override
  protected void run() {
    final OrderExecutor ex = state();
    if (ex.executedBase().ge(ex.config().amount())) {
      finishFilled();
      return;
    }
    if (ex.orders().hasLive()) {
      renewIfStale();
      return;
    }
    if (ex.lastOrderFailed() && ex.lastRefusal() == RejectReason.INSUFFICIENT_BALANCE) {
      add(new ExecutorEvent.Terminated(ex.closeWithFills(CloseType.INSUFFICIENT_BALANCE), now));
      return;
    }
    if (ex.retries() > OrderExecutor.MAX_RETRIES) {
      // Whatever filled before giving up is inventory: hand it over rather than orphan it.
      add(new ExecutorEvent.Terminated(ex.closeWithFills(CloseType.FAILED), now));
      return;
    }
    if (ex.retryPending() && now.isBefore(ex.retryAt())) {
      return;
    }
    placeNext();
  }

  /** Stopped: whatever filled is handed over, so the close type is tentative until the end. */
  @Override
  protected void stop(final boolean keepPosition) {
    add(new ExecutorEvent.ShutdownStarted(state().closeWithFills(CloseType.EARLY_STOP), now));
  }

  @Override
  protected void finishShutdown() {
    cancelAll();
    if (!state().orders().hasLive()) {
      add(new ExecutorEvent.Terminated(state().closeWithFills(CloseType.EARLY_STOP), now));
    }
  }

  private void placeNext() {
    final OrderExecutor ex = state();
    final Quantity remaining = ex.config().amount().minusFloored(ex.executedBase());
    final OrderPlan plan = OrderPlan.next(ex.config(), ex.orders().nextId(), remaining, market);
    if (plan instanceof OrderPlan.Place p) {
      add(new ExecutorEvent.OrderSubmitted(OrderExecutor.ROLE, p.request(), now));
    } else if (plan instanceof OrderPlan.Unplaceable) {
      // A remainder below the venue minimums is as filled as it can get; a first order that
      // cannot be placed at all is a failure (the report says so in last_error).
      add(new ExecutorEvent.Terminated(ex.closeWithFills(CloseType.FAILED), now));
    }
  }

  /** All executed. A late fill of a replaced order can overshoot: cancel what still rests. */
  private void finishFilled() {
    if (state().orders().hasLive()) {
      add(new ExecutorEvent.ShutdownStarted(CloseType.POSITION_HOLD, now));
      cancelAll();
    } else {
      add(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, now));
    }
  }

  private void renewIfStale() {
    final OrderExecutorConfig c = state().config();
    if (c.executionStrategy() != ExecutionStrategy.LIMIT_CHASER || !market.hasQuote()) {
      return;
    }
    for (TrackedOrder o : state().orders().cancellable()) {
      if (OrderPlan.isStale(c, o.request().price(), market.book())) {
        add(new ExecutorEvent.CancelRequested(o.id(), now));
      }
    }
  }
}
