package dev.osprey.agent.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the agent's executors as it stood at the tick, with its standardized numbers in quote.
 *
 * @param side BUY, SELL, or {@code -} for types without one
 * @param status the executor's status (RUNNING, TERMINATED, …)
 * @param open false once it terminated
 * @param amountQuote its planned amount in quote
 * @param closeType the close type once terminated, else empty
 */
public record ObservedExecutor(
    String id,
    String type,
    String connector,
    String tradingPair,
    String side,
    String status,
    boolean open,
    BigDecimal amountQuote,
    BigDecimal netPnlQuote,
    BigDecimal feesQuote,
    BigDecimal volumeQuote,
    String closeType,
    Instant createdAt) {

  Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", type);
    m.put("connector", connector);
    m.put("trading_pair", tradingPair);
    m.put("side", side);
    m.put("status", status);
    m.put("amount_quote", amountQuote);
    m.put("net_pnl_quote", netPnlQuote);
    m.put("fees_quote", feesQuote);
    m.put("volume_quote", volumeQuote);
    m.put("close_type", closeType.isEmpty() ? null : closeType);
    m.put("created_at", createdAt.toString());
    return m;
  }
}
