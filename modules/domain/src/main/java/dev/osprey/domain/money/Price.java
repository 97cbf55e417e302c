package dev.osprey.domain.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;

/** A price in quote currency per unit of base. Never negative. */
public final class Price extends DecimalValue<Price> {
  public static final Price ZERO = new Price(BigDecimal.ZERO);

  public Price(final BigDecimal value) {
    super(nonNegative(value, "price"));
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Price of(final BigDecimal value) {
    return new Price(value);
  }

  public static Price of(final String value) {
    return new Price(Decimals.parse(value));
  }

  /** Notional of {@code quantity} at this price. */
  public QuoteAmount times(final Quantity quantity) {
    return new QuoteAmount(value().multiply(quantity.value()));
  }

  /** This price scaled by {@code factor} (for example {@code 1 + take_profit}). */
  public Price scale(final BigDecimal factor) {
    return new Price(value().multiply(factor));
  }

  public static Price min(final Price a, final Price b) {
    return a.le(b) ? a : b;
  }

  public static Price max(final Price a, final Price b) {
    return a.ge(b) ? a : b;
  }
}
