package dev.osprey.domain.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Decimal arithmetic conventions shared by all money and quantity math.
 *
 * <p>Every division goes through {@link #div} so that one precision (34 significant digits, the
 * IEEE 754 decimal128 precision) and one rounding mode (half-even) apply everywhere: the same
 * inputs give the same digits live, on the paper venue and in replay.
 */
public final class Decimals {
  /** Precision of every division: decimal128, half-even. */
  public static final MathContext MC = MathContext.DECIMAL128;

  private Decimals() {}

  /** {@code a / b} at {@link #MC}; throws {@link ArithmeticException} on division by zero. */
  public static BigDecimal div(final BigDecimal a, final BigDecimal b) {
    return a.divide(b, MC);
  }

  /** {@code a / b}, or zero when {@code b} is zero (ratios of empty positions are zero). */
  public static BigDecimal divOrZero(final BigDecimal a, final BigDecimal b) {
    return b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, MC);
  }

  /** Parses a decimal string strictly; rejects NaN, infinities and exponents beyond sanity. */
  public static BigDecimal parse(final String text) {
    if (text == null) {
      throw new NumberFormatException("null");
    }
    return new BigDecimal(text.trim());
  }

  /** Rounds {@code value} down to a multiple of {@code increment} (no-op for a zero increment). */
  public static BigDecimal floorTo(final BigDecimal value, final BigDecimal increment) {
    if (increment == null || increment.signum() == 0) {
      return value;
    }
    return value.divide(increment, 0, RoundingMode.FLOOR).multiply(increment);
  }

  /** Rounds {@code value} up to a multiple of {@code increment} (no-op for a zero increment). */
  public static BigDecimal ceilTo(final BigDecimal value, final BigDecimal increment) {
    if (increment == null || increment.signum() == 0) {
      return value;
    }
    return value.divide(increment, 0, RoundingMode.CEILING).multiply(increment);
  }

  /** True when {@code value} is an exact multiple of {@code increment}. */
  public static boolean isMultipleOf(final BigDecimal value, final BigDecimal increment) {
    return increment == null
        || increment.signum() == 0
        || value.remainder(increment).signum() == 0;
  }

  /** Canonical form for equality and output: trailing zeros stripped, zero as plain 0. */
  public static BigDecimal canonical(final BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The exact sum of {@code part} over {@code items}, in their order; zero when there are none. */
  public static <T> BigDecimal sum(final Iterable<T> items, final Function<? super T, BigDecimal> part) {
    BigDecimal sum = BigDecimal.ZERO;
    for (T item : items) {
      sum = sum.add(part.apply(item));
    }
    return sum;
  }

  public static BigDecimal min(final BigDecimal a, final BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static BigDecimal max(final BigDecimal a, final BigDecimal b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Null-safe equality by value, ignoring scale ({@code 0.50} is {@code 0.5}). */
  public static boolean sameValue(final BigDecimal a, final BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
