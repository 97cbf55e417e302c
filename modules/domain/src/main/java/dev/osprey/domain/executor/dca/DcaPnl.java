package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.TradedPnl;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * The P&amp;L of a DCA executor marked to a market (reference-semantics §2.4):
 *
 * <ul>
 *   <li>{@code average} = Σ entry quote / Σ entry base over every level fill;
 *   <li>{@code closePrice} = the exit fills' average once the exit is done, else the price the
 *       position can exit at now (best bid for BUY, best ask for SELL);
 *   <li>{@code trade = side·(closePrice·openFilled − openQuote)}, which is the reference's {@code
 *       trade_pnl_pct·open_filled·average} without the rounding of a division;
 *   <li>{@code net = trade − fees of every order}; {@code netPct = net / openQuote};
 *   <li>{@code filledAmountQuote = openQuote + closeFilled·closePrice}.
 * </ul>
 *
 * A POSITION_HOLD executor handed its fills to the position book, which owns their P&amp;L from
 * then on: as for the position executor, its trade part and volume are zero (net = −fees), so the
 * controller's P&amp;L does not count them twice.
 */
record DcaPnl(
    Price average,
    Price closePrice,
    Price marketPrice,
    Quantity openFilled,
    Quantity closeFilled,
    TradedPnl.Figures figures) {

  static DcaPnl of(final DcaExecutor state, final MarketView market) {
    final DcaLevels levels = state.levels();
    final Side side = state.config().side();
    final Quantity open = levels.openFilled();
    final Quantity closed = levels.closeFilled();
    final QuoteAmount openQuote = levels.openQuote();
    final Price average = levels.openAverage().orElse(null);
    final Price marketPrice = market.top().map(t -> t.exitPrice(side)).orElse(null);
    final boolean exitDone = exitDone(state, levels, open, closed);
    final Price close =
        exitDone
            ? levels.closeAverage().orElseThrow()
            : marketPrice != null ? marketPrice : average;
    final boolean hold = state.closeType().orElse(null) == CloseType.POSITION_HOLD;
    final QuoteAmount trade =
        hold || open.isZero() || close == null
            ? QuoteAmount.ZERO
            : new QuoteAmount(
                close.times(open).minus(openQuote).value()
                    .multiply(BigDecimal.valueOf(side.sign())));
    final QuoteAmount fees = levels.fees();
    final QuoteAmount net = trade.minus(fees);
    final QuoteAmount closeQuote =
        exitDone ? levels.closeQuote() : close == null ? QuoteAmount.ZERO : close.times(closed);
    final QuoteAmount filled = hold ? QuoteAmount.ZERO : openQuote.plus(closeQuote);
    final QuoteAmount value =
        close == null ? QuoteAmount.ZERO : close.times(open.minusFloored(closed));
    return new DcaPnl(average, close, marketPrice, open, closed,
        TradedPnl.Figures.of(trade, fees, net, openQuote, filled, value));
  }

  /**
   * The exit is done when it traded, no exit order is live, and it covers the entry or the
   * executor has ended (dust left open is then valued at the exit average too).
   */
  private static boolean exitDone(
      final DcaExecutor state, final DcaLevels levels, final Quantity open, final Quantity closed) {
    return closed.isPositive()
        && !levels.hasLiveClose()
        && (state.isTerminated() || closed.ge(open));
  }
}
