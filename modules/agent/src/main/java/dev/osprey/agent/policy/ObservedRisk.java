package dev.osprey.agent.policy;

import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The agent's risk state at the tick: the user's limits (read-only to the agent) and what it uses of
 * them, as its risk supervisor reports them, plus today's LLM cost as the agent counted it.
 */
public record ObservedRisk(
    RiskLimits limits,
    String tradingState,
    int openExecutors,
    BigDecimal exposureQuote,
    BigDecimal dailyPnlQuote,
    BigDecimal cumulativePnlQuote,
    BigDecimal peakPnlQuote,
    BigDecimal drawdownPct,
    BigDecimal dailyLlmCostUsd) {

  public Map<String, Object> toMap() {
    final Map<String, Object> m = RecordMaps.snakeCase(this);
    m.remove("limits");
    m.put("limits", limits.toMap());
    return m;
  }
}
