package dev.osprey.domain.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.ReferenceCoded;
import java.util.Locale;

/** Trade direction. Numeric codes are the reference's {@code TradeType} values. */
public enum Side implements ReferenceCoded {
  BUY,
  SELL;

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** +1 for BUY, −1 for SELL: the sign of P&amp;L when price rises. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }

  /** Accepts {@code "BUY"}/{@code "sell"} (any case) and the reference codes 1 and 2. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Side parse(final Object value) {
    if (value instanceof Number n) {
      for (Side s : values()) {
        if (s.code() == n.intValue() && n.doubleValue() == n.intValue()) {
          return s;
        }
      }
      throw new IllegalArgumentException("side must be BUY (1) or SELL (2), got " + value);
    }
    if (value instanceof String s) {
      final String t = s.trim().toUpperCase(Locale.ROOT);
      if (t.equals("1")) {
        return BUY;
      }
      if (t.equals("2")) {
        return SELL;
      }
      for (Side side : values()) {
        if (side.name().equals(t)) {
          return side;
        }
      }
    }
    throw new IllegalArgumentException("side must be BUY (1) or SELL (2), got " + value);
  }
}
