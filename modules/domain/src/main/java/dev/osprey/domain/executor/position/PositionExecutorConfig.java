package dev.osprey.domain.executor.position;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigChecks;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.LeveragedConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A position with triple-barrier exits (reference {@code PositionExecutorConfig}). {@code
 * entryPrice} is optional (then the book's best bid for BUY / ask for SELL at start); {@code
 * amount} is in base; {@code activationBounds} are fractions of mid.
 */
@JsonTypeName(PositionExecutorConfig.TYPE)
public record PositionExecutorConfig(
    String id,
    String controllerId,
    Instant timestamp,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    Price entryPrice,
    Quantity amount,
    TripleBarrierConfig tripleBarrierConfig,
    Integer leverage,
    List<BigDecimal> activationBounds,
    String levelId)
    implements LeveragedConfig {

  public static final String TYPE = "position_executor";

  public PositionExecutorConfig {
    tripleBarrierConfig = tripleBarrierConfig == null ? TripleBarrierConfig.none() : tripleBarrierConfig;
    leverage = leverage == null ? 1 : leverage;
    activationBounds = activationBounds == null ? null : List.copyOf(activationBounds);
  }

  @Override
  public List<FieldViolation> validate() {
    final List<FieldViolation> v = new ArrayList<>();
    ConfigChecks.market(v, connectorName, tradingPair, side);
    ConfigChecks.amount(v, amount);
    if (entryPrice != null && entryPrice.isZero()) {
      v.add(new FieldViolation("entry_price", "must be positive when given"));
    }
    ConfigChecks.leverage(v, leverage);
    final TripleBarrierConfig b = tripleBarrierConfig;
    positiveIfPresent(v, "triple_barrier_config.stop_loss", b.stopLoss());
    positiveIfPresent(v, "triple_barrier_config.take_profit", b.takeProfit());
    if (b.timeLimit() != null && b.timeLimit() <= 0) {
      v.add(new FieldViolation("triple_barrier_config.time_limit", "must be a positive number of seconds"));
    }
    if (b.trailingStop() != null) {
      if (b.trailingStop().activationPrice() == null) {
        v.add(new FieldViolation("triple_barrier_config.trailing_stop.activation_price", "is required"));
      }
      if (b.trailingStop().trailingDelta() == null || b.trailingStop().trailingDelta().signum() <= 0) {
        v.add(new FieldViolation("triple_barrier_config.trailing_stop.trailing_delta", "must be positive"));
      }
    }
    if (b.stopLossOrderType() != OrderType.MARKET) {
      v.add(new FieldViolation("triple_barrier_config.stop_loss_order_type", "must be MARKET"));
    }
    if (b.timeLimitOrderType() != OrderType.MARKET) {
      v.add(new FieldViolation("triple_barrier_config.time_limit_order_type", "must be MARKET"));
    }
    if (activationBounds != null) {
      if (activationBounds.isEmpty() || activationBounds.size() > 2) {
        v.add(new FieldViolation("activation_bounds", "must have one or two fractions"));
      } else {
        for (BigDecimal x : activationBounds) {
          if (x == null || x.signum() < 0) {
            v.add(new FieldViolation("activation_bounds", "fractions must not be negative"));
            break;
          }
        }
        if (activationBounds.size() == 1 && b.openOrderType() == OrderType.MARKET) {
          v.add(new FieldViolation("activation_bounds", "a MARKET open order needs two bounds"));
        }
      }
    }
    return v;
  }

  private static void positiveIfPresent(final List<FieldViolation> v, final String field, final BigDecimal x) {
    if (x != null && x.signum() <= 0) {
      v.add(new FieldViolation(field, "must be a positive fraction (0.02 = 2%)"));
    }
  }

  @Override
  public PositionExecutorConfig withIdentity(final String newId, final String controller, final Instant at) {
    return new PositionExecutorConfig(
        newId, controller, at, connectorName, tradingPair, side, entryPrice, amount,
        tripleBarrierConfig, leverage, activationBounds, levelId);
  }

  /** Same config with the entry price fixed (used when it was resolved from the book). */
  public PositionExecutorConfig withEntryPrice(final Price price) {
    return new PositionExecutorConfig(
        id, controllerId, timestamp, connectorName, tradingPair, side, price, amount,
        tripleBarrierConfig, leverage, activationBounds, levelId);
  }

  /** Without an entry price of its own: the one the running executor resolved from the book. */
  @Override
  public PositionExecutorConfig asRunning(final ExecutorConfig running) {
    if (entryPrice == null && running instanceof PositionExecutorConfig p && p.entryPrice() != null) {
      return withEntryPrice(p.entryPrice());
    }
    return this;
  }

  @Override
  public Optional<QuoteAmount> plannedExposure(final Optional<Price> mid) {
    final Optional<Price> ref = entryPrice != null ? Optional.of(entryPrice) : mid;
    return ref.map(p -> p.times(amount));
  }
}
