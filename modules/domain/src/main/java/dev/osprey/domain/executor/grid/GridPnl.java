package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;

/**
 * The numbers of a grid marked to a market (reference §2.3), in two parts.
 *
 * <p><b>Position</b> (the open inventory: levels whose open order traded and whose take profit
 * has not completed): {@code be = Σ(order price·size)/Σ size} over their open orders (the order's
 * limit price, the fill average for a market order; size is what it executed, which is the order
 * amount once filled); {@code size_base = Σ size − executed by the shutdown close};
 * {@code size_quote = size_base·be}; {@code fees} = their open orders' fees; {@code pnl = s·(mid −
 * be)·size_base − fees} (s = +1 BUY, −1 SELL; the reference's {@code s·(mid−be)/be·size_quote −
 * fees} without the division); {@code pnl_pct = pnl/size_quote}. Partial fills of a take profit
 * that is still working count once the level completes, as in the reference.
 *
 * <p><b>Realized</b> (orders of completed level cycles; once the grid closed flat, every order
 * that traded): {@code buy_q}, {@code sell_q} = executed quote per side; {@code fees};
 * {@code realized = sell_q − buy_q − fees}; {@code realized_pct = realized/buy_q}.
 *
 * <p><b>Reported</b>: {@code net = position pnl + realized}, {@code cum_fees = position fees +
 * realized fees}, {@code filled_amount_quote = size_quote + buy_q + sell_q}; with close type
 * POSITION_HOLD the position part is left out (the position book takes it over). {@code
 * net_pnl_pct = net/filled_amount_quote}: the denominator is traded volume, unlike the position
 * executor.
 */
record GridPnl(
    Price breakEven,
    Quantity positionSizeBase,
    QuoteAmount positionSizeQuote,
    QuoteAmount positionFees,
    QuoteAmount positionPnl,
    BigDecimal positionPnlPct,
    QuoteAmount buyQuote,
    QuoteAmount sellQuote,
    QuoteAmount realizedFees,
    QuoteAmount realizedPnl,
    BigDecimal realizedPnlPct,
    QuoteAmount netPnlQuote,
    BigDecimal netPnlPct,
    QuoteAmount cumFeesQuote,
    QuoteAmount filledAmountQuote) {

  static GridPnl of(final GridExecutor grid, final MarketView market) {
    final OrderLedger ledger = grid.orders();
    BigDecimal size = BigDecimal.ZERO;
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    for (GridSlot slot : grid.slots()) {
      if (!slot.holdsInventory(ledger)) {
        continue;
      }
      final TrackedOrder open = slot.openOrder(ledger).orElseThrow();
      final BigDecimal executed = open.executedBase().value();
      final Price price = open.request().price() != null
          ? open.request().price()
          : open.averagePrice().orElseThrow();
      size = size.add(executed);
      weighted = weighted.add(price.value().multiply(executed));
      fees = fees.add(open.feesQuote().value());
    }
    final BigDecimal be = size.signum() == 0 ? BigDecimal.ZERO : Decimals.div(weighted, size);
    final BigDecimal sizeBase = Decimals.max(BigDecimal.ZERO, size.subtract(closeExecuted(ledger)));
    final BigDecimal sizeQuote = sizeBase.multiply(be);
    final BigDecimal mark = market.hasQuote() ? market.book().mid().value() : be;
    final Side side = grid.config().side();
    final BigDecimal pnl = size.signum() == 0
        ? BigDecimal.ZERO
        : mark.subtract(be).multiply(sizeBase).multiply(BigDecimal.valueOf(side.sign()))
            .subtract(fees);
    final BigDecimal positionFees = size.signum() == 0 ? BigDecimal.ZERO : fees;

    BigDecimal buy = BigDecimal.ZERO;
    BigDecimal sell = BigDecimal.ZERO;
    BigDecimal realizedFees = BigDecimal.ZERO;
    for (ClientOrderId id : grid.filledOrders()) {
      final TrackedOrder o = ledger.get(id).orElseThrow();
      if (o.side() == Side.BUY) {
        buy = buy.add(o.executedQuote().value());
      } else {
        sell = sell.add(o.executedQuote().value());
      }
      realizedFees = realizedFees.add(o.feesQuote().value());
    }
    final BigDecimal realized = sell.subtract(buy).subtract(realizedFees);

    final boolean hold = grid.closeType().orElse(null) == CloseType.POSITION_HOLD;
    final BigDecimal net = hold ? realized : pnl.add(realized);
    final BigDecimal cumFees = hold ? realizedFees : positionFees.add(realizedFees);
    final BigDecimal filled = hold ? buy.add(sell) : sizeQuote.add(buy).add(sell);
    return new GridPnl(
        new Price(be),
        new Quantity(sizeBase),
        new QuoteAmount(sizeQuote),
        new QuoteAmount(positionFees),
        new QuoteAmount(pnl),
        Decimals.divOrZero(pnl, sizeQuote),
        new QuoteAmount(buy),
        new QuoteAmount(sell),
        new QuoteAmount(realizedFees),
        new QuoteAmount(realized),
        Decimals.divOrZero(realized, buy),
        new QuoteAmount(net),
        Decimals.divOrZero(net, filled),
        new QuoteAmount(cumFees),
        new QuoteAmount(filled));
  }

  private static BigDecimal closeExecuted(final OrderLedger ledger) {
    BigDecimal sum = BigDecimal.ZERO;
    for (TrackedOrder o : ledger.withRole(GridExecutor.ROLE_CLOSE)) {
      sum = sum.add(o.executedBase().value());
    }
    return sum;
  }
}
