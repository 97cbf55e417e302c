package dev.osprey.domain.executor.xemm;

import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The XEMM pricing of one instant (reference §2.6):
 *
 * <ul>
 *   <li>{@code taker_price}: what hedging {@code order_amount} at market would get. The reference
 *       takes the VWAP over the book's depth for that amount; a top-of-book view has no depth, so
 *       it degenerates to the best price of the hedge's side: the ask for a taker BUY, the bid for
 *       a taker SELL;
 *   <li>{@code tx_pct = maker_fee_pct + taker_fee_pct} (the reference's {@code tx_cost /
 *       order_amount} for percentage fees);
 *   <li>{@code target}: maker BUY {@code taker / (1 + target_profitability + tx_pct)}, maker SELL
 *       {@code taker / (1 − target_profitability − tx_pct)}, so that a maker order at the target
 *       earns exactly {@code target_profitability} after fees by the measure below;
 *   <li>{@code profitability} of a maker order at {@code p}: maker BUY {@code (taker − p) / p},
 *       maker SELL {@code (p − taker) / p}; net of fees it is {@code profitability − tx_pct}.
 * </ul>
 */
record XemmQuote(Side makerSide, Price takerPrice, BigDecimal txPct, Price target) {

  /** The quote on {@code market}; empty until the taker market has a quote. */
  static Optional<XemmQuote> of(final XemmExecutorConfig config, final MarketView market) {
    return market.top(config.takerMarket()).map(top -> of(config, top));
  }

  static XemmQuote of(final XemmExecutorConfig config, final TopOfBook takerBook) {
    final Side maker = config.makerSide();
    final Price taker = takerBook.takerPrice(config.takerSide());
    final BigDecimal tx = config.txPct();
    final BigDecimal t = config.targetProfitability();
    final BigDecimal divisor =
        maker == Side.BUY
            ? BigDecimal.ONE.add(t).add(tx)
            : BigDecimal.ONE.subtract(t).subtract(tx);
    return new XemmQuote(maker, taker, tx, new Price(Decimals.div(taker.value(), divisor)));
  }

  /** Gross profitability of a maker order at {@code makerPrice} against this taker price. */
  BigDecimal profitability(final Price makerPrice) {
    final BigDecimal p = makerPrice.value();
    final BigDecimal edge =
        makerSide == Side.BUY ? takerPrice.value().subtract(p) : p.subtract(takerPrice.value());
    return Decimals.div(edge, p);
  }

  /** {@link #profitability} net of fees: what the refresh rule compares with min and max. */
  BigDecimal netProfitability(final Price makerPrice) {
    return profitability(makerPrice).subtract(txPct);
  }

  /** True when a maker order at {@code makerPrice} must be replaced: net below min or above max. */
  boolean outOfBand(final Price makerPrice, final BigDecimal min, final BigDecimal max) {
    final BigDecimal net = netProfitability(makerPrice);
    return net.compareTo(min) < 0 || net.compareTo(max) > 0;
  }
}
