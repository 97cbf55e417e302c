package dev.osprey.domain.executor.lp;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.market.Side;
import java.util.Locale;

/**
 * Which tokens an LP position is funded with: {@code BUY} quote only (a range below the price
 * that buys base as the price falls into it), {@code SELL} base only (a range above the price),
 * {@code RANGE} both. Accepts the names ({@code BOTH} for RANGE), the spec's codes {@code 0=BOTH,
 * 1=BUY, 2=SELL} and the reference's {@code TradeType.RANGE = 3}.
 */
public enum LpSide {
  RANGE,
  BUY,
  SELL;

  /** The trade side it stands for in reports; none for a two-sided range. */
  public Side tradeSide() {
    if (this == BUY) {
      return Side.BUY;
    }
    return this == SELL ? Side.SELL : null;
  }

  public boolean depositsBase() {
    return this != BUY;
  }

  public boolean depositsQuote() {
    return this != SELL;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static LpSide parse(final Object value) {
    if (value instanceof LpSide s) {
      return s;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      final LpSide s = byCode(n.intValue());
      if (s != null) {
        return s;
      }
    } else if (value instanceof String text) {
      final String t = text.trim().toUpperCase(Locale.ROOT);
      if (t.equals("BOTH") || t.equals("RANGE")) {
        return RANGE;
      }
      if (t.equals("BUY") || t.equals("SELL")) {
        return valueOf(t);
      }
      if (t.matches("[0-3]")) {
        return byCode(Integer.parseInt(t));
      }
    }
    throw new IllegalArgumentException(
        "side must be RANGE/BOTH (0 or 3), BUY (1) or SELL (2), got " + value);
  }

  private static LpSide byCode(final int code) {
    return switch (code) {
      case 0, 3 -> RANGE;
      case 1 -> BUY;
      case 2 -> SELL;
      default -> null;
    };
  }
}
