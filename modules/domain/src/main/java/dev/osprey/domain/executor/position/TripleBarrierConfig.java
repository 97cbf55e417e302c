package dev.osprey.domain.executor.position;

import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;

/**
 * Exit rules of a position: fractions of P&amp;L for stop loss and take profit (0.02 = 2 %), a
 * time limit in seconds, an optional trailing stop, and the order types used to open and to exit.
 * Absent fields are off; order types default as in the reference.
 */
public record TripleBarrierConfig(
    BigDecimal stopLoss,
    BigDecimal takeProfit,
    Long timeLimit,
    TrailingStop trailingStop,
    OrderType openOrderType,
    OrderType takeProfitOrderType,
    OrderType stopLossOrderType,
    OrderType timeLimitOrderType) {

  public TripleBarrierConfig {
    openOrderType = openOrderType == null ? OrderType.LIMIT : openOrderType;
    takeProfitOrderType = takeProfitOrderType == null ? OrderType.MARKET : takeProfitOrderType;
    stopLossOrderType = stopLossOrderType == null ? OrderType.MARKET : stopLossOrderType;
    timeLimitOrderType = timeLimitOrderType == null ? OrderType.MARKET : timeLimitOrderType;
  }

  public static TripleBarrierConfig none() {
    return new TripleBarrierConfig(null, null, null, null, null, null, null, null);
  }
}
