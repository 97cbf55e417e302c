package dev.osprey.exchange;

import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A venue's record of one order: what it was asked, what it did. {@link #asEvents} replays it as
 * the events an executor would have received, so reconciliation reuses the normal event path.
 */
public record VenueOrder(
    OrderRequest request,
    String exchangeOrderId,
    State state,
    List<Fill> fills,
    String rejectMessage,
    Instant updatedAt) {

  /** Where the order stands at the venue. */
  public enum State {
    OPEN,
    FILLED,
    CANCELLED,
    REJECTED
  }

  public VenueOrder {
    fills = List.copyOf(fills);
  }

  public List<OrderEvent> asEvents() {
    final List<OrderEvent> out = new ArrayList<>();
    final var id = request.clientOrderId();
    if (state == State.REJECTED) {
      out.add(
          new OrderEvent.Rejected(
              id, dev.osprey.domain.order.RejectReason.VENUE_ERROR, rejectMessage, updatedAt));
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
