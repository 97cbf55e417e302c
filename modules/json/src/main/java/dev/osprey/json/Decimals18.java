package dev.osprey.json;

import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Output form of computed decimals: at most 18 fractional digits (half-even), trailing zeros
 * dropped. Ratios such as {@code net_pnl_pct} would otherwise carry 34 digits.
 */
public final class Decimals18 {
  private Decimals18() {}

  public static BigDecimal out(final BigDecimal v) {
    if (v == null) {
      return null;
    }
    final BigDecimal s = v.scale() > 18 ? v.setScale(18, RoundingMode.HALF_EVEN) : v;
    final BigDecimal c = Decimals.canonical(s);
    return c.scale() < 0 ? c.setScale(0) : c;
  }
}
