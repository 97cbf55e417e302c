package dev.osprey.agent.policy.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Price and amount arithmetic the rule policies share. */
final class RuleMath {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RuleMath() {}

  /** {@code price × (1 + fraction)}, at 8 decimals (venues round to their own increments). */
  static BigDecimal shift(final BigDecimal price, final BigDecimal fraction) {
    return price.multiply(BigDecimal.ONE.add(fraction)).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** Quote amounts at cents, rounded down so a planned amount never exceeds a limit. */
  static BigDecimal cents(final BigDecimal amount) {
    return amount.setScale(2, RoundingMode.DOWN);
  }

  static String plain(final BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
