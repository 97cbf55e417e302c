package dev.osprey.llm;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.market.Candle;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A grid agent on SOL-USDT and its ticks, for the LLM policy's tests. */
final class Ticks {
  static final String AGENT = "sol-grid";
  static final Instant T0 = Instant.parse("2026-03-27T14:30:00Z");
  static final String INSTRUCTIONS = "## Goal\nProvide liquidity around the mid-price.\n\n"
      + "## Strategy Rules\n1. Widen spreads during high volatility (ATR > 2%)";
  static final String LEARNING = "[2026-03-26 09:15] Wider spreads reduced adverse selection";
  static final String JOURNAL = "# Grid Market Maker, session 1\n\n## Ticks\n- #1 holding";

  private Ticks() {}

  static AgentDefinition agent() {
    final Map<String, Object> configs = new LinkedHashMap<>();
    configs.put("trading_pair", "SOL-USDT");
    configs.put("spread_percentage", new BigDecimal("0.3"));
    return new AgentDefinition(AGENT, "Grid Market Maker", "Liquidity on SOL", Duration.ofSeconds(60),
        List.of("binance_perpetual"), configs, limits(), "llm", INSTRUCTIONS);
  }

  static RiskLimits limits() {
    return RiskLimits.fromMap(Map.of("max_open_executors", 1, "max_single_order_quote", "100"));
  }

  /** Tick {@code n} of session 1. */
  static TickContext tick(final long n) {
    final AgentDefinition agent = agent();
    return new TickContext(AGENT, 1, n, T0.plusSeconds(60 * n), agent, agent.configs(), List.of(LEARNING),
        JOURNAL, observation());
  }

  static Observation observation() {
    final Candle candle = new Candle(T0.minusSeconds(60), Price.of("150.00"), Price.of("150.40"),
        Price.of("149.90"), Price.of("150.15"));
    final ObservedMarket market = new ObservedMarket("binance_perpetual", "binance_perpetual_paper_trade",
        "SOL-USDT", Optional.of(new BigDecimal("150.10")), Optional.of(new BigDecimal("150.20")),
        List.of(candle));
    final ObservedExecutor executor = new ObservedExecutor("ex-0", "grid_executor", "binance_perpetual",
        "SOL-USDT", "BUY", "RUNNING", true, new BigDecimal("100"), new BigDecimal("1.25"),
        new BigDecimal("1E-8"), new BigDecimal("250"), "", T0.minusSeconds(600));
    final ObservedPosition position = new ObservedPosition("binance_perpetual", "SOL-USDT",
        new BigDecimal("0.5"), new BigDecimal("149.80"));
    final ObservedRisk risk = new ObservedRisk(limits(), "ACTIVE", 1, new BigDecimal("100"),
        new BigDecimal("1.25"), new BigDecimal("3.50"), new BigDecimal("4.00"), new BigDecimal("0.5"),
        new BigDecimal("0.012"));
    return new Observation(T0, List.of(market), List.of(executor), List.of(position), risk);
  }

  /** Settings for the stub at {@code baseUrl}: $2.50 in, $10 out per million tokens. */
  static LlmSettings settings(final String baseUrl, final int maxToolRounds) {
    return new LlmSettings(baseUrl, "stub-model", "sk-test-secret-123", maxToolRounds,
        new BigDecimal("2.50"), new BigDecimal("10"), Duration.ofSeconds(10));
  }
}
