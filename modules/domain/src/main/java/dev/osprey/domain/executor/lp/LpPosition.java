package dev.osprey.domain.executor.lp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The simulated position from the moment the pool took the deposit: its liquidity, what was
 * deposited at which price, the last pool price it saw, where that price is relative to the range
 * (and since when it is outside), the fees earned so far, the transaction fees paid, and, once
 * withdrawn, what came back. Immutable; built only by folding the LP events.
 *
 * @param poolPrice the last recorded pool price (moves the position cannot see are not recorded)
 * @param outOfRangeSince when the price last left the range or switched sides; null in range
 * @param removal what the withdrawal returned; null while the liquidity is in the pool
 */
public record LpPosition(
    BigDecimal liquidity,
    Quantity initialBase,
    QuoteAmount initialQuote,
    Price openPrice,
    Instant openedAt,
    Price poolPrice,
    RangePosition range,
    Instant outOfRangeSince,
    Quantity baseFee,
    QuoteAmount quoteFee,
    QuoteAmount txFees,
    Removal removal) {

  /** What the withdrawal returned, at which pool price and when (fees not included). */
  public record Removal(Quantity base, QuoteAmount quote, Price price, Instant at) {}

  static LpPosition opened(final LpLiquidityAdded e, final RangePosition range) {
    return new LpPosition(
        e.liquidity(), e.baseAmount(), e.quoteAmount(), e.price(), e.at(), e.price(), range,
        range.isOutOfRange() ? e.at() : null, Quantity.ZERO, QuoteAmount.ZERO, e.txFeeQuote(),
        null);
  }

  LpPosition accrued(final LpFeesAccrued e) {
    return new LpPosition(
        liquidity, initialBase, initialQuote, openPrice, openedAt, e.price(), range,
        outOfRangeSince, baseFee.plus(e.baseFee()), quoteFee.plus(e.quoteFee()), txFees, removal);
  }

  LpPosition moved(final LpRangeChanged e) {
    return new LpPosition(
        liquidity, initialBase, initialQuote, openPrice, openedAt, e.price(), e.position(),
        e.position().isOutOfRange() ? e.at() : null, baseFee, quoteFee, txFees, removal);
  }

  LpPosition removed(final LpLiquidityRemoved e) {
    return new LpPosition(
        liquidity, initialBase, initialQuote, openPrice, openedAt, e.price(), range,
        outOfRangeSince, baseFee, quoteFee, txFees.plus(e.txFeeQuote()),
        new Removal(e.baseAmount(), e.quoteAmount(), e.price(), e.at()));
  }

  /** The liquidity is still in the pool. */
  @JsonIgnore
  public boolean isOpen() {
    return removal == null;
  }

  public Optional<Removal> withdrawal() {
    return Optional.ofNullable(removal);
  }

  /** What was deposited, valued at the pool price of the deposit. */
  public QuoteAmount initialValue() {
    return openPrice.times(initialBase).plus(initialQuote);
  }
}
