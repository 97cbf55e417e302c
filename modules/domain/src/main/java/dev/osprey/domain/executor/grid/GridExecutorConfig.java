package dev.osprey.domain.executor.grid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.LeveragedConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A grid of resting orders between {@code start_price} and {@code end_price} (reference {@code
 * GridExecutorConfig}), each level taking its own profit, with one aggregate triple barrier on the
 * inventory and a {@code limit_price} beyond which the grid gives up. {@code activation_bounds}
 * is a single fraction of mid; {@code order_frequency} is in seconds.
 *
 * <p>The take-profit order type of a grid defaults to LIMIT_MAKER, never MARKET (osprey
 * decision: a MARKET default closes every level the moment it fills). JSON input goes through
 * {@link #fromJson}, which sees whether {@code take_profit_order_type} was given; Java callers
 * pass a resolved {@link TripleBarrierConfig} (see {@link #barriers}).
 */
@JsonTypeName(GridExecutorConfig.TYPE)
public record GridExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    Price startPrice,
    Price endPrice,
    Price limitPrice,
    Side side,
    QuoteAmount totalAmountQuote,
    BigDecimal minSpreadBetweenOrders,
    QuoteAmount minOrderAmountQuote,
    Integer maxOpenOrders,
    Integer maxOrdersPerBatch,
    Long orderFrequency,
    BigDecimal activationBounds,
    BigDecimal safeExtraSpread,
    TripleBarrierConfig tripleBarrierConfig,
    Integer leverage,
    String levelId,
    Boolean deductBaseFees,
    Boolean keepPosition,
    Boolean coerceTpToStep)
    implements LeveragedConfig {

  public static final String TYPE = "grid_executor";
  /** The take-profit order type when the config does not name one. */
  public static final OrderType DEFAULT_TAKE_PROFIT_ORDER_TYPE = OrderType.LIMIT_MAKER;

  /**
   * The barriers of a grid whose config gives none: the reference's grid defaults (hummingbot's
   * {@code GridStrikeConfig.triple_barrier_config}): take profit 0.1 % per level, open and take
   * profit orders LIMIT_MAKER, no stop loss, time limit or trailing stop.
   */
  public static final TripleBarrierConfig DEFAULT_BARRIERS = new TripleBarrierConfig(
      null, new BigDecimal("0.001"), null, null, OrderType.LIMIT_MAKER, OrderType.LIMIT_MAKER,
      null, null);

  public GridExecutorConfig {
    side = side == null ? Side.BUY : side;
    tripleBarrierConfig = tripleBarrierConfig == null ? DEFAULT_BARRIERS : tripleBarrierConfig;
    minSpreadBetweenOrders =
        minSpreadBetweenOrders == null ? new BigDecimal("0.0005") : minSpreadBetweenOrders;
    minOrderAmountQuote = minOrderAmountQuote == null ? QuoteAmount.of("5") : minOrderAmountQuote;
    maxOpenOrders = maxOpenOrders == null ? 5 : maxOpenOrders;
    orderFrequency = orderFrequency == null ? 0L : orderFrequency;
    safeExtraSpread = safeExtraSpread == null ? new BigDecimal("0.0001") : safeExtraSpread;
    leverage = leverage == null ? 20 : leverage;
    deductBaseFees = deductBaseFees != null && deductBaseFees;
    keepPosition = keepPosition != null && keepPosition;
    coerceTpToStep = coerceTpToStep != null && coerceTpToStep;
  }

  /**
   * The JSON creator: as the canonical constructor, but the barrier config arrives unresolved so
   * that an absent {@code take_profit_order_type} becomes LIMIT_MAKER (the shared {@link
   * TripleBarrierConfig} would default it to MARKET, the position executor's default).
   */
  @JsonCreator
  public static GridExecutorConfig fromJson(
      final String id,
      final String controllerId,
      final Instant timestamp,
      final String connectorName,
      final TradingPair tradingPair,
      final Price startPrice,
      final Price endPrice,
      final Price limitPrice,
      final Side side,
      final QuoteAmount totalAmountQuote,
      final BigDecimal minSpreadBetweenOrders,
      final QuoteAmount minOrderAmountQuote,
      final Integer maxOpenOrders,
      final Integer maxOrdersPerBatch,
      final Long orderFrequency,
      final BigDecimal activationBounds,
      final BigDecimal safeExtraSpread,
      final BarrierInput tripleBarrierConfig,
      final Integer leverage,
      final String levelId,
      final Boolean deductBaseFees,
      final Boolean keepPosition,
      final Boolean coerceTpToStep) {
    return new GridExecutorConfig(
        id, controllerId, timestamp, connectorName, tradingPair, startPrice, endPrice, limitPrice,
        side, totalAmountQuote, minSpreadBetweenOrders, minOrderAmountQuote, maxOpenOrders,
        maxOrdersPerBatch, orderFrequency, activationBounds, safeExtraSpread,
        tripleBarrierConfig == null ? null : tripleBarrierConfig.resolve(), leverage, levelId,
        deductBaseFees, keepPosition, coerceTpToStep);
  }

  /**
   * {@code triple_barrier_config} as sent, before defaults: the fields of {@link
   * TripleBarrierConfig}, each possibly absent.
   */
  public record BarrierInput(
      BigDecimal stopLoss,
      BigDecimal takeProfit,
      Long timeLimit,
      TrailingStop trailingStop,
      OrderType openOrderType,
      OrderType takeProfitOrderType,
      OrderType stopLossOrderType,
      OrderType timeLimitOrderType) {

    /** The barrier config with the grid's defaults (take profit LIMIT_MAKER). */
    public TripleBarrierConfig resolve() {
      return new TripleBarrierConfig(
          stopLoss, takeProfit, timeLimit, trailingStop, openOrderType,
          takeProfitOrderType == null ? DEFAULT_TAKE_PROFIT_ORDER_TYPE : takeProfitOrderType,
          stopLossOrderType, timeLimitOrderType);
    }
  }

  /**
   * Barriers for a grid built in code, with the grid's default order types (open LIMIT, take
   * profit LIMIT_MAKER, stop loss and time limit MARKET). Null fields are off.
   */
  public static TripleBarrierConfig barriers(
      final BigDecimal stopLoss,
      final BigDecimal takeProfit,
      final Long timeLimit,
      final TrailingStop trailingStop) {
    return new BarrierInput(stopLoss, takeProfit, timeLimit, trailingStop, null, null, null, null)
        .resolve();
  }

  @Override
  public List<FieldViolation> validate() {
    return GridConfigRules.violations(this);
  }

  @Override
  public GridExecutorConfig withIdentity(
      final String newId, final String controller, final Instant at) {
    return new GridExecutorConfig(
        newId, controller, at, connectorName, tradingPair, startPrice, endPrice, limitPrice, side,
        totalAmountQuote, minSpreadBetweenOrders, minOrderAmountQuote, maxOpenOrders,
        maxOrdersPerBatch, orderFrequency, activationBounds, safeExtraSpread, tripleBarrierConfig,
        leverage, levelId, deductBaseFees, keepPosition, coerceTpToStep);
  }

  /** The whole budget, {@code total_amount_quote}; it needs no price. */
  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    return Optional.ofNullable(totalAmountQuote);
  }
}
