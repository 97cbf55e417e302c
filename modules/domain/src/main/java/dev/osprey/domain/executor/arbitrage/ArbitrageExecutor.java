package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
public final class ArbitrageExecutor implements Executor {
  /** Role of orders on the buying market. */
  public static final String ROLE_BUY = "buy";
  /** Role of orders on the selling market. */
  public static final String ROLE_SELL = "sell";
  /** Failures tolerated; one more ends the executor FAILED (the orchestrator's default). */
  public static final int MAX_RETRIES = 10;
  /** Pause before re-sending a refused leg (the reference's one-second control loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final ArbitrageExecutorConfig config;
  private final CrossVenueState state;

  private ArbitrageExecutor(final ArbitrageExecutorConfig config, final CrossVenueState state) {
    this.config = config;
    this.state = state;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static ArbitrageExecutor create(final ArbitrageExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new ArbitrageExecutor(config, CrossVenueState.initial(config.id()));
  }

  @Override
  public ArbitrageExecutorConfig config() {
    return config;
  }

  /** Status, close type, orders and retries. */
  public CrossVenueState state() {
    return state;
  }

  @Override
  public RunnableStatus status() {
    return state.status();
  }

  @Override
  public Optional<CloseType> closeType() {
    return Optional.ofNullable(state.closeType());
  }

  @Override
  public OrderLedger orders() {
    return state.orders();
  }

  /** Failures counted against {@link #MAX_RETRIES} so far. */
  public int retries() {
    return state.retries();
  }

  /** When it terminated. */
  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(state.closedAt());
  }

  /** Every order summed by direction. */
  public BuySellLegs legs() {
    return state.legs();
  }

  @Override
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return ArbitrageDecision.decide(this, input, market, now);
  }

  @Override
  public ArbitrageExecutor apply(final ExecutorEvent event) {
    return new ArbitrageExecutor(config, state.apply(event));
  }

  /** The end of the pause before a refused leg is re-sent, while one waits. */
  @Override
  public Optional<Instant> wakeUpAt() {
    return state.retryAt(RETRY_DELAY);
  }

  /** Every order that traded, once it ended POSITION_HOLD. */
  @Override
  public List<HeldOrder> heldOrders() {
    return state.heldOrders();
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
            legs(), state.status(), state.closeType(), market.top().map(TopOfBook::mid));
    return new ExecutorReport(
        config.id(),
        config.type(),
        config.controllerId(),
        config.connectorName(),
        config.tradingPair(),
        config.side(),
        state.status(),
        state.closeType(),
        config.timestamp(),
        state.closedAt(),
        pnl.netPnlQuote(),
        pnl.netPnlPct(),
        pnl.cumFeesQuote(),
        pnl.filledAmountQuote(),
        QuoteAmount.ZERO,
        pnl.valueQuote(),
        state.status().isActive(),
        state.status().isActive() && pnl.legs().anyFilled(),
        state.orders().failures(),
        state.lastError(),
        customInfo(pnl, market));
  }

  private Map<String, Object> customInfo(final CrossVenuePnl pnl, final MarketView market) {
    final Optional<ArbitrageQuote> quote = ArbitrageQuote.of(config, market);
    final BuySellLegs legs = pnl.legs();
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("buy_connector", config.buyingMarket().connectorName());
    info.put("sell_connector", config.sellingMarket().connectorName());
    info.put("buy_pair", config.buyingMarket().tradingPair().symbol());
    info.put("sell_pair", config.sellingMarket().tradingPair().symbol());
    info.put("buy_price", quote.map(q -> q.buyPrice().value()).orElse(null));
    info.put("sell_price", quote.map(q -> q.sellPrice().value()).orElse(null));
    info.put("trade_pnl_pct", quote.map(ArbitrageQuote::tradePnlPct).orElse(null));
    info.put("profitability", quote.map(ArbitrageQuote::profitability).orElse(null));
    info.put("min_profitability", config.minProfitability());
    info.put("gas_conversion_price", config.gasConversionPrice());
    info.put("buying_fee_pct", config.buyingFeePct());
    info.put("selling_fee_pct", config.sellingFeePct());
    info.put("buy_amount_base", legs.buyBase().value());
    info.put("buy_amount_quote", legs.buyQuote().value());
    info.put("sell_amount_base", legs.sellBase().value());
    info.put("sell_amount_quote", legs.sellQuote().value());
    info.put("current_retries", state.retries());
    info.put("max_retries", MAX_RETRIES);
    info.put("order_ids", state.orderIds());
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof ArbitrageExecutor a && config.equals(a.config) && state.equals(a.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, state);
  }

  @Override
  public String toString() {
    return "ArbitrageExecutor[" + config.id() + " " + state.status()
        + (state.closeType() == null ? "" : " " + state.closeType())
        + " orders=" + state.orders().entries().size() + " retries=" + state.retries() + "]";
  }
}
