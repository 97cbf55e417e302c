package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;

/** Venue order types. Numeric codes are the reference's {@code OrderType} values. */
public enum OrderType implements ReferenceCoded {
  MARKET,
  LIMIT,
  LIMIT_MAKER;

  public boolean isLimit() {
    return this != MARKET;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OrderType parse(final Object value) {
    return EnumParser.parse(OrderType.class, value, "order type");
  }
}
