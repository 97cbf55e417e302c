package dev.osprey.testkit.okx;

import static dev.osprey.testkit.okx.SimMessages.orderPush;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * How the simulated OKX fills an order against a ticker, and settles the trade in the account's
 * balances (see {@link SimVenue} for the rules). Called under the venue's lock.
 */
final class SimMatcher {
  private final Clock clock;
  private final Map<String, BigDecimal> balances;
  private BigDecimal makerFee = BigDecimal.ZERO;
  private BigDecimal takerFee = BigDecimal.ZERO;
  private long nextTradeId = 1;

  SimMatcher(final Clock clock, final Map<String, BigDecimal> balances) {
    this.clock = clock;
    this.balances = balances;
  }

  void setFees(final BigDecimal maker, final BigDecimal taker) {
    this.makerFee = maker;
    this.takerFee = taker;
  }

  /**
   * Matches {@code o} against ticker {@code t} (null: no market yet), adding the order pushes it
   * gives to {@code pushes}; {@code arriving} is true when the order has just been placed.
   */
  void match(
      final SimOrder o, final SimVenue.Ticker t, final boolean arriving, final List<String> pushes) {
    if (t == null) {
      return;
    }
    final boolean market = "market".equals(o.request.ordType());
    final SimVenue.Level opposite = o.isBuy() ? t.ask() : t.bid();
    final int vsOpposite = market ? 0 : o.request.px().compareTo(opposite.px);
    final boolean crosses = market || (o.isBuy() ? vsOpposite >= 0 : vsOpposite <= 0);
    if (!crosses) {
      return;
    }
    if (arriving && "post_only".equals(o.request.ordType())) {
      o.state = "canceled";
      o.uTime = clock.millis();
      pushes.add(orderPush(o, null));
      return;
    }
    final BigDecimal left = opposite.left;
    final BigDecimal qty = left == null ? o.remaining() : o.remaining().min(left);
    if (qty.signum() > 0) {
      if (left != null) {
        opposite.left = left.subtract(qty);
      }
      final boolean maker = !arriving;
      final BigDecimal px = maker ? o.request.px() : opposite.px;
      final BigDecimal rate = maker ? makerFee : takerFee;
      // Spot: a BUY pays in base, a SELL in quote. Swaps: always in the settlement (quote)
      // currency, on the notional of the contracts.
      final boolean feeInBase = o.isBuy() && !o.isSwap();
      final BigDecimal fee =
          (feeInBase
                  ? qty.multiply(rate)
                  : px.multiply(o.isSwap() ? qty.multiply(o.request.ctVal()) : qty).multiply(rate))
              .negate();
      final long now = clock.millis();
      final SimOrder.Trade trade =
          new SimOrder.Trade(
              Long.toString(nextTradeId++),
              px,
              qty,
              fee,
              feeInBase ? o.base() : o.quote(),
              maker,
              now);
      o.trades.add(trade);
      o.state = o.remaining().signum() == 0 ? "filled" : "partially_filled";
      o.uTime = now;
      settle(o, trade);
      pushes.add(orderPush(o, trade));
    }
    if (market && o.isOpen()) {
      o.state = "canceled"; // OKX market orders never rest
      o.uTime = clock.millis();
      pushes.add(orderPush(o, null));
    }
  }

  private void settle(final SimOrder o, final SimOrder.Trade t) {
    if (o.isSwap()) {
      // Margin and positions are not simulated: a swap trade costs the account its fee only.
      balances.merge(o.quote(), t.fee(), BigDecimal::add);
      return;
    }
    final BigDecimal notional = t.px().multiply(t.sz());
    if (o.isBuy()) {
      balances.merge(o.base(), t.sz().add(t.fee()), BigDecimal::add);
      balances.merge(o.quote(), notional.negate(), BigDecimal::add);
    } else {
      balances.merge(o.base(), t.sz().negate(), BigDecimal::add);
      balances.merge(o.quote(), notional.add(t.fee()), BigDecimal::add);
    }
  }
}
