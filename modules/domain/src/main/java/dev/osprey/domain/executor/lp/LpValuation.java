package dev.osprey.domain.executor.lp;

import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numbers of an LP position at one pool price (reference {@code get_net_pnl_quote}):
 *
 * <ul>
 *   <li>{@code price}: the withdrawal price once closed (final numbers), else the current mid,
 *       else the last recorded pool price;
 *   <li>{@code base, quote}: what the position holds at that price (what it returned once
 *       closed); {@code valueQuote = base·price + quote};
 *   <li>{@code feesEarnedQuote = baseFee·price + quoteFee};
 *   <li>{@code netPnlQuote = valueQuote + feesEarnedQuote − initialValue − txFees}, with {@code
 *       initialValue = initialBase·openPrice + initialQuote}; {@code netPnlPct = netPnlQuote /
 *       initialValue}.
 * </ul>
 *
 * All zero before the deposit. A swap back without {@code keep_position} does not change the
 * P&amp;L: it trades at the same price without a fee.
 */
record LpValuation(
    Price price,
    Quantity base,
    QuoteAmount quote,
    Quantity baseFee,
    QuoteAmount quoteFee,
    QuoteAmount feesEarnedQuote,
    QuoteAmount valueQuote,
    QuoteAmount initialValue,
    QuoteAmount txFees,
    QuoteAmount netPnlQuote,
    BigDecimal netPnlPct) {

  static LpValuation of(final LpExecutor ex, final Optional<Price> mid) {
    final Optional<LpPosition> position = ex.position();
    if (position.isEmpty()) {
      return new LpValuation(
          mid.orElse(null), Quantity.ZERO, QuoteAmount.ZERO, Quantity.ZERO, QuoteAmount.ZERO,
          QuoteAmount.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO,
          QuoteAmount.ZERO, BigDecimal.ZERO);
    }
    final LpPosition p = position.get();
    final Optional<LpPosition.Removal> removal = p.withdrawal();
    final Price price =
        removal.map(LpPosition.Removal::price).orElseGet(() -> mid.orElse(p.poolPrice()));
    final ConcentratedLiquidity.Amounts held =
        removal
            .map(r -> new ConcentratedLiquidity.Amounts(r.base(), r.quote()))
            .orElseGet(() -> ex.pool().amounts(p.liquidity(), price));
    final QuoteAmount fees = price.times(p.baseFee()).plus(p.quoteFee());
    final QuoteAmount value = price.times(held.base()).plus(held.quote());
    final QuoteAmount initial = p.initialValue();
    final QuoteAmount pnl = value.plus(fees).minus(initial).minus(p.txFees());
    return new LpValuation(
        price, held.base(), held.quote(), p.baseFee(), p.quoteFee(), fees, value, initial,
        p.txFees(), pnl, Decimals.divOrZero(pnl.value(), initial.value()));
  }
}
