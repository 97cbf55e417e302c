package dev.osprey.domain.executor.arbitrage;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.Lifecycle;
import dev.osprey.domain.executor.MarketView;
import java.util.Map;
import java.util.Optional;

/**
 * A two-venue arbitrage (reference {@code ArbitrageExecutor}, §2.7): it watches the best ask of
 * the buying market and the best bid of the selling market and, once the spread beats {@code
 * min_profitability} after fees, buys and sells {@code order_amount} at market on both venues at
 * once, then ends COMPLETED when both legs are filled.
 *
 * <p>Immutable; the state is {@link #create} folded with the persisted events. Decisions live in
 * {@link ArbitrageDecision}, the numbers in {@link CrossVenuePnl} and {@link ArbitrageQuote}.
 */
public final class ArbitrageExecutor extends CrossVenueExecutor<ArbitrageExecutorConfig, ArbitrageExecutor> {
  /** Role of orders on the buying market. */
  public static final String ROLE_BUY = "buy";
  /** Role of orders on the selling market. */
  public static final String ROLE_SELL = "sell";

  @JsonCreator
  private ArbitrageExecutor(final ArbitrageExecutorConfig config, final Lifecycle lifecycle) {
    super(config, lifecycle, ArbitrageDecision::new);
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static ArbitrageExecutor create(final ArbitrageExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static ArbitrageExecutor restore(final ArbitrageExecutorConfig config) {
    return new ArbitrageExecutor(config, Lifecycle.initial(config.id()));
  }

  /** Every order summed by direction. */
  public BuySellLegs legs() {
    return BuySellLegs.of(orders());
  }

  @Override
  public ArbitrageExecutor apply(final ExecutorEvent event) {
    return new ArbitrageExecutor(config(), lifecycle().apply(event));
  }

  /**
   * The reference's keys ({@code buy_connector, sell_connector, buy_pair, sell_pair, buy_price,
   * sell_price, trade_pnl_pct}) plus Osprey's ({@code profitability}, the fee rates and
   * per-direction amounts). Prices and profitability are those of {@code market}, null without
   * quotes.
   */
  @Override
  protected void customInfo(
      final Map<String, Object> info, final CrossVenuePnl pnl, final MarketView market) {
    final Optional<ArbitrageQuote> quote = ArbitrageQuote.of(config(), market);
    final BuySellLegs legs = pnl.legs();
    info.put("buy_connector", config().buyingMarket().connectorName());
    info.put("sell_connector", config().sellingMarket().connectorName());
    info.put("buy_pair", config().buyingMarket().tradingPair().symbol());
    info.put("sell_pair", config().sellingMarket().tradingPair().symbol());
    info.put("buy_price", quote.map(q -> q.buyPrice().value()).orElse(null));
    info.put("sell_price", quote.map(q -> q.sellPrice().value()).orElse(null));
    info.put("trade_pnl_pct", quote.map(ArbitrageQuote::tradePnlPct).orElse(null));
    info.put("profitability", quote.map(ArbitrageQuote::profitability).orElse(null));
    info.put("min_profitability", config().minProfitability());
    info.put("gas_conversion_price", config().gasConversionPrice());
    info.put("buying_fee_pct", config().buyingFeePct());
    info.put("selling_fee_pct", config().sellingFeePct());
    info.put("buy_amount_base", legs.buyBase().value());
    info.put("buy_amount_quote", legs.buyQuote().value());
    info.put("sell_amount_base", legs.sellBase().value());
    info.put("sell_amount_quote", legs.sellQuote().value());
  }
}
