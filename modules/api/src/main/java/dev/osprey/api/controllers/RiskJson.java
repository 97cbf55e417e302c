package dev.osprey.api.controllers;

import dev.osprey.json.Decimals18;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.gateway.ControllerRisk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON of a controller's risk: limits (absent ones as null = off), usage and trading state. */
public final class RiskJson {
  private RiskJson() {}

  static Map<String, Object> limits(final RiskLimits limits) {
    final Map<String, Object> set = limits.toMap();
    final Map<String, Object> m = new LinkedHashMap<>();
    for (String key : RiskLimits.KEYS) {
      m.put(key, set.get(key));
    }
    return m;
  }

  public static Map<String, Object> view(final ControllerRisk r) {
    final ControllerRisk.Usage u = r.usage();
    final Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("open_executors", u.openExecutors());
    // Exposure, daily and cumulative P&L and the drawdown include the latest mark to market.
    usage.put("total_exposure_quote", Decimals18.out(u.exposureQuote()));
    usage.put("held_exposure_quote", Decimals18.out(u.heldExposureQuote()));
    usage.put("daily_pnl_quote", Decimals18.out(u.dailyPnlQuote()));
    usage.put("cumulative_pnl_quote", Decimals18.out(u.cumulativePnlQuote()));
    usage.put("peak_pnl_quote", Decimals18.out(u.peakPnlQuote()));
    usage.put("drawdown_pct", Decimals18.out(u.drawdownPct()));
    usage.put("unrealized_pnl_quote", Decimals18.out(u.markedPnlQuote()));
    usage.put("marked_at", u.markedAt() == null ? null : u.markedAt().toString());
    usage.put("mark_error", u.markError());
    usage.put("total_executors", u.totalExecutors());
    final List<Map<String, Object>> denials = new ArrayList<>();
    for (ControllerRisk.Denial d : r.recentDenials()) {
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("executor_id", d.executorId());
      m.put("executor_type", d.executorType());
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
