package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;

/** Venue order types. Numeric codes are the reference's {@code OrderType} values. */
public enum OrderType {
  MARKET(1),
  LIMIT(2),
  LIMIT_MAKER(3);

  private final int code;

  OrderType(final int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isLimit() {
    return this != MARKET;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OrderType parse(final Object value) {
    return EnumParser.parse(OrderType.class, value, OrderType::code, "order type");
  }
}
