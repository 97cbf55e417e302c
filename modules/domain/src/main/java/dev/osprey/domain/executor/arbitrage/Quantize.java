package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;

/**
 * Venue quantization as the reference connectors apply it before submitting: prices and amounts
 * are floored to the market's increments, and an amount below the minimum order size cannot be
 * ordered at all. Each market of a cross-venue executor quantizes with its own rules.
 */
public final class Quantize {
  private Quantize() {}

  /** {@code amount} floored to the base increment; zero when that is not positive. */
  public static Quantity base(final BigDecimal amount, final TradingRules rules) {
    final BigDecimal floored = Decimals.floorTo(amount, rules.baseIncrement());
    return floored.signum() <= 0 ? Quantity.ZERO : new Quantity(floored);
  }

  /** {@code price} floored to the price increment. */
  public static Price price(final Price price, final TradingRules rules) {
    return new Price(Decimals.floorTo(price.value(), rules.priceIncrement()));
  }

  /** Too small to order: zero or below the venue's minimum size. */
  public static boolean isDust(final Quantity q, final TradingRules rules) {
    return q.isZero() || q.value().compareTo(rules.minOrderSize()) < 0;
  }
}
