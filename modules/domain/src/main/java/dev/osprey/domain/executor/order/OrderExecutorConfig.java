package dev.osprey.domain.executor.order;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigChecks;
import dev.osprey.domain.executor.LeveragedConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.PositionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A single order worked by one of four strategies (reference {@code OrderExecutorConfig}). {@code
 * price} is required for LIMIT and LIMIT_MAKER, {@code chaserConfig} for LIMIT_CHASER.
 */
@JsonTypeName(OrderExecutorConfig.TYPE)
public record OrderExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    Quantity amount,
    PositionAction positionAction,
    Price price,
    LimitChaserConfig chaserConfig,
    ExecutionStrategy executionStrategy,
    Integer leverage,
    String levelId)
    implements LeveragedConfig {

  public static final String TYPE = "order_executor";

  public OrderExecutorConfig {
    positionAction = positionAction == null ? PositionAction.OPEN : positionAction;
    leverage = leverage == null ? 1 : leverage;
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    ConfigChecks.market(v, connectorName, tradingPair, side);
    ConfigChecks.amount(v, amount);
    ConfigChecks.leverage(v, leverage);
    if (executionStrategy == null) {
      v.add(new FieldViolation(
          "execution_strategy", "is required (LIMIT, LIMIT_MAKER, MARKET or LIMIT_CHASER)"));
    } else {
      switch (executionStrategy) {
        case LIMIT, LIMIT_MAKER -> {
          if (price == null || price.isZero()) {
            v.add(new FieldViolation("price", "is required and positive for " + executionStrategy));
          }
        }
        case LIMIT_CHASER -> {
          if (chaserConfig == null) {
            v.add(new FieldViolation("chaser_config", "is required for LIMIT_CHASER"));
          } else {
            if (chaserConfig.distance() == null || chaserConfig.distance().signum() < 0) {
              v.add(new FieldViolation("chaser_config.distance", "must be a fraction >= 0"));
            }
            if (chaserConfig.refreshThreshold() == null || chaserConfig.refreshThreshold().signum() < 0) {
              v.add(new FieldViolation("chaser_config.refresh_threshold", "must be a fraction >= 0"));
            }
          }
        }
        case MARKET -> { }
      }
    }
    return v;
  }

  @Override
  public OrderExecutorConfig withIdentity(final String newId, final String controller, final Instant at) {
    return new OrderExecutorConfig(
        newId, controller, at, connectorName, tradingPair, side, amount, positionAction, price,
        chaserConfig, executionStrategy, leverage, levelId);
  }

  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    final Optional<Price> ref =
        price != null && executionStrategy != ExecutionStrategy.MARKET ? Optional.of(price) : mid;
    return ref.map(p -> p.times(amount));
  }

  /** One order of {@code amount} (a chaser renews it, never adds to it). */
  @Override
  public Optional<Quantity> singleTradeAmount() {
    return Optional.of(amount);
  }
}
