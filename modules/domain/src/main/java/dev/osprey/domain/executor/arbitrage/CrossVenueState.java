package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state a cross-venue executor (arbitrage, XEMM) folds from its events, besides its config:
 * status, close type, orders, retries. Immutable; {@link #apply} is pure, so replaying the journal
 * rebuilds it exactly.
 *
 * @param status lifecycle status
 * @param closeType set from the first close decision on (null while running)
 * @param orders every order, in submission order
 * @param retries refusals counted against the retry budget
 * @param lastFailureAt when the latest refusal was recorded (null before any)
 * @param closedAt when it terminated (null before)
 */
public record CrossVenueState(
    RunnableStatus status,
    CloseType closeType,
    OrderLedger orders,
    int retries,
    Instant lastFailureAt,
    Instant closedAt) {

  public static CrossVenueState initial(final String executorId) {
    return new CrossVenueState(
        RunnableStatus.NOT_STARTED, null, OrderLedger.empty(executorId), 0, null, null);
  }

  /** This state with {@code event} folded in. */
  public CrossVenueState apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return new CrossVenueState(
          RunnableStatus.RUNNING, closeType, orders, retries, lastFailureAt, closedAt);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return new CrossVenueState(
          RunnableStatus.SHUTTING_DOWN, s.closeType(), orders, retries, lastFailureAt, closedAt);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return new CrossVenueState(
          RunnableStatus.TERMINATED, t.closeType(), orders, retries, lastFailureAt, t.at());
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return new CrossVenueState(
          status, closeType, orders.apply(event), retries + (f.countsAsRetry() ? 1 : 0), f.at(),
          closedAt);
    }
    return new CrossVenueState(
        status, closeType, orders.apply(event), retries, lastFailureAt, closedAt);
  }

  /**
   * Until when a refused order waits before it is sent again: {@code delay} after the latest
   * refusal, while active, nothing is live and some role's latest order is a refused one (not yet
   * replaced); empty otherwise.
   */
  public Optional<Instant> retryAt(final Duration delay) {
    if (!status.isActive() || orders.hasLive() || lastFailureAt == null) {
      return Optional.empty();
    }
    final Map<String, OrderStatus> latest = new HashMap<>();
    for (OrderLedger.Entry e : orders.entries()) {
      latest.put(e.role(), e.order().status());
    }
    return latest.containsValue(OrderStatus.FAILED)
        ? Optional.of(lastFailureAt.plus(delay))
        : Optional.empty();
  }

  /** True while a refused order still waits at {@code now}. */
  public boolean retryWaiting(final Duration delay, final Instant now) {
    return retryAt(delay).map(now::isBefore).orElse(false);
  }

  /**
   * Every order that traded, once terminated POSITION_HOLD or FAILED; empty otherwise. A failed
   * cross-venue executor can be left one-sided: its fills go to the position book (where matched
   * legs net out) rather than being orphaned in the account.
   */
  public List<HeldOrder> heldOrders() {
    if (status != RunnableStatus.TERMINATED
        || (closeType != CloseType.POSITION_HOLD && closeType != CloseType.FAILED)) {
      return List.of();
    }
    final List<HeldOrder> held = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      if (o.executedBase().isPositive()) {
        held.add(HeldOrder.of(o, closedAt));
      }
    }
    return List.copyOf(held);
  }

  /** The latest venue refusal, as {@code REASON: message}; null before any. */
  public String lastError() {
    String last = null;
    for (TrackedOrder o : orders.all()) {
      if (o.status() == OrderStatus.FAILED) {
        last = o.failure();
      }
    }
    return last;
  }

  public BuySellLegs legs() {
    return BuySellLegs.of(orders);
  }

  public List<String> orderIds() {
    final List<String> ids = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      ids.add(o.id().value());
    }
    return List.copyOf(ids);
  }

  public boolean isTerminated() {
    return status == RunnableStatus.TERMINATED;
  }
}
