package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an arbitrage would earn if both legs traded now (reference §2.7 trigger, in quote units):
 *
 * <ul>
 *   <li>{@code buy_px} = best ask on the buying market, {@code sell_px} = best bid on the selling
 *       market (with a top-of-book view the reference's VWAP for {@code order_amount} is the top
 *       price); the quotes of the two pairs are the same asset, so the conversion rate is 1;
 *   <li>{@code trade_pct = (sell_px − buy_px) / buy_px};
 *   <li>{@code fees_quote = amount·buy_px·buying_fee_pct + amount·sell_px·selling_fee_pct};
 *   <li>{@code profitability = (trade_pct·amount·buy_px − fees_quote) / (amount·buy_px)},
 *       evaluated as {@code (amount·(sell_px − buy_px) − fees_quote) / (amount·buy_px)} so that
 *       only one division rounds.
 * </ul>
 *
 * The reference values its fees in base units ({@code tx_cost / amount}); Osprey values each
 * leg's fee at that leg's price, which is what the venues charge.
 */
record ArbitrageQuote(
    Price buyPrice,
    Price sellPrice,
    BigDecimal tradePnlPct,
    QuoteAmount feesQuote,
    BigDecimal profitability) {

  /** The quote for {@code config} on {@code market}; empty until both markets have a quote. */
  static Optional<ArbitrageQuote> of(
      final ArbitrageExecutorConfig config, final MarketView market) {
    final Optional<TopOfBook> buying = market.top(config.buyingMarket());
    final Optional<TopOfBook> selling = market.top(config.sellingMarket());
    if (buying.isEmpty() || selling.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(buying.get().ask(), selling.get().bid(), config));
  }

  static ArbitrageQuote of(
      final Price buy, final Price sell, final ArbitrageExecutorConfig config) {
    final BigDecimal amount = config.orderAmount().value();
    final BigDecimal buyNotional = amount.multiply(buy.value());
    final BigDecimal fees =
        buyNotional.multiply(config.buyingFeePct())
            .add(amount.multiply(sell.value()).multiply(config.sellingFeePct()));
    final BigDecimal gross = amount.multiply(sell.value().subtract(buy.value()));
    return new ArbitrageQuote(
        buy,
        sell,
        Decimals.div(sell.value().subtract(buy.value()), buy.value()),
        new QuoteAmount(fees),
        Decimals.div(gross.subtract(fees), buyNotional));
  }

  /** Strictly above the minimum, as the reference triggers. */
  boolean beats(final BigDecimal minProfitability) {
    return profitability.compareTo(minProfitability) > 0;
  }
}
