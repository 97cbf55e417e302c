package dev.osprey.domain.executor.xemm;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.Lifecycle;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.arbitrage.BuySellLegs;
import dev.osprey.domain.executor.arbitrage.CrossVenueExecutor;
import dev.osprey.domain.executor.arbitrage.CrossVenuePnl;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-exchange market making (reference {@code XEMMExecutor}, §2.6): a LIMIT maker order rests
 * on the maker venue at a price derived from the taker venue's price; while it rests it is
 * replaced whenever its profitability leaves {@code [min_profitability, max_profitability]};
 * once the maker side is filled the executor hedges it at market on the taker venue and ends
 * COMPLETED when the hedge is filled.
 *
 * <p>Immutable; the state is {@link #create} folded with the persisted events. Decisions live in
 * {@link XemmDecision}, pricing in {@link XemmQuote}, the numbers in {@link CrossVenuePnl}.
 */
public final class XemmExecutor extends CrossVenueExecutor<XemmExecutorConfig, XemmExecutor> {
  /** Role of the resting orders on the maker venue. */
  public static final String ROLE_MAKER = "maker";
  /** Role of the market hedge orders on the taker venue. */
  public static final String ROLE_TAKER = "taker";

  @JsonCreator
  private XemmExecutor(final XemmExecutorConfig config, final Lifecycle lifecycle) {
    super(config, lifecycle, XemmDecision::new);
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static XemmExecutor create(final XemmExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static XemmExecutor restore(final XemmExecutorConfig config) {
    return new XemmExecutor(config, Lifecycle.initial(config.id()));
  }

  /** Base filled by every maker order, replaced ones included. */
  public Quantity makerFilled() {
    return filled(ROLE_MAKER);
  }

  /** Base filled by every hedge order. */
  public Quantity takerFilled() {
    return filled(ROLE_TAKER);
  }

  /** The maker order still live, if any (at most one at a time). */
  public Optional<TrackedOrder> liveMaker() {
    for (TrackedOrder o : orders().withRole(ROLE_MAKER)) {
      if (o.isLive()) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  @Override
  public XemmExecutor apply(final ExecutorEvent event) {
    return new XemmExecutor(config(), lifecycle().apply(event));
  }

  /**
   * The reference's keys ({@code side, maker_connector, maker_trading_pair, taker_connector,
   * taker_trading_pair, min_profitability, target_profitability_pct, max_profitability,
   * trade_profitability, tx_cost, tx_cost_pct}) plus Osprey's ({@code taker_price,
   * maker_target_price}, filled amounts per leg and direction). {@code tx_cost} is in base, as the
   * reference's; prices and profitability are those of {@code market} (null without a quote).
   */
  @Override
  protected void customInfo(
      final Map<String, Object> info, final CrossVenuePnl pnl, final MarketView market) {
    final Optional<XemmQuote> quote = XemmQuote.of(config(), market);
    final Optional<Price> resting =
        liveMaker().map(o -> o.request().price());
    final BigDecimal tradeProfitability =
        quote.isPresent() && resting.isPresent()
            ? quote.get().profitability(resting.get())
            : BigDecimal.ZERO;
    final BuySellLegs legs = pnl.legs();
    info.put("side", config().makerSide().name());
    info.put("maker_connector", config().makerMarket().connectorName());
    info.put("maker_trading_pair", config().makerMarket().tradingPair().symbol());
    info.put("taker_connector", config().takerMarket().connectorName());
    info.put("taker_trading_pair", config().takerMarket().tradingPair().symbol());
    info.put("min_profitability", config().minProfitability());
    info.put("target_profitability_pct", config().targetProfitability());
    info.put("max_profitability", config().maxProfitability());
    info.put("trade_profitability", tradeProfitability);
    info.put("tx_cost", config().txPct().multiply(config().orderAmount().value()));
    info.put("tx_cost_pct", config().txPct());
    info.put("taker_price", quote.map(q -> q.takerPrice().value()).orElse(null));
    info.put("maker_target_price", quote.map(q -> q.target().value()).orElse(null));
    info.put("maker_filled_base", makerFilled().value());
    info.put("taker_filled_base", takerFilled().value());
    info.put("buy_amount_quote", legs.buyQuote().value());
    info.put("sell_amount_quote", legs.sellQuote().value());
  }

  private Quantity filled(final String role) {
    return Quantity.sum(orders().withRole(role), TrackedOrder::executedBase);
  }
}
