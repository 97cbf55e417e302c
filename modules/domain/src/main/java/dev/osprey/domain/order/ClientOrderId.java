package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The id an executor gives an order before sending it. Deterministic ({@code <executor id>-<seq>})
 * and persisted before the order leaves, so that after a crash the executor can ask the venue
 * about exactly this order instead of sending a second one.
 */
public record ClientOrderId(String value) {
  public ClientOrderId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("client order id must not be blank");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ClientOrderId of(final String value) {
    return new ClientOrderId(value);
  }

  public static ClientOrderId forExecutor(final String executorId, final int sequence) {
    return new ClientOrderId(executorId + "-" + sequence);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
