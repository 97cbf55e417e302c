package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.EnumParser;
import dev.osprey.domain.ReferenceCoded;

/** How an executor ended. Codes are the reference's {@code CloseType} values. */
public enum CloseType implements ReferenceCoded {
  TIME_LIMIT,
  STOP_LOSS,
  TAKE_PROFIT,
  EXPIRED,
  EARLY_STOP,
  TRAILING_STOP,
  INSUFFICIENT_BALANCE,
  FAILED,
  COMPLETED,
  POSITION_HOLD;

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CloseType parse(final Object value) {
    return EnumParser.parse(CloseType.class, value, "close type");
  }
}
