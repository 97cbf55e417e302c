package dev.osprey.domain.executor.arbitrage;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.Lifecycle;
import dev.osprey.domain.executor.LifecycleExecutor;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A two-venue arbitrage (reference {@code ArbitrageExecutor}, §2.7): it watches the best ask of
 * the buying market and the best bid of the selling market and, once the spread beats {@code
 * min_profitability} after fees, buys and sells {@code order_amount} at market on both venues at
 * once, then ends COMPLETED when both legs are filled.
 *
 * <p>Immutable; the state is {@link #create} folded with the persisted events. Decisions live in
 * {@link ArbitrageDecision}, the numbers in {@link CrossVenuePnl} and {@link ArbitrageQuote}.
 */
public final class ArbitrageExecutor extends LifecycleExecutor<ArbitrageExecutorConfig> {
  /** Role of orders on the buying market. */
  public static final String ROLE_BUY = "buy";
  /** Role of orders on the selling market. */
  public static final String ROLE_SELL = "sell";
  /** Failures tolerated; one more ends the executor FAILED (the orchestrator's default). */
  public static final int MAX_RETRIES = 10;
  /** Pause before re-sending a refused leg (the reference's one-second control loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  /**
   * Traded orders go to the position book on POSITION_HOLD and on FAILED too: a failed
   * cross-venue executor can be left one-sided, and its fills are better netted in the book than
   * orphaned in the account.
   */
  static final Set<CloseType> HANDED_OVER = EnumSet.of(CloseType.POSITION_HOLD, CloseType.FAILED);


  @JsonCreator
  private ArbitrageExecutor(final ArbitrageExecutorConfig config, final Lifecycle lifecycle) {
    super(config, lifecycle);
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
  protected ArbitrageDecision decision(final MarketView market, final Instant now) {
    return new ArbitrageDecision(this, market, now);
  }

  @Override
  public ArbitrageExecutor apply(final ExecutorEvent event) {
    return new ArbitrageExecutor(config(), lifecycle().apply(event));
  }

  /** The end of the pause before a refused leg is re-sent, while one waits. */
  @Override
  public Optional<Instant> wakeUpAt() {
    return lifecycle().retryAt(RETRY_DELAY);
  }

  /** Every order that traded, once it ended POSITION_HOLD. */
  @Override
  public List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(HANDED_OVER);
  }

  /**
   * Its numbers ({@link CrossVenuePnl}); {@code custom_info} has the reference's keys ({@code
   * buy_connector, sell_connector, buy_pair, sell_pair, buy_price, sell_price, trade_pnl_pct})
   * plus Osprey's ({@code profitability}, the fee rates, per-direction amounts, retries, order
   * ids, held orders). Prices and profitability are those of {@code market}, null without quotes.
   */
  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final CrossVenuePnl pnl =
        CrossVenuePnl.of(
            BuySellLegs.of(orders()), status(), lifecycle().closeType(), market.top().map(TopOfBook::mid));
    return ExecutorReport.of(this,
        pnl.numbers(),
        status().isActive() && pnl.legs().anyFilled(),
        orders().failures(),
        lifecycle().lastError(),
        customInfo(pnl, market));
  }

  private Map<String, Object> customInfo(final CrossVenuePnl pnl, final MarketView market) {
    final Optional<ArbitrageQuote> quote = ArbitrageQuote.of(config(), market);
    final BuySellLegs legs = pnl.legs();
    final Map<String, Object> info = new LinkedHashMap<>();
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
    info.put("current_retries", lifecycle().retries());
    info.put("max_retries", MAX_RETRIES);
    info.put("order_ids", lifecycle().orderIds());
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  protected List<Object> ownState() {
    return List.of();
  }
}
