package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decimal value type (price, quantity, quote amount): ordered and compared by value, whatever
 * the scale ({@code 1.50} equals {@code 1.5}).
 *
 * <p>One base holds the number, its ordering, equality and text for all three, so that they can
 * never disagree about what "the same amount" means. Each subtype is final and only compares with
 * itself: a price never equals a quantity of the same digits.
 *
 * @param <T> the value type itself, so that only like values compare
 */
public abstract class DecimalValue<T extends DecimalValue<T>> implements Comparable<T> {
  private final BigDecimal value;

  protected DecimalValue(final BigDecimal value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * {@code value} when it is not negative; otherwise an {@link IllegalArgumentException} that names
   * {@code what} (prices and quantities carry no sign: the side of an order gives the direction).
   */
  protected static BigDecimal nonNegative(final BigDecimal value, final String what) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  /** The number itself; JSON writes a value type as this bare decimal. */
  @JsonValue
  public final BigDecimal value() {
    return value;
  }

  @Override
  public final int compareTo(final T other) {
    return value.compareTo(other.value());
  }

  public final boolean isZero() {
    return value.signum() == 0;
  }

  public final boolean isPositive() {
    return value.signum() > 0;
  }

  public final int signum() {
    return value.signum();
  }

  public final boolean lt(final T o) {
    return compareTo(o) < 0;
  }

  public final boolean le(final T o) {
    return compareTo(o) <= 0;
  }

  public final boolean gt(final T o) {
    return compareTo(o) > 0;
  }

  public final boolean ge(final T o) {
    return compareTo(o) >= 0;
  }

  @Override
  public final boolean equals(final Object o) {
    return o != null
        && o.getClass() == getClass()
        && value.compareTo(((DecimalValue<?>) o).value) == 0;
  }

  /** Hash of the canonical form, so that values equal by {@link #equals} hash alike. */
  @Override
  public final int hashCode() {
    return Decimals.canonical(value).hashCode();
  }

  /** Plain digits, never an exponent: logs and messages show what an operator typed. */
  @Override
  public final String toString() {
    return value.toPlainString();
  }
}
