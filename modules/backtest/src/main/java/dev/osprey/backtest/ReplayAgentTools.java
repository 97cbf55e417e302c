package dev.osprey.backtest;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.agent.routine.RoutineResult;
import dev.osprey.backtest.ReplayEngine.Desk;
import dev.osprey.backtest.ReplayEngine.Run;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.engine.agent.AgentEvent;
import dev.osprey.engine.agent.AgentProtocol;
import dev.osprey.engine.agent.AgentSpec;
import dev.osprey.engine.agent.AgentToolRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The tools of one replayed tick. Each call does at once what the live entity does over messages:
 * the same refusals ({@link AgentToolRules}), the same executor ids, the same events in the same
 * order (an executor is requested, then created or refused with the risk supervisor's reason
 * code), against the replay's executors and its risk supervisor. Calls complete before they return.
 */
final class ReplayAgentTools implements AgentTools {
  private final AgentReplay agent;
  private final Desk desk;
  private final int session;
  private final long tick;
  private final Instant now;

  /** The tools of the tick {@code started} began. */
  ReplayAgentTools(final AgentReplay agent, final Desk desk, final AgentEvent.TickStarted started) {
    this.agent = agent;
    this.desk = desk;
    this.session = started.session();
    this.tick = started.tick();
    this.now = started.at();
  }

  @Override
  public CompletionStage<ToolResult> createExecutor(final Map<String, Object> executorConfig) {
    final AgentProtocol.CreateExecutor request = new AgentProtocol.CreateExecutor(executorConfig);
    final Optional<ToolResult> refusal = refusal(request, null);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    final String id = AgentToolRules.executorId(agent.agentId(), session, tick,
        agent.state().current().orElseThrow().createsInTick());
    final ExecutorConfig config;
    try {
      config = agent.reader().read(agent.agentId(), id, executorConfig == null ? Map.of() : executorConfig);
    } catch (FieldViolation.Invalid e) {
      return refuse(request.action(), null, "INVALID_CONFIG", e.getMessage());
    } catch (IllegalArgumentException e) {
      return refuse(request.action(), null, "INVALID_CONFIG", String.valueOf(e.getMessage()));
    }
    agent.record(new AgentEvent.ExecutorRequested(session, tick, id, AgentSpec.toJson(executorConfig), now));
    final Optional<QuoteAmount> exposure = config.plannedExposure(
        desk.view(config.markets().get(0)).top().map(TopOfBook::mid));
    final List<Run> mine = agent.mine(desk);
    final PositionBook book = agent.book(mine);
    final RiskDecision decision = agent.risk().checkCreate(config, exposure, agent.usage(desk, mine, book, now),
        book, now);
    if (decision instanceof RiskDecision.Denied d) {
      return refuse(request.action(), id, d.code().name(), d.message());
    }
    agent.risk().approved(id, exposure.orElseThrow());
    desk.create(config);
    agent.record(new AgentEvent.ExecutorCreated(session, tick, id, config.type(), config.connectorName(),
        config.tradingPair().symbol(), config.side() == null ? "-" : config.side().name(),
        exposure.map(QuoteAmount::value).orElse(BigDecimal.ZERO), now));
    return done(ToolResult.ok("created " + id, Map.of("executor_id", id)));
  }

  @Override
  public CompletionStage<ToolResult> stopExecutor(final String executorId, final boolean keepPosition) {
    final AgentProtocol.StopExecutor request = new AgentProtocol.StopExecutor(executorId, keepPosition);
    final Optional<ToolResult> refusal = refusal(request, executorId);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    if (!desk.stop(executorId, keepPosition)) {
      return refuse(request.action(), null, "ALREADY_TERMINATED", "executor " + executorId + " is already terminated");
    }
    agent.record(new AgentEvent.ExecutorStopped(session, tick, executorId, keepPosition, now));
    return done(ToolResult.ok("stopping " + executorId, Map.of("executor_id", executorId)));
  }

  @Override
  public CompletionStage<ToolResult> suggestConfig(final String key, final Object value, final String reason) {
    final Optional<ToolResult> refusal = refusal(new AgentProtocol.SuggestConfig(key, value, reason), null);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    final long id = agent.state().suggestions().size() + 1L;
    agent.record(new AgentEvent.ConfigSuggested(id, session, tick, key, AgentSpec.toJson(value),
        reason == null ? "" : reason, now));
    return done(ToolResult.ok("suggestion " + id + " waits for the user's approval", Map.of("suggestion_id", id)));
  }

  @Override
  public CompletionStage<ToolResult> addLearning(final String text) {
    final Optional<ToolResult> refusal = refusal(new AgentProtocol.AddLearning(text), null);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    agent.record(new AgentEvent.LearningAdded(text.strip(), now));
    return done(ToolResult.ok("learning added", Map.of()));
  }

  @Override
  public CompletionStage<ToolResult> retireLearning(final String text) {
    final Optional<ToolResult> refusal = refusal(new AgentProtocol.RetireLearning(text), null);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    agent.record(new AgentEvent.LearningRetired(text, now));
    return done(ToolResult.ok("learning retired", Map.of()));
  }

  @Override
  public CompletionStage<ToolResult> runRoutine(final String name, final Map<String, Object> args) {
    ToolResult result;
    try {
      final RoutineResult r = agent.routines().run(name, args == null ? Map.of() : args, agent.markets());
      result = ToolResult.ofRoutine(name, r, null);
    } catch (RuntimeException e) {
      result = ToolResult.ofRoutine(name, null, e);
    }
    agent.record(new AgentEvent.RoutineRan(session, tick, name, result.ok(), result.message(), now));
    return done(result);
  }

  /** Journaled as live; a replay sends nothing: history must not reach today's subscribers. */
  @Override
  public CompletionStage<ToolResult> publish(final String topic, final Map<String, Object> message) {
    final Optional<ToolResult> refusal = refusal(new AgentProtocol.Publish(topic, message), null);
    if (refusal.isPresent()) {
      return done(refusal.get());
    }
    agent.record(new AgentEvent.Published(session, tick, topic, AgentSpec.toJson(message), now));
    return done(ToolResult.ok("published on " + topic + " (not sent in a backtest)", Map.of("topic", topic)));
  }

  /** The tool rules' refusal, journaled as the live entity journals it. */
  private Optional<ToolResult> refusal(final AgentProtocol.ToolRequest request, final String executorId) {
    final Optional<ToolResult> refusal = AgentToolRules.refusal(agent.agentId(), agent.state(), request);
    refusal.ifPresent(r -> agent.record(new AgentEvent.ActionRefused(session, tick, request.action(), executorId,
        r.code(), r.message(), now)));
    return refusal;
  }

  private CompletionStage<ToolResult> refuse(final String action, final String executorId, final String code,
      final String message) {
    agent.record(new AgentEvent.ActionRefused(session, tick, action, executorId, code, message, now));
    return done(ToolResult.refused(code, message));
  }

  private static CompletionStage<ToolResult> done(final ToolResult r) {
    return CompletableFuture.completedFuture(r);
  }
}
