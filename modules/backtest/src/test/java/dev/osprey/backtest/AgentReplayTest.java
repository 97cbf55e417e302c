package dev.osprey.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.agent.AgentEvent;
import dev.osprey.engine.agent.ApiExecutorConfigReader;
import dev.osprey.json.ApiJson;
import dev.osprey.json.VenueFees;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The replayed tick itself, with policies written for the test: timing, failures and refusals. */
class AgentReplayTest {
  private static final Instant T0 = Instant.parse("2025-12-06T00:00:00Z");
  private static final ConnectorPair MARKET = new ConnectorPair("paper", TradingPair.parse("SOL-USDC"));

  /** A policy that does what the test says, and remembers what its tools answered. */
  private static final class Scripted implements Policy {
    final BiFunction<TickContext, AgentTools, CompletionStage<ToolResult>> action;
    final List<ToolResult> answers = new ArrayList<>();
    final List<Long> ticks = new ArrayList<>();

    Scripted(final BiFunction<TickContext, AgentTools, CompletionStage<ToolResult>> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public CompletionStage<PolicyOutcome> decide(final TickContext tick, final AgentTools tools) {
      ticks.add(tick.tick());
      return action.apply(tick, tools).thenApply(r -> {
        answers.add(r);
        return PolicyOutcome.rule(r.code(), r.ok() ? 1 : 0);
      });
    }
  }

  private static AgentReplay agent(final Policy policy) {
    final AgentDefinition d = new AgentDefinition("demo", "Demo", "", Duration.ofSeconds(60), List.of("paper"),
        Map.of("trading_pair", "SOL-USDC"), RiskLimits.fromMap(Map.of("max_single_order_quote", "100")),
        "scripted", "");
    final ReplayClock clock = new ReplayClock(T0);
    final Set<String> venues = Set.of("paper");
    return new AgentReplay(d, List.of(), policy, clock, new ReplayMarkets(clock, venues::contains),
        new ApiExecutorConfigReader(ApiJson.mapper(), VenueFees.NONE, venues::contains, clock::instant), 60);
  }

  private static List<TickLine> run(final AgentReplay agent, final long... seconds) {
    final List<MarketRow> rows = new ArrayList<>();
    for (long s : seconds) {
      rows.add(new MarketRow(T0.plusSeconds(s), MARKET, Price.of("100"), Price.of("100.1")));
    }
    agent.start(T0);
    new ReplayEngine(Executors.standard(), Map.of()).run(List.of(), rows, List.of(), agent);
    return agent.state().current().orElseThrow().ticks();
  }

  @Test
  void shouldTickOnTheDataClockBetweenSparseQuotesButNotPastTheLastOne() {
    final Scripted policy = new Scripted((t, tools) -> CompletableFuture.completedFuture(ToolResult.ok("held", Map.of())));
    final List<TickLine> ticks = run(agent(policy), 0, 300, 330);
    // Due every 60 s from the start: 0, 60, …, 300 (six ticks); 360 is after the last quote (330).
    assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240),
        T0.plusSeconds(300)), ticks.stream().map(TickLine::at).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), policy.ticks);
  }

  @Test
  void shouldRecordABrokenPolicyAsAFailedTickAndGoOnTicking() {
    final Scripted policy = new Scripted((t, tools) -> {
      if (t.tick() == 1) {
        throw new IllegalStateException("boom");
      }
      return CompletableFuture.completedFuture(ToolResult.ok("fine", Map.of()));
    });
    final List<TickLine> ticks = run(agent(policy), 0, 60);
    assertEquals(TickOutcome.FAILED, ticks.get(0).outcome());
    assertEquals("policy failed: boom", ticks.get(0).summary());
    assertEquals(TickOutcome.OK, ticks.get(1).outcome());
  }

  @Test
  void shouldAnswerARiskDenialWithItsReasonCodeAndJournalIt() {
    final Scripted policy = new Scripted((t, tools) -> tools.createExecutor(Map.of("type", "order_executor",
        "connector_name", "paper", "trading_pair", "SOL-USDC", "side", "BUY", "amount", "2",
        "execution_strategy", "MARKET")));
    final AgentReplay agent = agent(policy);
    run(agent, 0);
    // 2 SOL at the mid 100.05 is 200.1 quote, over max_single_order_quote 100.
    final ToolResult answer = policy.answers.get(0);
    assertEquals("MAX_SINGLE_ORDER", answer.code());
    assertEquals("max_single_order_quote 100 exceeded: order 200.1", answer.message());
    final List<AgentEvent> events = agent.events();
    assertEquals(List.of("AgentCreated", "SessionStarted", "TickStarted", "ExecutorRequested", "ActionRefused",
        "TickCompleted"),
        events.stream().map(e -> e.getClass().getSimpleName()).toList());
    final AgentEvent.ActionRefused refused = (AgentEvent.ActionRefused) events.get(4);
    assertEquals("demo:s1:t1:0", refused.executorId());
    assertEquals("MAX_SINGLE_ORDER", refused.code());
  }

  @Test
  void shouldRefuseALimitSuggestionAndCreateAnExecutorWithinTheLimit() {
    final Scripted policy = new Scripted((t, tools) -> tools.suggestConfig("max_single_order_quote", 1000, "bigger")
        .thenCompose(r -> {
          assertEquals("FORBIDDEN", r.code());
          return tools.createExecutor(Map.of("type", "order_executor", "connector_name", "paper",
              "trading_pair", "SOL-USDC", "side", "BUY", "amount", "0.5", "execution_strategy", "MARKET"));
        }));
    final AgentReplay agent = agent(policy);
    run(agent, 0);
    assertEquals(ToolResult.ok("created demo:s1:t1:0", Map.of("executor_id", "demo:s1:t1:0")), policy.answers.get(0));
    final AgentEvent.ExecutorCreated created = agent.events().stream()
        .filter(AgentEvent.ExecutorCreated.class::isInstance).map(AgentEvent.ExecutorCreated.class::cast)
        .findFirst().orElseThrow();
    assertEquals(new java.math.BigDecimal("50.025"), created.amountQuote());   // 0.5 × mid 100.05
  }
}
