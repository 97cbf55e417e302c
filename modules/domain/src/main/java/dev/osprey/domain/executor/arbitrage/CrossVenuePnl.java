package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.TradedPnl;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The P&amp;L of a cross-venue executor (arbitrage, XEMM), with Osprey's fixes of the reference:
 *
 * <ul>
 *   <li>{@code net_pnl_quote = sell_quote − buy_quote − fees}, whichever venue bought and which
 *       sold (the reference's XEMM computes {@code taker − maker − fees}, wrong in sign for a
 *       maker SELL);
 *   <li>{@code net_pnl_pct = net_pnl_quote / buy_quote}, a fraction of the buy notional in quote
 *       (the reference divides quote by a base amount);
 *   <li>the round-trip part ({@code sell_quote − buy_quote}) counts only once the executor ended
 *       with both legs done and matched ({@code COMPLETED}, or {@code EARLY_STOP} after closing
 *       its fills at market); before that, and when it failed or handed its fills over, only the
 *       fees paid count, as for the position executor;
 *   <li>{@code cum_fees_quote} is every fee paid; {@code filled_amount_quote = buy_quote +
 *       sell_quote}, except 0 for {@code POSITION_HOLD} (the position book counts that volume);
 *   <li>{@code value_quote} is the unmatched base (bought minus sold, either sign) at {@code mark}.
 * </ul>
 */
public record CrossVenuePnl(
    BuySellLegs legs,
    QuoteAmount netPnlQuote,
    BigDecimal netPnlPct,
    QuoteAmount cumFeesQuote,
    QuoteAmount filledAmountQuote,
    QuoteAmount valueQuote) implements TradedPnl {

  /**
   * The numbers of an executor with {@code legs}, in {@code status}, closing or closed with {@code
   * closeType} (null while running), marking unmatched base at {@code mark}.
   */
  public static CrossVenuePnl of(
      final BuySellLegs legs,
      final RunnableStatus status,
      final CloseType closeType,
      final Optional<Price> mark) {
    final boolean roundTrip =
        status == RunnableStatus.TERMINATED
            && (closeType == CloseType.COMPLETED || closeType == CloseType.EARLY_STOP);
    final QuoteAmount trade = roundTrip ? legs.spread() : QuoteAmount.ZERO;
    final QuoteAmount net = trade.minus(legs.fees());
    final QuoteAmount filled =
        closeType == CloseType.POSITION_HOLD ? QuoteAmount.ZERO : legs.volume();
    final Quantity unmatched = new Quantity(legs.imbalance().abs());
    final QuoteAmount value = mark.map(p -> p.times(unmatched)).orElse(QuoteAmount.ZERO);
    return new CrossVenuePnl(
        legs, net, Decimals.divOrZero(net.value(), legs.buyQuote().value()), legs.fees(), filled,
        value);
  }
}
