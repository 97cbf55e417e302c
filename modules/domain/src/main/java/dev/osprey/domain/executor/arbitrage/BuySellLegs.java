package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;

/**
 * The orders of a cross-venue executor summed by direction: everything it bought (on either
 * venue) and everything it sold, with all fees. Sums run over every order, so fills of a
 * cancelled, replaced or refused order keep counting.
 *
 * @param buyBase base bought
 * @param buyQuote quote paid for it (the buy notional)
 * @param sellBase base sold
 * @param sellQuote quote received
 * @param fees fees of every order, in quote
 */
public record BuySellLegs(
    Quantity buyBase, QuoteAmount buyQuote, Quantity sellBase, QuoteAmount sellQuote,
    QuoteAmount fees) {

  /** The sums over every order of {@code ledger}. */
  public static BuySellLegs of(final OrderLedger ledger) {
    Quantity buyBase = Quantity.ZERO;
    Quantity sellBase = Quantity.ZERO;
    QuoteAmount buyQuote = QuoteAmount.ZERO;
    QuoteAmount sellQuote = QuoteAmount.ZERO;
    QuoteAmount fees = QuoteAmount.ZERO;
    for (TrackedOrder o : ledger.all()) {
      if (o.side() == Side.BUY) {
        buyBase = buyBase.plus(o.executedBase());
        buyQuote = buyQuote.plus(o.executedQuote());
      } else {
        sellBase = sellBase.plus(o.executedBase());
        sellQuote = sellQuote.plus(o.executedQuote());
      }
      fees = fees.plus(o.feesQuote());
    }
    return new BuySellLegs(buyBase, buyQuote, sellBase, sellQuote, fees);
  }

  public boolean anyFilled() {
    return buyBase.isPositive() || sellBase.isPositive();
  }

  /** Base bought minus base sold: positive when long, negative when short. */
  public BigDecimal imbalance() {
    return buyBase.value().subtract(sellBase.value());
  }

  /** {@code sell_quote − buy_quote}: the round trip's result before fees. */
  public QuoteAmount spread() {
    return sellQuote.minus(buyQuote);
  }

  /** Quote traded in both directions (the executor's volume). */
  public QuoteAmount volume() {
    return buyQuote.plus(sellQuote);
  }
}
