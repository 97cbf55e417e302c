package dev.osprey.json;

import dev.osprey.domain.report.Performance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /executors/performance}: hummingbot-api's fields plus Osprey's split of held
 * positions. {@code global_pnl_pct} and {@code pnl_pct_avg} are fractions (0.02 = 2 %).
 */
public final class PerformanceJson {
  private PerformanceJson() {}

  public static Map<String, Object> of(final String controllerId, final Performance p) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("controller_id", controllerId);
    m.put("total_executors", p.totalExecutors());
    m.put("by_status", p.byStatus());
    m.put("close_type_counts", p.closeTypeCounts());
    m.put("pnl_total_quote", p.realizedPnlQuote());
    m.put("unrealized_pnl_quote", p.unrealizedPnlQuote());
    m.put("position_hold_realized_pnl_quote", p.heldRealizedPnlQuote());
    m.put("position_hold_unrealized_pnl_quote", p.heldUnrealizedPnlQuote());
    m.put("position_hold_fees_quote", p.heldFeesQuote());
    m.put("global_pnl_quote", p.globalPnlQuote());
    m.put("global_pnl_pct", p.globalPnlPct());
    m.put("pnl_pct_avg", p.pnlPctAvg());
    m.put("fees_total_quote", p.feesTotalQuote());
    m.put("volume_total_quote", p.volumeTotalQuote());
    m.put("win_rate", p.winRate());
    m.put("sharpe_ratio", p.sharpeRatio());
    final List<Map<String, Object>> byType = new ArrayList<>();
    for (Performance.TypeStats t : p.byType()) {
      final Map<String, Object> row = new LinkedHashMap<>();
      row.put("executor_type", t.executorType());
      row.put("total", t.total());
      row.put("completed", t.completed());
      row.put("running", t.running());
      row.put("pnl_quote", t.pnlQuote());
      row.put("volume_quote", t.volumeQuote());
      row.put("fees_quote", t.feesQuote());
      byType.add(row);
    }
    m.put("by_type", byType);
    m.put("active_positions", p.activePositions());
    return m;
  }
}
