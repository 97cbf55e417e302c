package dev.osprey.engine.agent;

import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.PreTickGate;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.agent.AgentEvent.SessionPaused;
import dev.osprey.engine.agent.AgentEvent.SessionResumed;
import dev.osprey.engine.agent.AgentEvent.SessionStarted;
import dev.osprey.engine.agent.AgentEvent.SessionStopped;
import dev.osprey.engine.agent.AgentEvent.TickCompleted;
import dev.osprey.engine.agent.AgentEvent.TickStarted;
import dev.osprey.engine.agent.AgentProtocol.ChangeSession;
import dev.osprey.engine.agent.AgentProtocol.Command;
import dev.osprey.engine.agent.AgentProtocol.Create;
import dev.osprey.engine.agent.AgentProtocol.Decided;
import dev.osprey.engine.agent.AgentProtocol.DecideSuggestion;
import dev.osprey.engine.agent.AgentProtocol.Get;
import dev.osprey.engine.agent.AgentProtocol.Observed;
import dev.osprey.engine.agent.AgentProtocol.TickCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One trading agent: its definition, its sessions and its tick loop (observe, pre-tick gate,
 * decide, act, record). Its id is the agent's slug and its {@code controller_id}, so its executors,
 * positions and risk supervisor are the execution layer's for that controller. Remembered: a
 * running session ticks again by itself after a restart or a rebalance, with the same session
 * number. A tick is journaled when it starts and when it completes; one the node died in is
 * recorded as failed on recovery (never run again), and the executors it asked for are looked up,
 * never created twice. Actions are journaled before they are sent ({@link AgentActions}).
 */
public final class AgentEntity extends EventSourcedBehavior<Command, AgentEvent, AgentState> {

  public static void init(final ActorSystem<?> system, final AgentContext context) {
    ClusterSharding.get(system).init(
        Entity.of(AgentProtocol.ENTITY_KEY, ctx -> create(ctx.getEntityId(), context, ctx.getShard()))
            .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  /**
   * @param shard told to passivate an id that was only looked up: with remember-entities on, an
   *     unknown id must not be remembered (and restarted) forever
   */
  public static Behavior<Command> create(
      final String agentId, final AgentContext context, final ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AgentEntity(ctx, timers, agentId, context, shard)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String agentId;
  private final AgentContext context;
  private final AgentObserver observer;
  private final AgentActions actions;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  /** Where this agent's topic messages arrive, and the topics it listens to now. */
  private final ActorRef<dev.osprey.engine.topic.TopicEvent> topicInbox;
  private final java.util.Set<String> subscribed = new java.util.HashSet<>();

  private AgentEntity(
      final ActorContext<Command> ctx, final TimerScheduler<Command> timers, final String agentId,
      final AgentContext context, final ActorRef<ClusterSharding.ShardCommand> shard) {
    super(PersistenceId.of(AgentProtocol.ENTITY_KEY.name(), agentId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.ctx = ctx;
    this.timers = timers;
    this.agentId = agentId;
    this.context = context;
    this.observer = new AgentObserver(context);
    this.actions = new AgentActions(ctx, agentId, context, this::scheduleTick);
    this.shard = shard;
    this.topicInbox = ctx.messageAdapter(dev.osprey.engine.topic.TopicEvent.class, AgentProtocol.TopicArrived::new);
  }

  @Override
  public AgentState emptyState() {
    return AgentState.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SignalHandler<AgentState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), s -> {
          if (s.current().map(AgentSession::tickOpen).orElse(false)) {
            ctx.getSelf().tell(new AgentProtocol.Interrupted());
          }
          actions.reconcilePending(s);
          scheduleTick(s);
        })
        .build();
  }

  @Override
  public CommandHandler<Command, AgentEvent, AgentState> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Create.class, this::onCreate)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.exists()
            ? StatusReply.success(s) : notFound()))
        .onCommand(ChangeSession.class, this::onChangeSession)
        .onCommand(DecideSuggestion.class, (s, c) -> actions.decideSuggestion(Effect(), s, c))
        .onCommand(AgentProtocol.GetConversation.class, (s, c) -> Effect().reply(c.replyTo(),
            session(s, c.session()).<StatusReply<AgentProtocol.Conversation>>map(x ->
                StatusReply.success(new AgentProtocol.Conversation(x.conversation()))).orElseGet(() -> noSession(s,
                c.session()))))
        .onCommand(AgentProtocol.AppendConversation.class, (s, c) -> session(s, c.session()).isEmpty()
            ? Effect().reply(c.replyTo(), noSession(s, c.session()))
            : Effect().persist(new AgentEvent.ConversationAppended(c.session(), c.turns(), now()))
                .thenReply(c.replyTo(), x -> StatusReply.success(new AgentProtocol.Conversation(c.turns()))))
        .onCommand(TickCheck.class, this::onTickCheck)
        .onCommand(AgentProtocol.TopicArrived.class, this::onTopicArrived)
        .onCommand(Observed.class, this::onObserved)
        .onCommand(Decided.class, this::onDecided)
        .onCommand(AgentProtocol.Interrupted.class, this::onInterrupted)
        .onCommand(AgentProtocol.Tool.class, (s, c) -> actions.tool(Effect(), s, c))
        .onCommand(AgentProtocol.CreateDone.class, (s, c) -> actions.createDone(Effect(), s, c))
        .onCommand(AgentProtocol.StopDone.class, (s, c) -> actions.stopDone(Effect(), s, c))
        .onCommand(AgentProtocol.RoutineDone.class, (s, c) -> actions.routineDone(Effect(), s, c))
        .build();
  }

  @Override
  public EventHandler<AgentState, AgentEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AgentState::apply);
  }

  private <T> StatusReply<T> notFound() {
    shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
    return EntityError.reply(EntityError.Kind.NOT_FOUND, "NOT_FOUND", "no agent " + agentId);
  }

  /** No such agent (it is passivated: nothing to remember), or an agent without that session. */
  private <T> StatusReply<T> noSession(final AgentState s, final int number) {
    return s.exists() ? EntityError.reply(EntityError.Kind.NOT_FOUND, "NOT_FOUND",
        "agent " + agentId + " has no session " + number) : notFound();
  }

  private static Optional<AgentSession> session(final AgentState s, final int number) {
    return s.sessions().stream().filter(x -> x.number() == number).findFirst();
  }

  // ---- definition and sessions ----------------------------------------------------------------

  private Effect<AgentEvent, AgentState> onCreate(final AgentState s, final Create c) {
    if (s.exists()) {
      return Effect().reply(c.replyTo(), s.spec().equals(c.spec()) ? StatusReply.success(s)
          : EntityError.reply(EntityError.Kind.CONFLICT, "AGENT_EXISTS",
              "agent " + agentId + " already exists with another definition"));
    }
    // Imported learnings (learnings.md) are journaled oldest first, as if the agent had added them.
    final java.util.List<AgentEvent> events = new java.util.ArrayList<>();
    events.add(new AgentEvent.AgentCreated(c.spec(), c.by(), now()));
    c.learnings().stream().sorted(java.util.Comparator.comparing(dev.osprey.agent.files.Insight::at))
        .forEach(i -> events.add(new AgentEvent.LearningAdded(i.text(), i.at())));
    return Effect().persist(events).thenReply(c.replyTo(), StatusReply::success);
  }

  private Effect<AgentEvent, AgentState> onChangeSession(final AgentState s, final ChangeSession c) {
    if (!s.exists()) {
      return Effect().reply(c.replyTo(), notFound());
    }
    final Optional<AgentSession> live = s.live();
    final Instant at = now();
    final AgentEvent event;
    switch (c.action()) {
      case START -> {
        if (live.isPresent()) {
          return conflict(c, "session " + live.get().number() + " is " + live.get().status().toLowerCase()
              + ": stop it before starting another");
        }
        event = new SessionStarted(s.sessions().size() + 1, c.by(), at);
      }
      case PAUSE -> {
        if (live.isEmpty() || !live.get().running()) {
          return conflict(c, "no running session to pause");
        }
        event = new SessionPaused(live.get().number(), c.by(), at);
      }
      case RESUME -> {
        if (live.isEmpty() || live.get().running()) {
          return conflict(c, "no paused session to resume");
        }
        event = new SessionResumed(live.get().number(), c.by(), at);
      }
      default -> {
        if (live.isEmpty()) {
          return conflict(c, "no session to stop");
        }
        event = new SessionStopped(live.get().number(), c.by(), at);
      }
    }
    return Effect().persist(event).thenRun(this::scheduleTick).thenReply(c.replyTo(), StatusReply::success);
  }

  private Effect<AgentEvent, AgentState> conflict(final ChangeSession c, final String why) {
    return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.CONFLICT, "SESSION_STATE", why));
  }

  // ---- the tick -------------------------------------------------------------------------------

  private void scheduleTick(final AgentState s) {
    listen(s);
    final Optional<Instant> due = s.nextTickAt();
    if (due.isEmpty()) {
      timers.cancel("tick");
      return;
    }
    final Duration wait = Duration.between(now(), due.get());
    final Duration check = context.settings().tickCheckInterval();
    timers.startSingleTimer("tick", new TickCheck(),
        wait.isNegative() ? Duration.ZERO : (wait.compareTo(check) < 0 ? wait : check));
  }

  /**
   * Listens to the configs' {@code topics} while a session runs, and to nothing otherwise. The
   * topic actor forgets this entity when it stops (passivated, moved, the node gone); it listens
   * again when it recovers.
   */
  private void listen(final AgentState s) {
    final java.util.Set<String> wanted = new java.util.HashSet<>();
    if (s.live().filter(AgentSession::running).isPresent() && s.configs().get("topics") instanceof java.util.List<?> l) {
      l.forEach(t -> {
        if (dev.osprey.engine.topic.TopicNames.isValid(String.valueOf(t))) {
          wanted.add(String.valueOf(t));
        }
      });
    }
    for (String t : java.util.List.copyOf(subscribed)) {
      if (!wanted.contains(t)) {
        context.topics().unsubscribe(t, topicInbox);
        subscribed.remove(t);
      }
    }
    for (String t : wanted) {
      if (subscribed.add(t)) {
        context.topics().subscribe(t, topicInbox);
      }
    }
  }

  /** A topic message is journaled before anything acts on it; it starts a tick of its own. */
  private Effect<AgentEvent, AgentState> onTopicArrived(final AgentState s, final AgentProtocol.TopicArrived c) {
    final Optional<AgentSession> running = s.live().filter(AgentSession::running);
    if (running.isEmpty() || !subscribed.contains(c.event().topic())) {
      return Effect().none();
    }
    return Effect().persist(new AgentEvent.TriggerReceived(running.get().number(), c.event().topic(),
        c.event().payloadJson(), now())).thenRun(this::scheduleTick);
  }

  private Effect<AgentEvent, AgentState> onTickCheck(final AgentState s, final TickCheck c) {
    final Optional<Instant> due = s.nextTickAt();
    if (due.isEmpty() || due.get().isAfter(now())) {
      scheduleTick(s);
      return Effect().none();
    }
    final AgentSession session = s.live().orElseThrow();
    final long tick = session.lastTick() + 1;
    return Effect().persist(new TickStarted(session.number(), tick, now())).thenRun(next ->
        ctx.pipeToSelf(observer.observe(agentId, next, now()),
            (obs, err) -> new Observed(session.number(), tick, obs, err)));
  }

  private boolean isOpenTick(final AgentState s, final int session, final long tick) {
    return s.current().map(x -> x.number() == session && x.lastTick() == tick && x.tickOpen()).orElse(false);
  }

  private Effect<AgentEvent, AgentState> onObserved(final AgentState s, final Observed c) {
    if (!isOpenTick(s, c.session(), c.tick())) {
      return Effect().none();
    }
    if (c.error() != null) {
      return complete(c.session(), c.tick(), TickOutcome.FAILED, "observe failed: " + why(c.error()), null,
          PolicyOutcome.rule("", 0));
    }
    final Observation obs = c.observation();
    if (PreTickGate.check(obs.risk()) instanceof RiskDecision.Denied d) {
      return complete(c.session(), c.tick(), TickOutcome.BLOCKED, d.code() + ": " + d.message(), obs,
          PolicyOutcome.rule("", 0));
    }
    final Optional<Policy> policy = context.policy(s.spec().policy());
    if (policy.isEmpty()) {
      return complete(c.session(), c.tick(), TickOutcome.FAILED, "no policy '" + s.spec().policy()
          + "' on this node (known: " + String.join(", ", context.policies().keySet()) + ")", obs,
          PolicyOutcome.rule("", 0));
    }
    final AgentSession.PendingTrigger answering = s.current().orElseThrow().triggers().answering();
    final TickContext tick = new TickContext(agentId, c.session(), c.tick(), now(), s.spec().definition(),
        s.configs(), s.learnings().active().stream().map(dev.osprey.agent.files.Insight::text).toList(),
        AgentFiles.journal(s, s.current().orElseThrow(), obs.executors(), java.util.List.of()), obs,
        Optional.ofNullable(answering).map(t -> new dev.osprey.agent.policy.Trigger(t.topic(),
            AgentSpec.fromJson(t.messageJson()), t.at())));
    final AgentTickTools tools = new AgentTickTools(ctx.getSelf(), ctx.getSystem().scheduler(),
        context.settings().toolTimeout(), c.session(), c.tick());
    ctx.pipeToSelf(decide(policy.get(), tick, tools), (out, err) -> new Decided(c.session(), c.tick(), obs, out, err));
    return Effect().none();
  }

  /** Runs the policy; a throw is a failed stage, and a policy that takes too long fails the tick. */
  private CompletionStage<PolicyOutcome> decide(final Policy policy, final TickContext tick, final AgentTickTools tools) {
    final CompletionStage<PolicyOutcome> out;
    try {
      out = policy.decide(tick, tools);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return out.toCompletableFuture()
        .orTimeout(context.settings().policyTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private Effect<AgentEvent, AgentState> onDecided(final AgentState s, final Decided c) {
    if (!isOpenTick(s, c.session(), c.tick())) {
      return Effect().none();
    }
    if (c.error() != null) {
      return complete(c.session(), c.tick(), TickOutcome.FAILED, "policy failed: " + why(c.error()),
          c.observation(), PolicyOutcome.rule("", 0));
    }
    return complete(c.session(), c.tick(), TickOutcome.OK, c.outcome().summary(), c.observation(), c.outcome());
  }

  private Effect<AgentEvent, AgentState> onInterrupted(final AgentState s, final AgentProtocol.Interrupted c) {
    final Optional<AgentSession> open = s.current().filter(AgentSession::tickOpen);
    if (open.isEmpty()) {
      return Effect().none();
    }
    return complete(open.get().number(), open.get().lastTick(), TickOutcome.FAILED,
        "interrupted: the node stopped during this tick; it is not run again", null, PolicyOutcome.rule("", 0));
  }

  private Effect<AgentEvent, AgentState> complete(
      final int session, final long tick, final TickOutcome outcome, final String summary,
      final Observation obs, final PolicyOutcome policy) {
    return Effect().persist(TickCompleted.of(session, tick, outcome, summary, obs, policy, now()))
        .thenRun(this::scheduleTick);
  }

  private static String why(final Throwable e) {
    final Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause() : e;
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "timed out";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private Instant now() {
    return context.clock().instant();
  }

  static ToolResult refused(final String code, final String message) {
    return ToolResult.refused(code, message);
  }
}
