package dev.osprey.engine.risk;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.risk.OrderRules;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.risk.ControllerMarker.Marked;
import dev.osprey.engine.risk.RiskProtocol.AuthorizeOrder;
import dev.osprey.engine.risk.RiskProtocol.Command;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskProtocol.ExecutorClosed;
import dev.osprey.engine.risk.RiskProtocol.GetRisk;
import dev.osprey.engine.risk.RiskProtocol.GlobalStateUpdate;
import dev.osprey.engine.risk.RiskProtocol.RequestSpawn;
import dev.osprey.engine.risk.RiskProtocol.SetLimits;
import dev.osprey.engine.risk.RiskProtocol.SetTradingState;
import dev.osprey.engine.risk.SupervisorOutbox.BookForOrder;
import dev.osprey.engine.risk.SupervisorOutbox.BookForSpawn;
import dev.osprey.engine.risk.SupervisorOutbox.GlobalFetched;
import dev.osprey.engine.risk.SupervisorOutbox.Registered;
import dev.osprey.engine.risk.SupervisorOutbox.RegistrationFailed;
import dev.osprey.engine.risk.SupervisorOutbox.SpawnResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The risk supervisor of one {@code controller_id}: approves or denies every executor spawn
 * against the controller's user-only limits and trading state, lets each order of its executors
 * out or holds it ({@link OrderGate}), marks everything open to market every second ({@link
 * ControllerMarker}) and trips the kill switch on {@code shutdown_drawdown_pct}. Its state ({@link
 * SupervisorState}) keeps the open executors only; closed ones are folded into counters.
 *
 * <p>An approval is persisted before the executor is created and counts at once, so concurrent
 * creates are serialized here and cannot slip under a limit together. The supervisor then creates
 * the executor itself and re-sends the create after a crash until the executor confirms it (the
 * executor's create is idempotent). Every denial is persisted with its reason code.
 */
public final class RiskSupervisorEntity
    extends DurableEntity<
        RiskProtocol.Command, RiskSupervisorEntity.Event, SupervisorState> {

  // ---- protocol -------------------------------------------------------------------------------

  private record Maintain() implements Command {}

  private record MarkTick() implements Command {}

  private record IdleCheck() implements Command {}

  /** Persisted facts. */
  public interface Event extends CborSerializable {}

  public record SpawnApproved(ExecutorConfig config, BigDecimal exposureQuote, Instant at) implements Event {}

  public record SpawnConfirmed(String executorId) implements Event {}

  public record SpawnDenied(String executorId, String type, String reasonCode, String message, Instant at)
      implements Event {}

  public record ExecutorFinished(String executorId, String closeType, BigDecimal netPnlQuote, Instant at)
      implements Event {}

  public record LimitsSet(RiskLimits limits, Instant at) implements Event {}

  public record TradingStateSet(TradingState state, String reason, Instant at) implements Event {}

  public record ControllerRegistered() implements Event {}

  /** An approved executor could not be created (its config was refused): the approval is released. */
  public record SpawnAborted(String executorId, String reason, Instant at) implements Event {}

  /** The global trading state of {@code version} applies to this controller from now on. */
  public record GlobalStateSet(long version, TradingState state, String reason, Instant at) implements Event {}

  /**
   * Every open executor is being stopped (the kill switch, or a trading state set with
   * stop_executors): stops are re-sent until each has closed, and in HALTED their closing orders
   * still leave (unless {@code keepPosition}).
   */
  public record WindDownStarted(boolean keepPosition, Instant at) implements Event {}

  // ---- setup ----------------------------------------------------------------------------------

  /**
   * Supervisors are remembered, so that after a restart or a rebalance every controller that runs
   * executors or holds positions is marked to market again without waiting to be asked.
   */
  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system)
        .init(Entity.of(RiskProtocol.ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine, ctx.getShard()))
            .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  public static Behavior<Command> create(final String controllerId, final EngineContext engine) {
    return create(controllerId, engine, null);
  }

  /**
   * @param shard told to passivate a supervisor with nothing to watch (one only looked up), which
   *     would otherwise be remembered forever; null outside sharding
   */
  public static Behavior<Command> create(
      final String controllerId, final EngineContext engine, final ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(
        timers -> new RiskSupervisorEntity(ctx, timers, controllerId, engine, shard)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String controllerId;
  private final EngineContext engine;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final OrderGate orders = new OrderGate();
  private final ControllerMarker marker;
  private final SupervisorOutbox outbox;
  // A controller that has never been told the global state asks for it before it judges anything;
  // what arrives meanwhile waits here, in order.
  private boolean globalKnown;
  private final List<Command> waitingForGlobal = new ArrayList<>();

  private RiskSupervisorEntity(
      final ActorContext<Command> ctx, final TimerScheduler<Command> timers, final String controllerId,
      final EngineContext engine, final ActorRef<ClusterSharding.ShardCommand> shard) {
    super(RiskProtocol.ENTITY_KEY, controllerId, EVERY_100_KEEP_2);
    this.ctx = ctx;
    this.timers = timers;
    this.controllerId = controllerId;
    this.engine = engine;
    this.marker = new ControllerMarker(ctx, engine, controllerId);
    this.outbox = new SupervisorOutbox(ctx, engine, controllerId);
    this.shard = shard;
  }

  @Override
  public SupervisorState emptyState() {
    return SupervisorState.initial();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, SupervisorState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(RequestSpawn.class, this::onRequestSpawn)
        .onCommand(SpawnResult.class, this::onSpawnResult)
        .onCommand(ExecutorClosed.class, this::onExecutorClosed)
        .onCommand(GetRisk.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .onCommand(SetLimits.class, (s, c) ->
            Effect().persist(new LimitsSet(c.limits(), now()))
                .thenReply(c.replyTo(), next -> StatusReply.success(view(next))))
        .onCommand(SetTradingState.class, this::onSetTradingState)
        .onCommand(GlobalStateUpdate.class, this::onGlobalStateUpdate)
        .onCommand(GlobalFetched.class, this::onGlobalFetched)
        .onCommand(AuthorizeOrder.class, this::onAuthorizeOrder)
        .onCommand(BookForOrder.class, (s, c) -> {
          c.order().replyTo().tell(orders.verdict(s, c, now(), engine.settings().askTimeout()));
          return Effect().noReply();
        })
        .onCommand(BookForSpawn.class, this::onBookForSpawn)
        .onCommand(MarkTick.class, (s, c) -> {
          marker.markNow(s);
          return Effect().noReply();
        })
        .onCommand(IdleCheck.class, (s, c) -> {
          if (shard != null && !s.registered() && s.openCount() == 0) {
            shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
          }
          return Effect().noReply();
        })
        .onCommand(Marked.class, this::onMarked)
        .onCommand(Maintain.class, (s, c) -> {
          maintain(s);
          return Effect().noReply();
        })
        .onCommand(Registered.class, (s, c) ->
            s.registered() ? Effect().noReply() : Effect().persist(new ControllerRegistered()).thenNoReply())
        .onCommand(RegistrationFailed.class, (s, c) -> {
          ctx.getLog().warn("controller {}: registry did not acknowledge: {}", controllerId, c.error());
          return Effect().noReply();
        })
        .build();
  }

  private ReplyEffect<Event, SupervisorState> onRequestSpawn(final SupervisorState s, final RequestSpawn c) {
    if (!globalKnown) {
      waitingForGlobal.add(c);
      return Effect().noReply();
    }
    final ExecutorConfig config = c.config();
    if (!controllerId.equals(config.controllerId())) {
      return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.INVALID, "CONTROLLER_MISMATCH",
          "config controller_id " + config.controllerId() + " is not " + controllerId));
    }
    final Entry existing = s.executors().get(config.id());
    if (existing != null) {
      // A retried create: no second approval, just (re-)create idempotently.
      outbox.createExecutor(config, c.replyTo());
      return Effect().noReply();
    }
    final RiskDecision decision = checkSpawn(s, c, false);
    if (decision instanceof RiskDecision.Denied d && RiskRules.reducingCreateWouldPass(d)
        && config.singleTradeAmount().isPresent()) {
      // It might only reduce a held position, which is allowed past these: ask the book (rare).
      outbox.askBook((b, err) -> new BookForSpawn(c, b, err));
      return Effect().noReply();
    }
    return decide(c, decision);
  }

  private ReplyEffect<Event, SupervisorState> onBookForSpawn(final SupervisorState s, final BookForSpawn b) {
    if (b.error() != null) {
      return decide(b.spawn(), RiskRules.unavailable("held position unavailable: " + b.error().getMessage()));
    }
    final ExecutorConfig config = b.spawn().config();
    if (s.executors().containsKey(config.id())) {
      outbox.createExecutor(config, b.spawn().replyTo());   // approved meanwhile (a retried create)
      return Effect().noReply();
    }
    final BigDecimal held = OrderGate.heldNetBase(b.book(), config.connectorName(), config.tradingPair());
    final boolean onlyReduces =
        OrderRules.reduces(config.side(), config.singleTradeAmount().orElseThrow().value(), held);
    return decide(b.spawn(), checkSpawn(s, b.spawn(), onlyReduces));
  }

  private RiskDecision checkSpawn(final SupervisorState s, final RequestSpawn c, final boolean onlyReducesHeld) {
    if (marker.error() != null && s.effectiveState() != TradingState.HALTED) {
      return RiskRules.unavailable("marking open executors and held positions failed: " + marker.error());
    }
    final RiskDecision created =
        RiskRules.checkCreate(s.limits(), s.effectiveState(), marker.usage(s, now()), c.exposure(), onlyReducesHeld);
    return created instanceof RiskDecision.Denied
        ? created
        : RiskRules.checkCooldown(s.limits(), s.latestLoss(), now());
  }

  /** Persists the verdict on a spawn; an approval then creates the executor. */
  private ReplyEffect<Event, SupervisorState> decide(final RequestSpawn c, final RiskDecision decision) {
    final ExecutorConfig config = c.config();
    if (decision instanceof RiskDecision.Denied d) {
      final String code = d.code().name();
      return Effect()
          .persist(new SpawnDenied(config.id(), config.type(), code, d.message(), now()))
          .thenReply(c.replyTo(), next -> EntityError.reply(EntityError.Kind.DENIED, code, d.message()));
    }
    final BigDecimal exposure = c.exposure().map(QuoteAmount::value).orElse(BigDecimal.ZERO);
    return Effect()
        .persist(new SpawnApproved(config, exposure, now()))
        .thenRun(next -> {
          outbox.createExecutor(config, c.replyTo());
          armMaintenance(next);
        })
        .thenNoReply();
  }

  // ---- marking to market ---------------------------------------------------------------------

  /**
   * A new mark: the loss limits and the drawdown now count it, and a drawdown past
   * {@code shutdown_drawdown_pct} trips the kill switch at once.
   */
  private ReplyEffect<Event, SupervisorState> onMarked(final SupervisorState s, final Marked m) {
    marker.received(m, s.cumulativePnl());
    return marker.tripIfBroken(s, now(), List.of()).map(events -> Effect().persist(events)
            .thenRun((SupervisorState next) -> stateChanged(next, true))
            .<Event, SupervisorState>thenNoReply())
        .orElseGet(() -> Effect().noReply());
  }

  private ReplyEffect<Event, SupervisorState> onSpawnResult(final SupervisorState s, final SpawnResult c) {
    final Entry e = s.executors().get(c.executorId());
    if (c.error() != null) {
      final EntityError refused = EntityError.parse(new RuntimeException(c.error()));
      if (e != null && !e.confirmed()
          && (refused.kind() == EntityError.Kind.INVALID || refused.kind() == EntityError.Kind.CONFLICT)) {
        // Definitely not created: release the count and the exposure it held.
        return Effect().persist(new SpawnAborted(c.executorId(), refused.message(), now())).thenRun(next -> {
          if (c.replyTo() != null) {
            c.replyTo().tell(EntityError.reply(refused.kind(), refused.code(), refused.message()));
          }
        }).thenNoReply();
      }
      ctx.getLog().warn("controller {}: executor {} not confirmed: {}", controllerId, c.executorId(), c.error());
      if (c.replyTo() != null) {
        final EntityError err = refused;
        c.replyTo().tell(err.kind() == EntityError.Kind.UNAVAILABLE
            ? EntityError.reply(EntityError.Kind.UNAVAILABLE, "NOT_CONFIRMED",
                "executor " + c.executorId() + " was approved but its start is not confirmed yet: " + c.error())
            : EntityError.reply(err.kind(), err.code(), err.message()));
      }
      return Effect().noReply();
    }
    if (c.replyTo() != null) {
      c.replyTo().tell(StatusReply.success(c.view()));
    }
    if (e == null || e.confirmed()) {
      return Effect().noReply();
    }
    // Listed only once an executor runs: a create refused after approval (a 409) lists nothing.
    return Effect().persist(new SpawnConfirmed(c.executorId())).thenRun(next -> { if (!next.registered()) { outbox.register(); } }).thenNoReply();
  }

  private ReplyEffect<Event, SupervisorState> onExecutorClosed(final SupervisorState s, final ExecutorClosed c) {
    final Entry e = s.executors().get(c.executorId());
    if (e == null || !e.open()) {
      return Effect().reply(c.replyTo(), StatusReply.ack());
    }
    final String type = c.closeType() == null ? null : c.closeType().name();
    final BigDecimal pnl = c.netPnlQuote() == null ? BigDecimal.ZERO : c.netPnlQuote().value();
    final ExecutorFinished finished =
        new ExecutorFinished(c.executorId(), type, pnl, c.closedAt() == null ? now() : c.closedAt());
    return marker.tripIfBroken(s, now(), List.of(finished))
        .map(events -> Effect().persist(events)
            .thenRun((SupervisorState next) -> stateChanged(next, true))
            .thenReply(c.replyTo(), next -> StatusReply.<Done>ack()))
        .orElseGet(() -> Effect().persist(finished).thenReply(c.replyTo(), next -> StatusReply.ack()));
  }

  private ReplyEffect<Event, SupervisorState> onSetTradingState(final SupervisorState s, final SetTradingState c) {
    final List<Event> events = new ArrayList<>(2);
    events.add(new TradingStateSet(c.state(), c.reason(), now()));
    if (c.stopExecutors()) {
      events.add(new WindDownStarted(c.keepPosition(), now()));
    }
    return Effect()
        .persist(events)
        .thenRun(next -> stateChanged(next, c.stopExecutors()))
        .thenReply(c.replyTo(), next -> StatusReply.success(view(next)));
  }

  /**
   * The global state as it is now (asking for it subscribed this controller to later changes); its
   * kill switch, if any, tripped before this controller had executors to stop.
   */
  private ReplyEffect<Event, SupervisorState> onGlobalFetched(final SupervisorState s, final GlobalFetched c) {
    if (c.error() != null) {
      ctx.getLog().warn("controller {}: global trading state unavailable ({}); asking again", controllerId, c.error());
      ctx.scheduleOnce(Duration.ofSeconds(1), ctx.getSelf(), new Maintain());
      return Effect().noReply();
    }
    final GlobalRiskEntity.State g = c.global();
    final var effect = g.version() > s.globalVersion()
        ? Effect().persist(new GlobalStateSet(g.version(), g.state(), g.reason(), now()))
        : Effect().<SupervisorState>none();
    return effect.thenRun(next -> globalIsKnown()).thenNoReply();
  }

  private void globalIsKnown() {
    globalKnown = true;
    waitingForGlobal.forEach(ctx.getSelf()::tell);
    waitingForGlobal.clear();
  }

  private ReplyEffect<Event, SupervisorState> onGlobalStateUpdate(final SupervisorState s, final GlobalStateUpdate c) {
    if (c.version() <= s.globalVersion()) {
      return Effect().reply(c.replyTo(), StatusReply.ack());
    }
    final List<Event> events = new ArrayList<>(2);
    events.add(new GlobalStateSet(c.version(), c.state(), c.reason(), now()));
    if (c.stopExecutors()) {
      events.add(new WindDownStarted(c.keepPosition(), now()));
    }
    return Effect()
        .persist(events)
        .thenRun(next -> {
          stateChanged(next, c.stopExecutors());
          globalIsKnown();
        })
        .thenReply(c.replyTo(), next -> StatusReply.ack());
  }

  /**
   * After a trading state change: stop every open executor when asked to, and tell the open
   * executors, whose held orders may leave now (or must wait).
   */
  private void stateChanged(final SupervisorState s, final boolean stop) {
    if (stop) {
      outbox.stopOpenExecutors(s);
    }
    outbox.notifyOpenExecutors(s);
    armMaintenance(s);
  }

  /**
   * Re-sends what is not confirmed yet, on a timer, until nothing is left: creates of approved
   * executors that have not confirmed, and, while winding down, stops to executors still open
   * (an executor confirms a stop by closing; a repeated stop is harmless).
   */
  private void maintain(final SupervisorState s) {
    if (!globalKnown) {
      outbox.fetchGlobal();
    }
    for (Entry e : s.executors().values()) {
      if (!e.confirmed()) {
        outbox.createExecutor(e.config(), null);
      }
    }
    if (s.windDownKeep() != null) {
      outbox.stopOpenExecutors(s);
    }
    armMaintenance(s);
  }

  private void armMaintenance(final SupervisorState s) {
    if (s.anyUnconfirmed() || (s.windDownKeep() != null && s.openCount() > 0)) {
      if (!timers.isTimerActive("maintain")) {
        timers.startTimerWithFixedDelay("maintain", new Maintain(), engine.settings().notifyRetryInterval());
      }
    } else {
      timers.cancel("maintain");
    }
  }

  private ReplyEffect<Event, SupervisorState> onAuthorizeOrder(final SupervisorState s, final AuthorizeOrder c) {
    if (!globalKnown) {
      waitingForGlobal.add(c);
      return Effect().noReply();
    }
    if (s.effectiveState() == TradingState.REDUCING && c.executorNetBase().signum() == 0) {
      // Whether it reduces depends on the held position: ask the book (rare: only in REDUCING).
      outbox.askBook((b, err) -> new BookForOrder(c, b, err));
      return Effect().noReply();
    }
    return Effect().reply(c.replyTo(), orders.verdict(s, c, BigDecimal.ZERO, now()));
  }

  @Override
  public SignalHandler<SupervisorState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), s -> {
          // A controller that subscribed (or is registered) is told of every global change.
          globalKnown = s.registered() || s.globalVersion() > 0;
          maintain(s);
          timers.startTimerWithFixedDelay("mark", new MarkTick(), engine.settings().riskMarkInterval());
          timers.startTimerWithFixedDelay("idle", new IdleCheck(), engine.settings().passivateTerminatedAfter());
          marker.markNow(s);
          if (!s.registered() && s.executors().values().stream().anyMatch(Entry::confirmed)) {
            outbox.register();
          }
        })
        .build();
  }

  // ---- events ---------------------------------------------------------------------------------

  @Override
  public EventHandler<SupervisorState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(RiskSupervisorEvents::apply);
  }

  // ---- views ----------------------------------------------------------------------------------

  private RiskProtocol.RiskView view(final SupervisorState s) {
    return RiskViews.of(controllerId, s, marker, orders.refusedOrders(), now());
  }

  private Instant now() {
    return engine.clock().instant();
  }
}
