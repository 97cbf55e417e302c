package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The net token change of a finished LP round trip: what the withdrawal returned plus the fees
 * earned, minus what was deposited ({@code netBase}, {@code netQuote}, signed). The executor owns
 * only this change, never the deposit itself, so keeping the position hands over exactly it and
 * not keeping it swaps exactly it back (reference {@code _store_net_trade_from_withdrawal} and
 * {@code _calculate_net_base_difference}).
 */
record LpNetTrade(BigDecimal netBase, BigDecimal netQuote) {
  /** Changes smaller than this (in either token) count as none, as in the reference. */
  static final BigDecimal THRESHOLD = new BigDecimal("0.0001");

  /** Suffix of the synthesized client order id of the held net trade. */
  static final String ORDER_SUFFIX = "-lp";

  /** A swap back to the deposited base, at the closing pool price. */
  record Swap(Side side, Quantity base, Price price, QuoteAmount quote) {}

  static LpNetTrade of(final LpPosition p) {
    final LpPosition.Removal r = p.withdrawal().orElseThrow();
    return new LpNetTrade(
        r.base().value().add(p.baseFee().value()).subtract(p.initialBase().value()),
        r.quote().value().add(p.quoteFee().value()).subtract(p.initialQuote().value()));
  }

  /**
   * The one order handed over with {@code keep_position}: BUY when base grew and quote shrank
   * (at their ratio), SELL for the reverse; a base change without an opposite quote change is
   * valued at the closing price; no base change is a zero-amount order carrying the transaction
   * fees. Its id is {@code <executor id>-lp}; its fees are every transaction fee paid.
   */
  HeldOrder heldOrder(final LpExecutorConfig c, final LpPosition p) {
    final LpPosition.Removal r = p.withdrawal().orElseThrow();
    final Price close = r.price();
    final Side side;
    final BigDecimal base;
    final BigDecimal quote;
    if (netBase.compareTo(THRESHOLD) > 0 && netQuote.compareTo(THRESHOLD.negate()) < 0) {
      side = Side.BUY;
      base = netBase;
      quote = netQuote.negate();
    } else if (netBase.compareTo(THRESHOLD.negate()) < 0 && netQuote.compareTo(THRESHOLD) > 0) {
      side = Side.SELL;
      base = netBase.negate();
      quote = netQuote;
    } else if (netBase.abs().compareTo(THRESHOLD) > 0) {
      side = netBase.signum() > 0 ? Side.BUY : Side.SELL;
      base = netBase.abs();
      quote = base.multiply(close.value());
    } else {
      side = Side.BUY;
      base = BigDecimal.ZERO;
      quote = BigDecimal.ZERO;
    }
    final Price price = base.signum() == 0 ? close : new Price(Decimals.div(quote, base));
    return new HeldOrder(
        ClientOrderId.of(c.id() + ORDER_SUFFIX),
        c.connectorName(),
        c.tradingPair(),
        side,
        OrderType.MARKET,
        PositionAction.NIL,
        price,
        new Quantity(base),
        new Quantity(base),
        new QuoteAmount(quote),
        p.txFees(),
        r.at());
  }

  /**
   * The swap back without {@code keep_position}: SELL the base gained or BUY the base lost, at
   * {@code price} and without a fee (the simulated pool's close-out); none below the threshold.
   */
  Optional<Swap> closeout(final Price price) {
    if (netBase.abs().compareTo(THRESHOLD) <= 0) {
      return Optional.empty();
    }
    final Quantity base = new Quantity(netBase.abs());
    return Optional.of(
        new Swap(netBase.signum() > 0 ? Side.SELL : Side.BUY, base, price, price.times(base)));
  }
}
