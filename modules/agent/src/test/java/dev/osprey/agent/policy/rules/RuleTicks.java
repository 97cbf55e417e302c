package dev.osprey.agent.policy.rules;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.market.Candle;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tick of a rule policy over a SOL-USDC market on binance_perpetual's paper twin. */
final class RuleTicks {
  static final Instant NOW = Instant.parse("2026-03-27T14:30:00Z");

  private RuleTicks() {}

  static PolicyOutcome decide(
      final Policy policy, final Map<String, Object> configs, final String bid, final String ask,
      final List<Candle> candles, final List<ObservedExecutor> executors, final List<ObservedPosition> positions,
      final ObservedRisk risk, final RecordingTools tools) {
    final AgentDefinition d = new AgentDefinition("mm", "Rule agent", "", Duration.ofSeconds(60),
        List.of("binance_perpetual", "jupiter"), configs, risk.limits(), policy.name(), "## Goal\n");
    final ObservedMarket market = new ObservedMarket("binance_perpetual", "binance_perpetual_paper_trade",
        "SOL-USDC", Optional.of(new BigDecimal(bid)), Optional.of(new BigDecimal(ask)), candles);
    final Observation obs = new Observation(NOW, List.of(market), executors, positions, risk);
    return policy.decide(new TickContext("mm", 1, 1, NOW, d, new LinkedHashMap<>(configs), List.of(), "", obs),
        tools).toCompletableFuture().join();
  }
}
