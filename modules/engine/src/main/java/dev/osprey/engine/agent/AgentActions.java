package dev.osprey.engine.agent;

import dev.osprey.agent.policy.ToolResult;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.agent.AgentEvent.ActionRefused;
import dev.osprey.engine.agent.AgentEvent.ConfigSuggested;
import dev.osprey.engine.agent.AgentEvent.ExecutorCreated;
import dev.osprey.engine.agent.AgentEvent.ExecutorRequested;
import dev.osprey.engine.agent.AgentEvent.ExecutorStopped;
import dev.osprey.engine.agent.AgentEvent.LearningAdded;
import dev.osprey.engine.agent.AgentEvent.LearningRetired;
import dev.osprey.engine.agent.AgentEvent.RoutineRan;
import dev.osprey.engine.agent.AgentProtocol.Command;
import dev.osprey.engine.agent.AgentProtocol.CreateDone;
import dev.osprey.engine.agent.AgentProtocol.CreateExecutor;
import dev.osprey.engine.agent.AgentProtocol.DecideSuggestion;
import dev.osprey.engine.agent.AgentProtocol.RoutineDone;
import dev.osprey.engine.agent.AgentProtocol.StopDone;
import dev.osprey.engine.agent.AgentProtocol.StopExecutor;
import dev.osprey.engine.agent.AgentProtocol.Tool;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.topic.TopicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;

/**
 * What an agent's policy does through its tools, and what the user decides about suggestions. Each
 * action that reaches outside is journaled before it is sent ({@link ExecutorRequested}) and after
 * it is answered; a refusal is journaled with its reason code and goes back to the policy as the
 * tool's result. Executor ids are {@code <agent>:s<session>:t<tick>:<n>}: deterministic, so a
 * create answered after a crash is looked up by id, never sent again as a new executor.
 */
final class AgentActions {
  private final ActorContext<Command> ctx;
  private final String agentId;
  private final AgentContext context;
  private final Consumer<AgentState> afterChange;

  AgentActions(final ActorContext<Command> ctx, final String agentId, final AgentContext context,
      final Consumer<AgentState> afterChange) {
    this.ctx = ctx;
    this.agentId = agentId;
    this.context = context;
    this.afterChange = afterChange;
  }

  Effect<AgentEvent, AgentState> tool(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final Tool c) {
    final boolean open = s.current()
        .map(x -> x.number() == c.session() && x.lastTick() == c.tick() && x.tickOpen()).orElse(false);
    if (!open) {
      return effect.reply(c.replyTo(), ToolResult.refused("STALE_TICK",
          "tick " + c.tick() + " of session " + c.session() + " is over; act in the current tick"));
    }
    final java.util.Optional<ToolResult> refusal = AgentToolRules.refusal(agentId, s, c.request());
    if (refusal.isPresent()) {
      final String executorId = c.request() instanceof StopExecutor r ? r.executorId() : null;
      return refuse(effect, c, executorId, refusal.get().code(), refusal.get().message());
    }
    final Instant at = now();
    if (c.request() instanceof CreateExecutor r) {
      return create(effect, s, c, r, at);
    }
    if (c.request() instanceof StopExecutor r) {
      ctx.pipeToSelf(context.executors().stop(r.executorId(), r.keepPosition()),
          (v, err) -> new StopDone(c.session(), c.tick(), r.executorId(), r.keepPosition(), err, c.replyTo()));
      return effect.none();
    }
    if (c.request() instanceof AgentProtocol.SuggestConfig r) {
      final long id = s.suggestions().size() + 1L;
      return effect.persist(new ConfigSuggested(id, c.session(), c.tick(), r.key(), AgentSpec.toJson(r.value()),
              r.reason() == null ? "" : r.reason(), at))
          .thenReply(c.replyTo(), x -> ToolResult.ok("suggestion " + id + " waits for the user's approval",
              Map.of("suggestion_id", id)));
    }
    if (c.request() instanceof AgentProtocol.AddLearning r) {
      return effect.persist(new LearningAdded(r.text().strip(), at))
          .thenReply(c.replyTo(), x -> ToolResult.ok("learning added", Map.of()));
    }
    if (c.request() instanceof AgentProtocol.RetireLearning r) {
      return effect.persist(new LearningRetired(r.text(), at))
          .thenReply(c.replyTo(), x -> ToolResult.ok("learning retired", Map.of()));
    }
    if (c.request() instanceof AgentProtocol.Publish r) {
      final String json = AgentSpec.toJson(r.message());
      return effect.persist(new AgentEvent.Published(c.session(), c.tick(), r.topic(), json, at))
          .thenRun(x -> context.topics().publish(new TopicEvent(r.topic(), json, "agent:" + agentId, at)))
          .thenReply(c.replyTo(), x -> ToolResult.ok("published on " + r.topic(), Map.of("topic", r.topic())));
    }
    final AgentProtocol.RunRoutine r = (AgentProtocol.RunRoutine) c.request();
    ctx.pipeToSelf(context.routines().run(agentId, r.name(), r.args() == null ? Map.of() : r.args()),
        (result, err) -> new RoutineDone(c.session(), c.tick(), r.name(),
            err == null ? result : ToolResult.refused("UNAVAILABLE", String.valueOf(err.getMessage())), c.replyTo()));
    return effect.none();
  }

  private Effect<AgentEvent, AgentState> create(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final Tool c,
      final CreateExecutor r, final Instant at) {
    final String id = AgentToolRules.executorId(agentId, c.session(), c.tick(), s.current().orElseThrow().createsInTick());
    final ExecutorConfig config;
    try {
      config = context.configReader().read(agentId, id, r.config() == null ? Map.of() : r.config());
    } catch (FieldViolation.Invalid e) {
      return refuse(effect, c, null, "INVALID_CONFIG", e.getMessage());
    } catch (IllegalArgumentException e) {
      return refuse(effect, c, null, "INVALID_CONFIG", String.valueOf(e.getMessage()));
    }
    return effect.persist(new ExecutorRequested(c.session(), c.tick(), id, AgentSpec.toJson(r.config()), at))
        .thenRun(x -> ctx.pipeToSelf(context.executors().create(config),
            (v, err) -> new CreateDone(c.session(), c.tick(), id, v, err, c.replyTo())));
  }

  Effect<AgentEvent, AgentState> createDone(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final CreateDone c) {
    if (c.error() != null) {
      final EntityError e = errorOf(c.error());
      return effect.persist(new ActionRefused(c.session(), c.tick(), "create_executor", c.executorId(), e.code(),
              e.message(), now()))
          .thenRun(afterChange::accept)
          .thenReply(c.replyTo() == null ? ctx.getSystem().ignoreRef() : c.replyTo(),
              x -> ToolResult.refused(e.code(), e.message()));
    }
    final ExecutorView v = c.view();
    final ExecutorConfig config = v.config();
    final Optional<QuoteAmount> planned = config.plannedExposure(context.venues().get(config.connectorName())
        .flatMap(venue -> venue.topOfBook(config.tradingPair())).map(t -> t.mid()));
    final BigDecimal amount = planned.map(QuoteAmount::value).orElse(BigDecimal.ZERO);
    return effect.persist(new ExecutorCreated(c.session(), c.tick(), c.executorId(), config.type(),
            config.connectorName(), config.tradingPair().symbol(), config.side() == null ? "-" : config.side().name(),
            amount, now()))
        .thenReply(c.replyTo() == null ? ctx.getSystem().ignoreRef() : c.replyTo(),
            x -> ToolResult.ok("created " + c.executorId(), Map.of("executor_id", c.executorId())));
  }

  Effect<AgentEvent, AgentState> stopDone(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final StopDone c) {
    if (c.error() != null) {
      final EntityError e = errorOf(c.error());
      return refuse(effect, c.session(), c.tick(), "stop_executor", null, e.code(), e.message(), c.replyTo());
    }
    return effect.persist(new ExecutorStopped(c.session(), c.tick(), c.executorId(), c.keepPosition(), now()))
        .thenReply(c.replyTo(), x -> ToolResult.ok("stopping " + c.executorId(), Map.of("executor_id", c.executorId())));
  }

  Effect<AgentEvent, AgentState> routineDone(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final RoutineDone c) {
    final ToolResult r = c.result();
    return effect.persist(new RoutineRan(c.session(), c.tick(), c.routine(), r.ok(), r.message(), now()))
        .thenReply(c.replyTo(), x -> r);
  }

  Effect<AgentEvent, AgentState> decideSuggestion(
      final EffectFactories<AgentEvent, AgentState> effect, final AgentState s, final DecideSuggestion c) {
    final Optional<AgentState.Suggestion> found = s.suggestion(c.suggestionId());
    if (found.isEmpty()) {
      return effect.reply(c.replyTo(), EntityError.reply(EntityError.Kind.NOT_FOUND, "NOT_FOUND",
          "agent " + agentId + " has no suggestion " + c.suggestionId()));
    }
    if (!found.get().status().equals("PENDING")) {
      return effect.reply(c.replyTo(), EntityError.reply(EntityError.Kind.CONFLICT, "ALREADY_DECIDED",
          "suggestion " + c.suggestionId() + " is already " + found.get().status().toLowerCase()));
    }
    final AgentEvent event = c.approve()
        ? new AgentEvent.SuggestionApproved(c.suggestionId(), c.by(), now())
        : new AgentEvent.SuggestionRejected(c.suggestionId(), c.by(), c.reason() == null ? "" : c.reason(), now());
    return effect.persist(event).thenReply(c.replyTo(), StatusReply::success);
  }

  /** After recovery: executors asked for whose create was never answered are looked up by id. */
  void reconcilePending(final AgentState s) {
    s.current().ifPresent(session -> session.pendingCreates().forEach(id ->
        ctx.pipeToSelf(context.executors().get(id), (v, err) -> new CreateDone(session.number(),
            session.lastTick(), id, v, err == null ? null : new EntityError.GatewayException(new EntityError(
                EntityError.Kind.UNAVAILABLE, "INTERRUPTED",
                "the node stopped before the create was answered, and the executor does not exist")), null))));
  }

  private Effect<AgentEvent, AgentState> refuse(
      final EffectFactories<AgentEvent, AgentState> effect, final Tool c, final String executorId,
      final String code, final String message) {
    return refuse(effect, c.session(), c.tick(), c.request().action(), executorId, code, message, c.replyTo());
  }

  private Effect<AgentEvent, AgentState> refuse(
      final EffectFactories<AgentEvent, AgentState> effect, final int session, final long tick, final String action,
      final String executorId, final String code, final String message, final ActorRef<ToolResult> replyTo) {
    return effect.persist(new ActionRefused(session, tick, action, executorId, code, message, now()))
        .thenReply(replyTo, x -> ToolResult.refused(code, message));
  }

  /** A gateway failure as the entity's error (its reason code survives). */
  static EntityError errorOf(final Throwable error) {
    final Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return t instanceof EntityError.GatewayException g ? g.error() : EntityError.parse(t);
  }

  private Instant now() {
    return context.clock().instant();
  }
}
