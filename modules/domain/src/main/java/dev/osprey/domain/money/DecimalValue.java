package dev.osprey.domain.money;

import java.math.BigDecimal;

/**
 * A decimal value type (price, quantity, quote amount): ordered and compared by value, whatever
 * the scale ({@code 1.50} equals {@code 1.5}).
 *
 * @param <T> the value type itself, so that only like values compare
 */
public interface DecimalValue<T extends DecimalValue<T>> extends Comparable<T> {
  BigDecimal value();

  @Override
  default int compareTo(final T other) {
    return value().compareTo(other.value());
  }

  default boolean isZero() {
    return value().signum() == 0;
  }

  default boolean lt(final T o) {
    return compareTo(o) < 0;
  }

  default boolean le(final T o) {
    return compareTo(o) <= 0;
  }

  default boolean gt(final T o) {
    return compareTo(o) > 0;
  }

  default boolean ge(final T o) {
    return compareTo(o) >= 0;
  }
}
