package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What a venue reports about an order. Events may repeat (after a reconnect or a restart): every
 * consumer applies them idempotently (fills by trade id, terminal events once).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderEvent.Accepted.class, name = "accepted"),
  @JsonSubTypes.Type(value = OrderEvent.Filled.class, name = "filled"),
  @JsonSubTypes.Type(value = OrderEvent.Cancelled.class, name = "cancelled"),
  @JsonSubTypes.Type(value = OrderEvent.Rejected.class, name = "rejected"),
})
public sealed interface OrderEvent {
  ClientOrderId clientOrderId();

  Instant timestamp();

  /** The venue has the order (it may rest or be filling). */
  record Accepted(ClientOrderId clientOrderId, String exchangeOrderId, Instant timestamp)
      implements OrderEvent {}

  /** One trade; the order is completely filled when its executed amount reaches its amount. */
  record Filled(ClientOrderId clientOrderId, Fill fill, Instant timestamp) implements OrderEvent {}

  /** The order is off the book; whatever filled before stays filled. */
  record Cancelled(ClientOrderId clientOrderId, Instant timestamp) implements OrderEvent {}

  /** The venue refused the order; nothing filled. */
  record Rejected(ClientOrderId clientOrderId, RejectReason reason, String message, Instant timestamp)
      implements OrderEvent {}
}
