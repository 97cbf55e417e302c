package dev.osprey.exchange;

import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A venue's record of one order: what it was asked, what it did. {@link #asEvents} replays it as
 * the events an executor would have received, so reconciliation reuses the normal event path.
 *
 * <p>{@code rejectReason} is set for {@link State#REJECTED} orders so that a replay reports the
 * venue's original reason; it is null otherwise (and {@code VENUE_ERROR} is assumed when a
 * rejected order carries none).
 */
public record VenueOrder(
    OrderRequest request,
    String exchangeOrderId,
    State state,
    List<Fill> fills,
    String rejectMessage,
    Instant updatedAt,
    RejectReason rejectReason) {

  /** Where the order stands at the venue. */
  public enum State {
    OPEN,
    FILLED,
    CANCELLED,
    REJECTED;

    /** True for every state but {@link #OPEN}: the venue will not change the order any more. */
    public boolean isDone() {
      return this != OPEN;
    }
  }

  public VenueOrder {
    fills = List.copyOf(fills);
  }

  /** A record without a reject reason (kept for callers written before the reason existed). */
  public VenueOrder(
      final OrderRequest request,
      final String exchangeOrderId,
      final State state,
      final List<Fill> fills,
      final String rejectMessage,
      final Instant updatedAt) {
    this(request, exchangeOrderId, state, fills, rejectMessage, updatedAt, null);
  }

  /** Base amount filled so far. */
  public Quantity executedBase() {
    return Quantity.sum(fills, Fill::amount);
  }

  /** Base amount still to fill (zero once done or fully filled). */
  public Quantity remaining() {
    return request.amount().minusFloored(executedBase());
  }

  public List<OrderEvent> asEvents() {
    final List<OrderEvent> out = new ArrayList<>();
    final var id = request.clientOrderId();
    if (state == State.REJECTED) {
      final RejectReason reason = rejectReason == null ? RejectReason.VENUE_ERROR : rejectReason;
      out.add(new OrderEvent.Rejected(id, reason, rejectMessage, updatedAt));
      return out;
    }
    out.add(new OrderEvent.Accepted(id, exchangeOrderId, updatedAt));
    for (Fill f : fills) {
      out.add(new OrderEvent.Filled(id, f, f.timestamp()));
    }
    if (state == State.CANCELLED) {
      out.add(new OrderEvent.Cancelled(id, updatedAt));
    }
    return out;
  }
}
