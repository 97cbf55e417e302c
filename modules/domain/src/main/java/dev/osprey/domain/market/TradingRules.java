package dev.osprey.domain.market;

import dev.osprey.domain.Require;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A venue's rules for one market: the smallest order, the smallest notional, and the price and
 * size increments. Zero increments mean "any precision".
 */
public record TradingRules(
    BigDecimal minOrderSize,
    BigDecimal minNotional,
    BigDecimal priceIncrement,
    BigDecimal baseIncrement) {

  /** The defaults of a new paper market: 0.001 base, 1 quote notional, 0.01 price, 0.001 size. */
  public static final TradingRules DEFAULT =
      new TradingRules(
          new BigDecimal("0.001"), BigDecimal.ONE, new BigDecimal("0.01"), new BigDecimal("0.001"));

  public TradingRules {
    Require.nonNull(
        "min_order_size", minOrderSize, "min_notional", minNotional,
        "price_increment", priceIncrement, "base_increment", baseIncrement);
    for (BigDecimal v : new BigDecimal[] {minOrderSize, minNotional, priceIncrement, baseIncrement}) {
      if (v.signum() < 0) {
        throw new IllegalArgumentException("trading rules must not be negative");
      }
    }
  }

  /**
   * {@code amount} floored to the base increment, as venues quantize before accepting an order;
   * zero when that is not positive.
   */
  public Quantity floorAmount(final BigDecimal amount) {
    final BigDecimal floored = Decimals.floorTo(amount, baseIncrement);
    return floored.signum() <= 0 ? Quantity.ZERO : new Quantity(floored);
  }

  /** {@code price} floored to the price increment. */
  public Price floorPrice(final Price price) {
    return new Price(Decimals.floorTo(price.value(), priceIncrement));
  }

  /** Too small to order: zero or below the minimum order size. */
  public boolean isDust(final Quantity amount) {
    return amount.isZero() || amount.value().compareTo(minOrderSize) < 0;
  }

  /** The reason an order of {@code amount} at {@code price} breaks these rules, if it does. */
  public Optional<String> violation(final BigDecimal amount, final BigDecimal price) {
    if (amount.compareTo(minOrderSize) < 0) {
      return Optional.of(
          "amount " + amount.toPlainString() + " is below min_order_size " + minOrderSize.toPlainString());
    }
    if (!Decimals.isMultipleOf(amount, baseIncrement)) {
      return Optional.of(
          "amount " + amount.toPlainString() + " is not a multiple of base_increment "
              + baseIncrement.toPlainString());
    }
    if (price != null) {
      if (!Decimals.isMultipleOf(price, priceIncrement)) {
        return Optional.of(
            "price " + price.toPlainString() + " is not a multiple of price_increment "
                + priceIncrement.toPlainString());
      }
      final BigDecimal notional = amount.multiply(price);
      if (notional.compareTo(minNotional) < 0) {
        return Optional.of(
            "notional " + notional.toPlainString() + " is below min_notional " + minNotional.toPlainString());
      }
    }
    return Optional.empty();
  }
}
