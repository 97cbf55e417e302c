package dev.osprey.domain.executor.grid;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule a {@link GridExecutorConfig} must keep, reported all at once with JSON field names.
 * Beyond the reference's own checks (SL and time-limit orders are MARKET) it refuses what would
 * make the level layout divide by zero or never place an order.
 */
final class GridConfigRules {
  private GridConfigRules() {}

  static List<FieldViolation> violations(final GridExecutorConfig c) {
    final List<FieldViolation> v = new ArrayList<>();
    if (c.connectorName() == null || c.connectorName().isBlank()) {
      v.add(new FieldViolation("connector_name", "is required"));
    }
    if (c.tradingPair() == null) {
      v.add(new FieldViolation("trading_pair", "is required (BASE-QUOTE)"));
    }
    positivePrice(v, "start_price", c.startPrice());
    positivePrice(v, "end_price", c.endPrice());
    positivePrice(v, "limit_price", c.limitPrice());
    if (isPositive(c.startPrice()) && isPositive(c.endPrice()) && c.startPrice().ge(c.endPrice())) {
      v.add(new FieldViolation("start_price", "must be below end_price"));
    }
    positiveQuote(v, "total_amount_quote", c.totalAmountQuote());
    positiveQuote(v, "min_order_amount_quote", c.minOrderAmountQuote());
    if (c.minSpreadBetweenOrders().signum() <= 0) {
      v.add(new FieldViolation("min_spread_between_orders", "must be a positive fraction"));
    }
    if (c.maxOpenOrders() < 1) {
      v.add(new FieldViolation("max_open_orders", "must be at least 1"));
    }
    if (c.maxOrdersPerBatch() != null && c.maxOrdersPerBatch() < 1) {
      v.add(new FieldViolation("max_orders_per_batch", "must be at least 1 when given"));
    }
    if (c.orderFrequency() < 0) {
      v.add(new FieldViolation("order_frequency", "must not be negative (seconds)"));
    }
    if (c.activationBounds() != null && c.activationBounds().signum() <= 0) {
      v.add(new FieldViolation("activation_bounds", "must be a positive fraction when given"));
    }
    if (c.safeExtraSpread().signum() < 0 || c.safeExtraSpread().compareTo(BigDecimal.ONE) >= 0) {
      v.add(new FieldViolation("safe_extra_spread", "must be a fraction in [0, 1)"));
    }
    if (c.leverage() < 1) {
      v.add(new FieldViolation("leverage", "must be at least 1"));
    }
    barriers(v, c.tripleBarrierConfig());
    final TripleBarrierConfig b = c.tripleBarrierConfig();
    if (c.side() == Side.SELL && b != null && b.takeProfit() != null
        && b.takeProfit().compareTo(BigDecimal.ONE) >= 0) {
      v.add(new FieldViolation(
          "triple_barrier_config.take_profit",
          "must be below 1 for a SELL grid (it buys back lower)"));
    }
    return v;
  }

  private static void barriers(final List<FieldViolation> v, final TripleBarrierConfig b) {
    final String p = "triple_barrier_config";
    if (b.takeProfit() == null || b.takeProfit().signum() <= 0) {
      v.add(new FieldViolation(p + ".take_profit", "is required: a positive fraction per level"));
    }
    if (b.stopLoss() != null && b.stopLoss().signum() <= 0) {
      v.add(new FieldViolation(p + ".stop_loss", "must be a positive fraction (0.02 = 2%)"));
    }
    if (b.timeLimit() != null && b.timeLimit() <= 0) {
      v.add(new FieldViolation(p + ".time_limit", "must be a positive number of seconds"));
    }
    if (b.trailingStop() != null) {
      if (b.trailingStop().activationPrice() == null) {
        v.add(new FieldViolation(p + ".trailing_stop.activation_price", "is required"));
      }
      final BigDecimal delta = b.trailingStop().trailingDelta();
      if (delta == null || delta.signum() <= 0) {
        v.add(new FieldViolation(p + ".trailing_stop.trailing_delta", "must be positive"));
      }
    }
    if (b.stopLossOrderType() != OrderType.MARKET) {
      v.add(new FieldViolation(p + ".stop_loss_order_type", "must be MARKET"));
    }
    if (b.timeLimitOrderType() != OrderType.MARKET) {
      v.add(new FieldViolation(p + ".time_limit_order_type", "must be MARKET"));
    }
  }

  private static boolean isPositive(final Price p) {
    return p != null && !p.isZero();
  }

  private static void positivePrice(
      final List<FieldViolation> v, final String field, final Price p) {
    if (!isPositive(p)) {
      v.add(new FieldViolation(field, "is required and must be positive"));
    }
  }

  private static void positiveQuote(
      final List<FieldViolation> v, final String field, final QuoteAmount q) {
    if (q == null || q.signum() <= 0) {
      v.add(new FieldViolation(field, "is required and must be positive"));
    }
  }
}
