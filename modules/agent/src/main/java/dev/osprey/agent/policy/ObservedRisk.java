package dev.osprey.agent.policy;

import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("trading_state", tradingState);
    m.put("open_executors", openExecutors);
    m.put("exposure_quote", exposureQuote);
    m.put("daily_pnl_quote", dailyPnlQuote);
    m.put("cumulative_pnl_quote", cumulativePnlQuote);
    m.put("peak_pnl_quote", peakPnlQuote);
    m.put("drawdown_pct", drawdownPct);
    m.put("daily_llm_cost_usd", dailyLlmCostUsd);
    m.put("limits", limits.toMap());
    return m;
  }
}
