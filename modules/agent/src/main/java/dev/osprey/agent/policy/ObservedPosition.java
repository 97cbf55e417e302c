package dev.osprey.agent.policy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("connector", connector);
    m.put("trading_pair", tradingPair);
    m.put("net_amount_base", netAmountBase);
    m.put("breakeven_price", breakevenPrice);
    return m;
  }
}
