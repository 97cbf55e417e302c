package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bookkeeping every executor folds from its events, whatever its type: status, close type,
 * close time, orders and retries. Immutable; {@link #apply} is pure, so replaying the journal (or
 * reading a snapshot) rebuilds it exactly. Each executor keeps its config and what only it needs
 * beside one of these.
 *
 * <p>Persisted inside executor snapshots: components are never renamed.
 *
 * @param status lifecycle status
 * @param closeType set from the first close decision on (null while running)
 * @param closedAt when it terminated (null before)
 * @param orders every order, in submission order
 * @param retries refusals counted against the retry budget ({@code countsAsRetry})
 * @param lastFailureAt when the latest refusal was recorded (null before any)
 */
public record Lifecycle(
    RunnableStatus status,
    CloseType closeType,
    Instant closedAt,
    OrderLedger orders,
    int retries,
    Instant lastFailureAt) {

  /** A new executor's: NOT_STARTED, no orders. */
  public static Lifecycle initial(final String executorId) {
    return new Lifecycle(RunnableStatus.NOT_STARTED, null, null, OrderLedger.empty(executorId), 0, null);
  }

  /** This bookkeeping with {@code event} folded in; facts it does not track leave it unchanged. */
  public Lifecycle apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return new Lifecycle(RunnableStatus.RUNNING, closeType, closedAt, orders, retries, lastFailureAt);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return new Lifecycle(
          RunnableStatus.SHUTTING_DOWN, s.closeType(), closedAt, orders, retries, lastFailureAt);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return new Lifecycle(RunnableStatus.TERMINATED, t.closeType(), t.at(), orders, retries, lastFailureAt);
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return new Lifecycle(status, closeType, closedAt, orders.apply(event),
          retries + (f.countsAsRetry() ? 1 : 0), f.at());
    }
    final OrderLedger next = orders.apply(event);
    return next == orders ? this : new Lifecycle(status, closeType, closedAt, next, retries, lastFailureAt);
  }

  @JsonIgnore
  public boolean isTerminated() {
    return status == RunnableStatus.TERMINATED;
  }

  /** Whether it ended with one of {@code types}. */
  public boolean endedWith(final Set<CloseType> types) {
    return isTerminated() && types.contains(closeType);
  }

  /**
   * Every order that traded, as held at the close, once it ended with one of {@code handOver};
   * empty otherwise (the position book takes over what the executor leaves open).
   */
  public List<HeldOrder> heldOrders(final Set<CloseType> handOver) {
    if (!endedWith(handOver)) {
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

  /** The client order ids, in submission order. */
  public List<String> orderIds() {
    final List<String> ids = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      ids.add(o.id().value());
    }
    return List.copyOf(ids);
  }
}
