package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.TradedPnl;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * The P&amp;L of a position executor marked to a market, as the reference defines it (§2.1):
 *
 * <ul>
 *   <li>{@code entry} = average entry fill price (the configured entry before any fill);
 *   <li>{@code closePrice} = average exit fill price once the exit is done, else the price the
 *       position can exit at now (best bid for a long, best ask for a short);
 *   <li>{@code trade = side·(close − entry)·openFilled}, which is the reference's {@code
 *       trade_pnl_pct·open_filled·entry} without the rounding of a division; zero when nothing
 *       filled or the close type is FAILED or POSITION_HOLD;
 *   <li>{@code net = trade − fees of every order}; {@code netPct = net / (openFilled·entry)};
 *   <li>{@code filledAmountQuote = openFilled·entry + closeFilled·closePrice} (0 for
 *       POSITION_HOLD).
 * </ul>
 *
 * Prices are null only when the entry price is not known yet (nothing can have filled then).
 */
record PositionPnl(
    Price entry,
    Price closePrice,
    Quantity openFilled,
    Quantity closeFilled,
    TradedPnl.Figures figures) {

  static PositionPnl of(final PositionExecutor state, final MarketView market) {
    final Legs legs = state.legs();
    final Quantity open = openFilled(legs, market);
    final Quantity closed = legs.closeFilled();
    final Price entry = entry(state, legs);
    final Price close = closePrice(state, legs, open, closed, market, entry);
    final CloseType type = state.closeType().orElse(null);
    final QuoteAmount trade = trade(state, type, open, entry, close);
    final QuoteAmount fees = legs.fees();
    final QuoteAmount net = trade.minus(fees);
    final QuoteAmount openQuote = invested(entry, open);
    final QuoteAmount closeQuote = close == null ? QuoteAmount.ZERO : close.times(closed);
    final QuoteAmount filled =
        type == CloseType.POSITION_HOLD ? QuoteAmount.ZERO : openQuote.plus(closeQuote);
    final QuoteAmount value =
        close == null ? QuoteAmount.ZERO : close.times(open.minusFloored(closed));
    return new PositionPnl(entry, close, open, closed,
        TradedPnl.Figures.of(trade, fees, net, openQuote, filled, value));
  }

  /**
   * {@code figures().netPnlPct()} of {@link #of} without the other figures: what the barriers
   * compare on every quote, so it skips what they do not need.
   */
  static BigDecimal netPct(final PositionExecutor state, final MarketView market) {
    final Legs legs = state.legs();
    final Quantity open = openFilled(legs, market);
    final Price entry = entry(state, legs);
    final Price close = closePrice(state, legs, open, legs.closeFilled(), market, entry);
    final QuoteAmount net = trade(state, state.closeType().orElse(null), open, entry, close).minus(legs.fees());
    return Decimals.divOrZero(net.value(), invested(entry, open).value());
  }

  private static Quantity openFilled(final Legs legs, final MarketView market) {
    return new Quantity(Decimals.floorTo(legs.openFilled().value(), market.rules().baseIncrement()));
  }

  private static Price entry(final PositionExecutor state, final Legs legs) {
    return legs.openAverage().orElse(state.config().entryPrice());
  }

  /** {@code side·(close − entry)·open}; zero when nothing can have traded or it does not count. */
  private static QuoteAmount trade(final PositionExecutor state, final CloseType type, final Quantity open,
      final Price entry, final Price close) {
    if (open.isZero() || entry == null || close == null
        || type == CloseType.FAILED || type == CloseType.POSITION_HOLD) {
      return QuoteAmount.ZERO;
    }
    return new QuoteAmount(close.value().subtract(entry.value()).multiply(open.value())
        .multiply(BigDecimal.valueOf(state.config().side().sign())));
  }

  private static QuoteAmount invested(final Price entry, final Quantity open) {
    return entry == null ? QuoteAmount.ZERO : entry.times(open);
  }

  /**
   * The exit is "done" when no exit order is live and it either covers the entry or the executor
   * has ended (then whatever dust was left open is valued at the exit average too).
   */
  private static Price closePrice(
      final PositionExecutor state,
      final Legs legs,
      final Quantity open,
      final Quantity closed,
      final MarketView market,
      final Price entry) {
    final var average = legs.closeAverage();
    final boolean exitDone =
        average.isPresent() && !legs.hasLiveExit() && (state.isTerminated() || closed.ge(open));
    if (exitDone) {
      return average.get();
    }
    return market.top().map(t -> t.exitPrice(state.config().side())).orElse(entry);
  }
}
