package dev.osprey.agent.policy;

import java.math.BigDecimal;
import java.time.Instant;
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
    final Map<String, Object> m = RecordMaps.snakeCase(this);
    m.remove("open");
    m.put("close_type", closeType.isEmpty() ? null : closeType);
    m.put("created_at", createdAt.toString());
    return m;
  }
}
