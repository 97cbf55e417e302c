package dev.osprey.domain.executor;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The orders of one executor, in submission order, each with the role it plays. Immutable. It
 * hands out the deterministic client order ids ({@code <executor id>-<n>}, n from 1) and turns
 * venue reports into the facts worth persisting: duplicates and reports about unknown or finished
 * orders produce nothing.
 */
public record OrderLedger(String executorId, List<Entry> entries) {

  /** One order and what it is for. */
  public record Entry(String role, TrackedOrder order) {}

  public OrderLedger {
    entries = List.copyOf(entries);
  }

  public static OrderLedger empty(final String executorId) {
    return new OrderLedger(executorId, List.of());
  }

  /** The id the next submitted order gets. */
  public ClientOrderId nextId() {
    return ClientOrderId.forExecutor(executorId, entries.size() + 1);
  }

  public Optional<TrackedOrder> get(final ClientOrderId id) {
    return entry(id).map(Entry::order);
  }

  public Optional<Entry> entry(final ClientOrderId id) {
    for (Entry e : entries) {
      if (e.order().id().equals(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<String> roleOf(final ClientOrderId id) {
    return entry(id).map(Entry::role);
  }

  public List<TrackedOrder> all() {
    final List<TrackedOrder> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.order());
    }
    return out;
  }

  public List<TrackedOrder> withRole(final String role) {
    return withRoles(role::equals);
  }

  /** The orders whose role matches {@code role}, in submission order. */
  public List<TrackedOrder> withRoles(final Predicate<String> role) {
    final List<TrackedOrder> out = new ArrayList<>();
    for (Entry e : entries) {
      if (role.test(e.role())) {
        out.add(e.order());
      }
    }
    return out;
  }

  /** Whether any order traded (executed a positive base amount). */
  public boolean anyFilled() {
    for (Entry e : entries) {
      if (e.order().executedBase().isPositive()) {
        return true;
      }
    }
    return false;
  }

  /** Orders that are not done: submitted, open, or being cancelled. */
  public List<TrackedOrder> live() {
    final List<TrackedOrder> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.order().isLive()) {
        out.add(e.order());
      }
    }
    return out;
  }

  /** Live orders that nobody asked to cancel yet. */
  public List<TrackedOrder> cancellable() {
    final List<TrackedOrder> out = new ArrayList<>();
    for (Entry e : entries) {
      final OrderStatus s = e.order().status();
      if (s == OrderStatus.SUBMITTED || s == OrderStatus.OPEN) {
        out.add(e.order());
      }
    }
    return out;
  }

  public boolean hasLive() {
    for (Entry e : entries) {
      if (e.order().isLive()) {
        return true;
      }
    }
    return false;
  }

  /** Count of failures that add to the retry budget. */
  public int failures() {
    int n = 0;
    for (Entry e : entries) {
      if (e.order().status() == OrderStatus.FAILED) {
        n++;
      }
    }
    return n;
  }

  /**
   * The facts a venue report adds, or nothing when it repeats what is known or concerns an order
   * this executor does not have.
   */
  public List<ExecutorEvent> translate(final OrderEvent event, final Instant now) {
    final Optional<TrackedOrder> known = get(event.clientOrderId());
    if (known.isEmpty()) {
      return List.of();
    }
    final TrackedOrder o = known.get();
    if (event instanceof OrderEvent.Accepted a) {
      return o.status() == OrderStatus.SUBMITTED
          ? List.of(new ExecutorEvent.OrderAcknowledged(o.id(), a.exchangeOrderId()))
          : List.of();
    }
    if (event instanceof OrderEvent.Filled f) {
      return o.hasFill(f.fill().tradeId()) || o.status() == OrderStatus.FAILED
          ? List.of()
          : List.of(new ExecutorEvent.FillApplied(o.id(), f.fill()));
    }
    if (event instanceof OrderEvent.Cancelled) {
      return o.isDone() ? List.of() : List.of(new ExecutorEvent.OrderCancelled(o.id(), now));
    }
    if (event instanceof OrderEvent.Rejected r) {
      return o.isDone()
          ? List.of()
          : List.of(
              new ExecutorEvent.OrderFailed(
                  o.id(), r.reason(), r.message(), r.reason() != RejectReason.INSUFFICIENT_BALANCE, now));
    }
    return List.of();
  }

  /** This ledger with an order-related event applied; other events leave it unchanged. */
  public OrderLedger apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      final List<Entry> next = new ArrayList<>(entries);
      next.add(new Entry(s.role(), TrackedOrder.submitted(s.request())));
      return new OrderLedger(executorId, next);
    }
    if (event instanceof ExecutorEvent.OrderAcknowledged a) {
      return update(a.clientOrderId(), o -> o.accepted(a.exchangeOrderId()));
    }
    if (event instanceof ExecutorEvent.FillApplied f) {
      return update(f.clientOrderId(), o -> o.withFill(f.fill()));
    }
    if (event instanceof ExecutorEvent.CancelRequested c) {
      return update(c.clientOrderId(), o -> o.isDone() ? o : o.withStatus(OrderStatus.CANCEL_REQUESTED));
    }
    if (event instanceof ExecutorEvent.OrderCancelled c) {
      return update(c.clientOrderId(), o -> o.isDone() ? o : o.withStatus(OrderStatus.CANCELLED));
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return update(f.clientOrderId(), o -> o.failed(f.reason() + ": " + f.message()));
    }
    return this;
  }

  private OrderLedger update(final ClientOrderId id, final UnaryOperator<TrackedOrder> f) {
    final List<Entry> next = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      next.add(e.order().id().equals(id) ? new Entry(e.role(), f.apply(e.order())) : e);
    }
    return new OrderLedger(executorId, next);
  }
}
