package dev.osprey.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedMapsTest {
  @Test
  void shouldShowAnExecutorWithoutItsOpenFlag() {
    final Map<String, Object> m = new ObservedExecutor("e1", "position_executor", "paper",
        "BTC-USDT", "BUY", "RUNNING", true, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.TEN, "", Instant.parse("2026-03-01T00:00:00Z")).toMap();
    assertEquals(List.of("id", "type", "connector", "trading_pair", "side", "status",
        "amount_quote", "net_pnl_quote", "fees_quote", "volume_quote", "close_type", "created_at"),
        List.copyOf(m.keySet()));
    assertNull(m.get("close_type"));
    assertEquals("2026-03-01T00:00:00Z", m.get("created_at"));
  }

  @Test
  void shouldShowRiskWithItsLimitsLast() {
    final Map<String, Object> m = new ObservedRisk(RiskLimits.NONE, "ACTIVE", 2, BigDecimal.ONE,
        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO).toMap();
    assertEquals(List.of("trading_state", "open_executors", "exposure_quote", "daily_pnl_quote",
        "cumulative_pnl_quote", "peak_pnl_quote", "drawdown_pct", "daily_llm_cost_usd", "limits"),
        List.copyOf(m.keySet()));
    assertEquals(RiskLimits.NONE.toMap(), m.get("limits"));
  }

  @Test
  void shouldShowAPositionInSnakeCase() {
    assertEquals(Map.of("connector", "paper", "trading_pair", "BTC-USDT",
            "net_amount_base", BigDecimal.ONE, "breakeven_price", BigDecimal.TEN),
        new ObservedPosition("paper", "BTC-USDT", BigDecimal.ONE, BigDecimal.TEN).toMap());
  }
}
