package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.TradedPnl;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * The P&amp;L of a TWAP executor (reference-semantics §2.5). A TWAP never unwinds what it bought,
 * so its P&amp;L is always marked to the live mid, after termination too:
 *
 * <ul>
 *   <li>{@code average} = Σ executed quote / Σ executed base over every order;
 *   <li>{@code trade = side·(mid·executedBase − executedQuote)}, which is the reference's {@code
 *       trade_pct·executed_quote} without the rounding of a division; zero without a quote;
 *   <li>{@code net = trade − fees}; {@code netPct = net / executedQuote};
 *   <li>{@code filledAmountQuote = executedQuote}.
 * </ul>
 *
 * An executor that handed its fills to the position book leaves their P&amp;L to the book, which
 * counts their fees too: POSITION_HOLD reports a zero trade part and volume (net = −fees), as the
 * position executor does; COMPLETED reports net 0 with its fees and volume, as the swap executor
 * does (its fees are the book's to subtract, so they are not subtracted twice).
 */
final class TwapPnl {
  private TwapPnl() {}

  static TradedPnl.Figures of(final TwapExecutor state, final MarketView market) {
    final TwapSlots slots = state.slots();
    final Quantity base = slots.executedBase();
    final QuoteAmount quote = slots.executedQuote();
    final Price mid = mid(market);
    final CloseType closeType = state.closeType().orElse(null);
    final boolean hold = closeType == CloseType.POSITION_HOLD;
    final boolean handedOver = TwapExecutor.handsOver(closeType);
    final QuoteAmount trade =
        handedOver || mid == null || base.isZero()
            ? QuoteAmount.ZERO
            : mid.times(base).minus(quote)
                .times(BigDecimal.valueOf(state.config().side().sign()));
    final QuoteAmount fees = slots.fees();
    final QuoteAmount net = closeType == CloseType.COMPLETED ? QuoteAmount.ZERO : trade.minus(fees);
    return TradedPnl.Figures.of(trade, fees, net, quote,
        hold ? QuoteAmount.ZERO : quote,
        mid == null ? quote : mid.times(base));
  }

  /** The live mid a TWAP is marked to; null without a quote. */
  static Price mid(final MarketView market) {
    return market.top().map(t -> t.mid()).orElse(null);
  }
}
