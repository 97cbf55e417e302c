package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;

/** How an executor ended. Codes are the reference's {@code CloseType} values. */
public enum CloseType {
  TIME_LIMIT(1),
  STOP_LOSS(2),
  TAKE_PROFIT(3),
  EXPIRED(4),
  EARLY_STOP(5),
  TRAILING_STOP(6),
  INSUFFICIENT_BALANCE(7),
  FAILED(8),
  COMPLETED(9),
  POSITION_HOLD(10);

  private final int code;

  CloseType(final int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CloseType parse(final Object value) {
    return EnumParser.parse(CloseType.class, value, CloseType::code, "close type");
  }
}
