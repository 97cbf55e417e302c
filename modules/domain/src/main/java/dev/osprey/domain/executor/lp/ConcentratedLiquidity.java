package dev.osprey.domain.executor.lp;

import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Concentrated-liquidity math (Uniswap v3 style) for one price range {@code [lower, upper]}, on
 * decimals. Base is the pool's token0, quote its token1, prices are quote per base; square roots
 * are taken at {@link Decimals#MC} ({@code BigDecimal.sqrt(DECIMAL128)}), so perfect squares stay
 * exact. With {@code √P} the square root of the price clipped to the range:
 *
 * <ul>
 *   <li>{@code base = L·(1/√P − 1/√upper)} and {@code quote = L·(√P − √lower)}: below the range
 *       the position is all base, above it all quote;
 *   <li>{@code L} from deposited amounts is the largest liquidity they fund: {@code base /
 *       (1/√P − 1/√upper)} and {@code quote / (√P − √lower)}, the smaller of the two when the price
 *       is inside the range (a token the position does not need at that price is ignored);
 *   <li>a price move from {@code P0} to {@code P1} makes the pool swap through the position only
 *       over the part of the move inside the range; traders pay in quote on the way up ({@code
 *       L·(√P1 − √P0)}) and base on the way down ({@code L·(1/√P1 − 1/√P0)}), and the position
 *       earns {@code fee_tier} of what was paid in, in that token.
 * </ul>
 *
 * Immutable and pure.
 */
public final class ConcentratedLiquidity {
  private final Price lower;
  private final Price upper;
  private final BigDecimal sqrtLower;
  private final BigDecimal sqrtUpper;

  /** Base and quote amounts of a position, a deposit, a swap or its fees. */
  public record Amounts(Quantity base, QuoteAmount quote) {
    public static final Amounts ZERO = new Amounts(Quantity.ZERO, QuoteAmount.ZERO);
  }

  /**
   * The range {@code [lower, upper]}.
   *
   * @throws IllegalArgumentException unless {@code 0 < lower < upper}
   */
  public ConcentratedLiquidity(final Price lower, final Price upper) {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (lower.isZero() || !lower.lt(upper)) {
      throw new IllegalArgumentException(
          "range needs 0 < lower < upper, got [" + lower + ", " + upper + "]");
    }
    this.lower = lower;
    this.upper = upper;
    this.sqrtLower = sqrt(lower.value());
    this.sqrtUpper = sqrt(upper.value());
  }

  /** {@code √x} at decimal128 (exact for perfect squares). */
  public static BigDecimal sqrt(final BigDecimal x) {
    return x.sqrt(Decimals.MC);
  }

  public Price lower() {
    return lower;
  }

  public Price upper() {
    return upper;
  }

  /** {@code price} limited to the range: what the position sees of it. */
  public Price clip(final Price price) {
    return Price.min(Price.max(price, lower), upper);
  }

  /** Below, inside (bounds included) or above the range. */
  public RangePosition locate(final Price price) {
    if (price.lt(lower)) {
      return RangePosition.BELOW;
    }
    return price.gt(upper) ? RangePosition.ABOVE : RangePosition.IN_RANGE;
  }

  /**
   * The largest liquidity {@code base} and {@code quote} fund at {@code price}; zero when a token
   * the position needs at that price is missing.
   */
  public BigDecimal liquidity(final Quantity base, final QuoteAmount quote, final Price price) {
    final BigDecimal sp = sqrtAt(price);
    BigDecimal l = null;
    if (sp.compareTo(sqrtUpper) < 0) {
      // base needed: base / (1/√P − 1/√upper) = base·√P·√upper / (√upper − √P)
      l = Decimals.div(base.value().multiply(sp).multiply(sqrtUpper), sqrtUpper.subtract(sp));
    }
    if (sp.compareTo(sqrtLower) > 0) {
      final BigDecimal fromQuote =
          Decimals.div(quote.value().max(BigDecimal.ZERO), sp.subtract(sqrtLower));
      l = l == null ? fromQuote : l.min(fromQuote);
    }
    return l;
  }

  /** What a position of {@code liquidity} holds at {@code price}. */
  public Amounts amounts(final BigDecimal liquidity, final Price price) {
    final BigDecimal sp = sqrtAt(price);
    final BigDecimal base =
        Decimals.div(liquidity.multiply(sqrtUpper.subtract(sp)), sp.multiply(sqrtUpper));
    final BigDecimal quote = liquidity.multiply(sp.subtract(sqrtLower)).round(Decimals.MC);
    return new Amounts(new Quantity(base), new QuoteAmount(quote));
  }

  /**
   * What traders paid into a position of {@code liquidity} while the pool price moved from {@code
   * from} to {@code to}: quote on the way up, base on the way down, nothing outside the range.
   */
  public Amounts paidIn(final BigDecimal liquidity, final Price from, final Price to) {
    final BigDecimal s0 = sqrtAt(from);
    final BigDecimal s1 = sqrtAt(to);
    final int direction = s1.compareTo(s0);
    if (direction > 0) {
      return new Amounts(
          Quantity.ZERO, new QuoteAmount(liquidity.multiply(s1.subtract(s0)).round(Decimals.MC)));
    }
    if (direction < 0) {
      // L·(1/√P1 − 1/√P0) = L·(√P0 − √P1) / (√P0·√P1)
      return new Amounts(
          new Quantity(Decimals.div(liquidity.multiply(s0.subtract(s1)), s0.multiply(s1))),
          QuoteAmount.ZERO);
    }
    return Amounts.ZERO;
  }

  /** What a position of {@code liquidity} earns on a move: {@code feeTier} of {@link #paidIn}. */
  public Amounts fees(
      final BigDecimal liquidity, final Price from, final Price to, final BigDecimal feeTier) {
    final Amounts in = paidIn(liquidity, from, to);
    return new Amounts(
        new Quantity(in.base().value().multiply(feeTier)), in.quote().times(feeTier));
  }

  private BigDecimal sqrtAt(final Price price) {
    final Price p = clip(price);
    if (p.equals(lower)) {
      return sqrtLower;
    }
    return p.equals(upper) ? sqrtUpper : sqrt(p.value());
  }
}
