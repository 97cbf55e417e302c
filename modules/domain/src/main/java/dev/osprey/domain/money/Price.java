package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/** A price in quote currency per unit of base. Never negative. */
public record Price(BigDecimal value) implements DecimalValue<Price> {
  public static final Price ZERO = new Price(BigDecimal.ZERO);

  public Price {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("price must not be negative: " + value.toPlainString());
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Price of(final BigDecimal value) {
    return new Price(value);
  }

  public static Price of(final String value) {
    return new Price(Decimals.parse(value));
  }

  @JsonValue
  @Override
  public BigDecimal value() {
    return value;
  }

  /** Notional of {@code quantity} at this price. */
  public QuoteAmount times(final Quantity quantity) {
    return new QuoteAmount(value.multiply(quantity.value()));
  }

  /** This price scaled by {@code factor} (for example {@code 1 + take_profit}). */
  public Price scale(final BigDecimal factor) {
    return new Price(value.multiply(factor));
  }

  public static Price min(final Price a, final Price b) {
    return a.le(b) ? a : b;
  }

  public static Price max(final Price a, final Price b) {
    return a.ge(b) ? a : b;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof Price p && value.compareTo(p.value) == 0;
  }

  @Override
  public int hashCode() {
    return Decimals.canonical(value).hashCode();
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
