package dev.osprey.domain.executor;

import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What the test config builders of the single-market executors (DCA, position, grid, TWAP) set
 * alike: the market (BUY on "paper" BTC-USDT by default), the activation bounds, the exit
 * barriers, the leverage and the order types. Each builder adds its own fields and builds its own
 * config from these; absent values stay null, so the config applies its defaults.
 *
 * @param <B> the concrete builder
 * @param <C> the config it builds
 * @param <R> the test run of that config
 */
public abstract class SingleMarketConfigs<
        B extends SingleMarketConfigs<B, C, R>, C extends ExecutorConfig, R>
    extends ConfigBuilder<B, C, R> {
  /** When every config is created; a run's clock starts there. */
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  public static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

  protected String connector = "paper";
  protected TradingPair pair = BTC_USDT;
  protected List<BigDecimal> bounds;
  protected Side side = Side.BUY;
  protected Integer leverage;
  protected BigDecimal stopLoss;
  protected BigDecimal takeProfit;
  protected Long timeLimit;
  protected TrailingStop trailing;
  protected OrderType openType;
  protected OrderType takeProfitType;

  /** @param runOf the run of a built config */
  protected SingleMarketConfigs(final Function<C, R> runOf) {
    super(runOf);
  }

  public B side(final Side s) {
    side = s;
    return self();
  }

  /** The venue and pair traded on. */
  public B market(final String connectorName, final TradingPair tradingPair) {
    connector = connectorName;
    pair = tradingPair;
    return self();
  }

  /** {@code activation_bounds}, as fractions of the price. */
  public B bounds(final String... fractions) {
    bounds = decimals(fractions);
    return self();
  }

  public B stopLoss(final String fraction) {
    stopLoss = decimal(fraction);
    return self();
  }

  public B takeProfit(final String fraction) {
    takeProfit = decimal(fraction);
    return self();
  }

  public B timeLimit(final long seconds) {
    timeLimit = seconds;
    return self();
  }

  /** A trailing stop; a null part stays absent, for the configs that must refuse it. */
  public B trailing(final String activation, final String delta) {
    trailing = new TrailingStop(decimal(activation), decimal(delta));
    return self();
  }

  public B leverage(final int x) {
    leverage = x;
    return self();
  }

  public B openType(final OrderType type) {
    openType = type;
    return self();
  }

  public B takeProfitType(final OrderType type) {
    takeProfitType = type;
    return self();
  }
}
