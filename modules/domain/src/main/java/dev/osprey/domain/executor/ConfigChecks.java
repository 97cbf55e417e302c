package dev.osprey.domain.executor;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Quantity;
import java.util.List;

/**
 * The validation rules most executor configs share, with the field names and messages of the
 * JSON. Each adds what a config breaks to {@code v}.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** {@code connector_name} and {@code trading_pair} are given. */
  public static void market(
      final List<FieldViolation> v, final String connectorName, final TradingPair tradingPair) {
    if (connectorName == null || connectorName.isBlank()) {
      v.add(new FieldViolation("connector_name", "is required"));
    }
    tradingPair(v, tradingPair);
  }

  /** {@code connector_name}, {@code trading_pair} and {@code side} are given. */
  public static void market(
      final List<FieldViolation> v,
      final String connectorName,
      final TradingPair tradingPair,
      final Side side) {
    market(v, connectorName, tradingPair);
    side(v, side);
  }

  public static void tradingPair(final List<FieldViolation> v, final TradingPair tradingPair) {
    if (tradingPair == null) {
      v.add(new FieldViolation("trading_pair", "is required (BASE-QUOTE)"));
    }
  }

  public static void side(final List<FieldViolation> v, final Side side) {
    if (side == null) {
      v.add(new FieldViolation("side", "is required (BUY or SELL)"));
    }
  }

  /** {@code amount} is a positive base amount. */
  public static void amount(final List<FieldViolation> v, final Quantity amount) {
    if (amount == null || !amount.isPositive()) {
      v.add(new FieldViolation("amount", "must be a positive base amount"));
    }
  }

  public static void leverage(final List<FieldViolation> v, final int leverage) {
    if (leverage < 1) {
      v.add(new FieldViolation("leverage", "must be at least 1"));
    }
  }
}
