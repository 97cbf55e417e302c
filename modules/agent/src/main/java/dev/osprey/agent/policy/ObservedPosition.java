package dev.osprey.agent.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Inventory the agent holds (handed over by executors stopped with {@code keep_position}).
 *
 * @param netAmountBase signed: positive long, negative short
 * @param breakevenPrice the average entry price of what is held
 */
public record ObservedPosition(
    String connector, String tradingPair, BigDecimal netAmountBase, BigDecimal breakevenPrice) {

  Map<String, Object> toMap() {
    return RecordMaps.snakeCase(this);
  }
}
