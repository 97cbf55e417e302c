package dev.osprey.agent.policy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directional policy follows the EMA cross with one position executor at a time. */
class DirectionalPolicyTest {
  private static final Map<String, Object> CONFIGS = Map.of("trading_pair", "SOL-USDC");
  private static final ObservedRisk RISK = new ObservedRisk(RiskLimits.fromMap(Map.of("max_single_order_quote", 40,
      "max_position_size_quote", 500)), "ACTIVE", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** 21 one-minute closes from {@code first}, one apart ({@code step} +1 or -1). */
  private static List<Candle> ramp(final int first, final int step) {
    final List<Candle> out = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      final Price p = Price.of(String.valueOf(first + step * i));
      out.add(new Candle(RuleTicks.NOW.minusSeconds(60L * (21 - i)), p, p, p, p));
    }
    return out;
  }

  private static PolicyOutcome decide(final RecordingTools tools, final List<Candle> candles,
      final List<ObservedExecutor> executors) {
    return RuleTicks.decide(new DirectionalPolicy(), CONFIGS, "119.95", "120.05", candles, executors, List.of(),
        RISK, tools);
  }

  @Test
  void shouldGoLongWhenTheFastEmaIsAboveTheSlowOneWithinTheSingleOrderLimit() {
    final RecordingTools tools = new RecordingTools();
    // Closes 100..120: EMA(21) is their mean 110; EMA(9), seeded at 104 with 108 closing, lags a
    // rising ramp by (1 - 0.2) / 0.2 = 4 steps: 116 at 120.
    final PolicyOutcome out = decide(tools, ramp(100, 1), List.of());
    assertEquals("EMA9 116 vs EMA21 110: BUY 0.33333333 SOL-USDC -> created mm:s1:t1:0", out.summary());
    final Map<String, Object> c = tools.creates.get(0);
    assertEquals("position_executor", c.get("type"));
    assertEquals("0.33333333", c.get("amount"));     // 40 (max_single_order_quote) / mid 120
    assertEquals(Map.of("stop_loss", "0.01", "take_profit", "0.02", "time_limit", 3600L),
        c.get("triple_barrier_config"));
  }

  @Test
  void shouldGoShortOnAFallingRampAndHoldWhileAPositionIsOpen() {
    final RecordingTools tools = new RecordingTools();
    assertTrue(decide(tools, ramp(140, -1), List.of()).summary()
        .startsWith("EMA9 124 vs EMA21 130: SELL 0.33333333 SOL-USDC"));
    final ObservedExecutor open = new ObservedExecutor("mm:s1:t1:0", "position_executor", "binance_perpetual_paper_trade",
        "SOL-USDC", "SELL", "RUNNING", true, new BigDecimal("40"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        "", RuleTicks.NOW);
    final RecordingTools holding = new RecordingTools();
    assertEquals("holding: a position on SOL-USDC is open", decide(holding, ramp(140, -1), List.of(open)).summary());
    assertTrue(holding.creates.isEmpty());
    assertEquals("waiting: EMA(21) needs 21 candles, have 3", decide(holding, ramp(100, 1).subList(0, 3), List.of())
        .summary());
  }
}
