package dev.osprey.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.agent.AgentEvent.AgentCreated;
import dev.osprey.engine.agent.AgentEvent.ConfigSuggested;
import dev.osprey.engine.agent.AgentEvent.ExecutorCreated;
import dev.osprey.engine.agent.AgentEvent.ExecutorRequested;
import dev.osprey.engine.agent.AgentEvent.LearningAdded;
import dev.osprey.engine.agent.AgentEvent.SessionPaused;
import dev.osprey.engine.agent.AgentEvent.SessionResumed;
import dev.osprey.engine.agent.AgentEvent.SessionStarted;
import dev.osprey.engine.agent.AgentEvent.SuggestionApproved;
import dev.osprey.engine.agent.AgentEvent.TickCompleted;
import dev.osprey.engine.agent.AgentEvent.TickStarted;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agent's state as its events fold: sessions, ticks and when the next is due, suggestions, learnings, cost. */
class AgentStateTest {
  private static final Instant T0 = Instant.parse("2026-03-27T23:59:00Z");
  private static final AgentSpec SPEC = new AgentSpec("mm", "MM", "", 60, List.of("paper"),
      "{\"trading_pair\":\"SOL-USDC\",\"spread_percentage\":0.3}", RiskLimits.NONE, "grid_market_maker", "## Goal\n");

  private static AgentState fold(final AgentEvent... events) {
    AgentState s = AgentState.empty();
    for (AgentEvent e : events) {
      s = s.apply(e);
    }
    return s;
  }

  private static TickCompleted completed(final long tick, final Instant at, final String cost) {
    return new TickCompleted(1, tick, TickOutcome.OK, "ok", 0, new BigDecimal(cost), "{}", at);
  }

  @Test
  void shouldTickAtOnceThenEveryIntervalAndAtOnceAfterAResume() {
    final AgentState started = fold(new AgentCreated(SPEC, "alice", T0), new SessionStarted(1, "alice", T0));
    assertEquals(Optional.of(T0), started.nextTickAt());
    final AgentState ticking = started.apply(new TickStarted(1, 1, T0));
    assertEquals(Optional.empty(), ticking.nextTickAt(), "no tick while one is open");
    final AgentState ticked = ticking.apply(completed(1, T0.plusSeconds(2), "0"));
    assertEquals(Optional.of(T0.plusSeconds(60)), ticked.nextTickAt(), "one interval after the last start");
    final AgentState paused = ticked.apply(new SessionPaused(1, "alice", T0.plusSeconds(10)));
    assertEquals(Optional.empty(), paused.nextTickAt());
    final AgentState resumed = paused.apply(new SessionResumed(1, "alice", T0.plusSeconds(300)));
    assertEquals(Optional.of(T0.plusSeconds(300)), resumed.nextTickAt());
    assertEquals(1, resumed.current().orElseThrow().number());
  }

  @Test
  void shouldApplyASuggestionOnlyOnceApproved() {
    final AgentState suggested = fold(new AgentCreated(SPEC, "alice", T0), new SessionStarted(1, "alice", T0),
        new TickStarted(1, 1, T0), new ConfigSuggested(1, 1, 1, "spread_percentage", "0.5", "wider in chop", T0));
    assertEquals(new BigDecimal("0.3"), suggested.configs().get("spread_percentage"));
    assertEquals("PENDING", suggested.suggestion(1).orElseThrow().status());
    final AgentState approved = suggested.apply(new SuggestionApproved(1, "alice", T0.plusSeconds(5)));
    assertEquals(new BigDecimal("0.5"), approved.configs().get("spread_percentage"));
    assertEquals("alice", approved.suggestion(1).orElseThrow().decidedBy());
    assertEquals("suggest_config", approved.current().orElseThrow().decisions().get(0).action());
  }

  @Test
  void shouldKeepTwentyLearningsAndRetireTheOldest() {
    AgentState s = fold(new AgentCreated(SPEC, "alice", T0));
    for (int i = 1; i <= 21; i++) {
      s = s.apply(new LearningAdded("insight " + i, T0.plusSeconds(i)));
    }
    assertEquals(20, s.learnings().active().size());
    assertEquals("insight 21", s.learnings().active().get(0).text(), "newest first");
    assertEquals("insight 2", s.learnings().active().get(19).text());
    assertEquals(List.of("insight 1"), s.learnings().retired().stream().map(i -> i.text()).toList());
  }

  @Test
  void shouldCountCostPerUtcDay() {
    final AgentState s = fold(new AgentCreated(SPEC, "alice", T0), new SessionStarted(1, "alice", T0),
        new TickStarted(1, 1, T0), completed(1, T0, "0.75"),
        new TickStarted(1, 2, T0.plusSeconds(60)), completed(2, T0.plusSeconds(61), "0.25"));
    assertEquals(new BigDecimal("0.75"), s.costOn(T0));
    assertEquals(new BigDecimal("0.25"), s.costOn(T0.plusSeconds(61)), "a new UTC day starts at 00:00");
  }

  @Test
  void shouldSettleARequestedExecutorWhenItIsCreated() {
    final AgentState requested = fold(new AgentCreated(SPEC, "alice", T0), new SessionStarted(1, "alice", T0),
        new TickStarted(1, 1, T0), new ExecutorRequested(1, 1, "mm:s1:t1:0", "{}", T0));
    assertEquals(List.of("mm:s1:t1:0"), requested.current().orElseThrow().pendingCreates());
    assertEquals(1, requested.current().orElseThrow().createsInTick());
    final AgentState created = requested.apply(new ExecutorCreated(1, 1, "mm:s1:t1:0", "grid_executor", "paper",
        "SOL-USDC", "BUY", new BigDecimal("100"), T0));
    assertTrue(created.owns("mm:s1:t1:0"));
    assertFalse(created.owns("other:s1:t1:0"));
    assertTrue(created.current().orElseThrow().pendingCreates().isEmpty());
  }
}
