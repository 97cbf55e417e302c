package dev.osprey.api.controllers;

import dev.osprey.json.Decimals18;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.risk.RiskProtocol.Denial;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON of a controller's risk: limits (absent ones as null = off), usage and trading state. */
final class RiskJson {
  private RiskJson() {}

  static Map<String, Object> limits(final RiskLimits limits) {
    final Map<String, Object> set = limits.toMap();
    final Map<String, Object> m = new LinkedHashMap<>();
    for (String key : RiskLimits.KEYS) {
      m.put(key, set.get(key));
    }
    return m;
  }

  static Map<String, Object> view(final RiskView r) {
    final Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("open_executors", r.openExecutors());
    usage.put("total_exposure_quote", Decimals18.out(r.exposureQuote()));
    usage.put("daily_pnl_quote", Decimals18.out(r.dailyPnlQuote()));
    usage.put("cumulative_pnl_quote", Decimals18.out(r.cumulativePnlQuote()));
    usage.put("peak_pnl_quote", Decimals18.out(r.peakPnlQuote()));
    usage.put("drawdown_pct", Decimals18.out(r.drawdownPct()));
    usage.put("total_executors", r.totalExecutors());
    final List<Map<String, Object>> denials = new ArrayList<>();
    for (Denial d : r.recentDenials()) {
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("executor_id", d.executorId());
      m.put("executor_type", d.type());
      m.put("error", d.reasonCode());
      m.put("message", d.message());
      m.put("at", d.at().toString());
      denials.add(m);
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("controller_id", r.controllerId());
    m.put("trading_state", r.tradingState().name());
    m.put("trading_state_reason", r.tradingStateReason());
    // What applies: the stricter of the controller's own state and the global one.
    m.put("global_trading_state", r.globalTradingState().name());
    m.put("effective_trading_state", r.effectiveTradingState().name());
    m.put("winding_down", r.windingDown());
    m.put("limits", limits(r.limits()));
    m.put("usage", usage);
    // The pre-tick gate for agents: daily loss, drawdown and LLM cost limits.
    m.put("tick_blocked", r.tickBlocked());
    m.put("block_reason", r.blockReason());
    m.put("recent_denials", denials);
    // Orders held back since this supervisor started, by reason code (not persisted).
    m.put("refused_orders", new java.util.TreeMap<>(r.refusedOrders()));
    return m;
  }
}
