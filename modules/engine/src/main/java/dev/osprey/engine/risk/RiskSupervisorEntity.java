package dev.osprey.engine.risk;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.OrderRateWindow;
import dev.osprey.domain.risk.OrderRules;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.risk.RiskProtocol.Command;
import dev.osprey.engine.risk.RiskProtocol.RequestSpawn;
import dev.osprey.engine.risk.RiskProtocol.ExecutorClosed;
import dev.osprey.engine.risk.RiskProtocol.GetRisk;
import dev.osprey.engine.risk.RiskProtocol.SetLimits;
import dev.osprey.engine.risk.RiskProtocol.SetTradingState;
import dev.osprey.engine.risk.RiskProtocol.ListExecutors;
import dev.osprey.engine.risk.RiskProtocol.GlobalStateUpdate;
import dev.osprey.engine.risk.RiskProtocol.AuthorizeOrder;
import dev.osprey.engine.risk.RiskProtocol.OrderVerdict;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskProtocol.Denial;
import dev.osprey.engine.risk.RiskProtocol.Directory;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.position.PositionBookEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The risk supervisor of one {@code controller_id}: approves or denies every executor spawn
 * against the controller's user-only limits and trading state, and keeps the controller's
 * directory of executors (open or closed, with their exposure and result).
 *
 * <p>An approval is persisted before the executor is created and counts at once, so concurrent
 * creates are serialized here and cannot slip under a limit together. The supervisor then creates
 * the executor itself and re-sends the create after a crash until the executor confirms it (the
 * executor's create is idempotent). Every denial is persisted with its reason code.
 */
public final class RiskSupervisorEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        RiskProtocol.Command, RiskSupervisorEntity.Event, RiskSupervisorEntity.State> {

  private static final int KEPT_DENIALS = 20;

  // ---- protocol -------------------------------------------------------------------------------

  private record BookForOrder(AuthorizeOrder order, PositionBook book, Throwable error) implements Command {}

  private record Maintain() implements Command {}

  private record GlobalFetched(GlobalRiskEntity.State global, String error) implements Command {}

  record SpawnResult(
      String executorId, ExecutorView view, String error, ActorRef<StatusReply<ExecutorView>> replyTo)
      implements Command {}

  record Registered() implements Command {}

  record RegistrationFailed(String error) implements Command {}

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

  // ---- replies --------------------------------------------------------------------------------

  /**
   * The supervisor's state. Entries keep spawn order. {@code globalState} (null before the first
   * global change) is the global trading state of {@code globalVersion}; {@code windDownKeep} is
   * non-null while every open executor is being stopped (keeping positions or not).
   */
  public record State(
      RiskLimits limits,
      TradingState tradingState,
      String tradingStateReason,
      Map<String, Entry> executors,
      BigDecimal cumulativePnl,
      BigDecimal peakPnl,
      List<Denial> denials,
      boolean registered,
      TradingState globalState,
      String globalReason,
      long globalVersion,
      Boolean windDownKeep)
      implements CborSerializable {

    public static State initial() {
      return new State(RiskLimits.NONE, TradingState.ACTIVE, null, Map.of(),
          BigDecimal.ZERO, BigDecimal.ZERO, List.of(), false, null, null, 0, null);
    }

    /** What this controller may do: the stricter of its own and the global trading state. */
    TradingState effectiveState() {
      return tradingState.stricter(globalState);
    }

    int openCount() {
      int n = 0;
      for (Entry e : executors.values()) {
        if (e.open()) {
          n++;
        }
      }
      return n;
    }

    boolean anyUnconfirmed() {
      for (Entry e : executors.values()) {
        if (!e.confirmed()) {
          return true;
        }
      }
      return false;
    }

    BigDecimal exposure() {
      BigDecimal x = BigDecimal.ZERO;
      for (Entry e : executors.values()) {
        if (e.open()) {
          x = x.add(e.exposureQuote());
        }
      }
      return x;
    }

    /** Realized P&L of executors closed on the UTC day of {@code now}. */
    BigDecimal dailyPnl(final Instant now) {
      final var today = now.atZone(ZoneOffset.UTC).toLocalDate();
      BigDecimal x = BigDecimal.ZERO;
      for (Entry e : executors.values()) {
        if (!e.open() && e.closedAt() != null && e.netPnlQuote() != null
            && e.closedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(today)) {
          x = x.add(e.netPnlQuote());
        }
      }
      return x;
    }

    /** When the latest losing executor closed: cooldown_after_loss_sec counts from it. */
    Optional<Instant> lastLossAt() {
      Instant last = null;
      for (Entry e : executors.values()) {
        if (!e.open() && e.netPnlQuote() != null && e.netPnlQuote().signum() < 0 && e.closedAt() != null
            && (last == null || e.closedAt().isAfter(last))) {
          last = e.closedAt();
        }
      }
      return Optional.ofNullable(last);
    }

    State with(final Map<String, Entry> next) {
      return new State(limits, tradingState, tradingStateReason, next, cumulativePnl, peakPnl, denials, registered,
          globalState, globalReason, globalVersion, windDownKeep);
    }

    State withLimits(final RiskLimits next) {
      return new State(next, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials, registered,
          globalState, globalReason, globalVersion, windDownKeep);
    }

    /** A trading state set by the user ends any wind-down (one that stops executors starts a new one). */
    State withTradingState(final TradingState next, final String reason) {
      return new State(limits, next, reason, executors, cumulativePnl, peakPnl, denials, registered,
          globalState, globalReason, globalVersion, null);
    }

    State withGlobalState(final long version, final TradingState next, final String reason) {
      return new State(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials,
          registered, next, reason, version, windDownKeep);
    }

    State windingDown(final boolean keepPosition) {
      return new State(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials,
          registered, globalState, globalReason, globalVersion, keepPosition);
    }

    State withDenials(final List<Denial> next) {
      return new State(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, next, registered,
          globalState, globalReason, globalVersion, windDownKeep);
    }

    State registeredNow() {
      return new State(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials, true,
          globalState, globalReason, globalVersion, windDownKeep);
    }

    /** {@code next} entries after a close that realized {@code pnl}; the peak only rises. */
    State closed(final Map<String, Entry> next, final BigDecimal pnl) {
      final BigDecimal cumulative = cumulativePnl.add(pnl);
      return new State(limits, tradingState, tradingStateReason, next, cumulative, cumulative.max(peakPnl),
          denials, registered, globalState, globalReason, globalVersion, windDownKeep);
    }
  }

  // ---- setup ----------------------------------------------------------------------------------

  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system)
        .init(Entity.of(RiskProtocol.ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine)));
  }

  public static Behavior<Command> create(final String controllerId, final EngineContext engine) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new RiskSupervisorEntity(ctx, timers, controllerId, engine)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String controllerId;
  private final EngineContext engine;
  // The order rate and the orders refused since this incarnation started: in memory on purpose
  // (a refusal is not a fact of the controller; persisting each would write at the order rate).
  private final OrderRateWindow orderRate = new OrderRateWindow();
  private final Map<String, Long> refusedOrders = new TreeMap<>();
  // A controller that has never been told the global state asks for it before it judges anything;
  // what arrives meanwhile waits here, in order.
  private boolean globalKnown;
  private final List<Command> waitingForGlobal = new ArrayList<>();

  private RiskSupervisorEntity(
      final ActorContext<Command> ctx, final TimerScheduler<Command> timers, final String controllerId,
      final EngineContext engine) {
    super(
        PersistenceId.of(RiskProtocol.ENTITY_KEY.name(), controllerId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.ctx = ctx;
    this.timers = timers;
    this.controllerId = controllerId;
    this.engine = engine;
  }

  @Override
  public State emptyState() {
    return State.initial();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
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
        .onCommand(ListExecutors.class, (s, c) -> Effect().reply(c.replyTo(), directory(s)))
        .onCommand(GlobalStateUpdate.class, this::onGlobalStateUpdate)
        .onCommand(GlobalFetched.class, this::onGlobalFetched)
        .onCommand(AuthorizeOrder.class, this::onAuthorizeOrder)
        .onCommand(BookForOrder.class, (s, c) -> {
          final BigDecimal held = c.error() != null ? null : heldNetBase(c.book(), c.order().request());
          c.order().replyTo().tell(held == null
              ? refuse(c.order(), "RISK_STATE_UNAVAILABLE", "held position unavailable: " + c.error().getMessage(),
                  engine.settings().askTimeout().toMillis())
              : verdict(s, c.order(), held));
          return Effect().noReply();
        })
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

  private ReplyEffect<Event, State> onRequestSpawn(final State s, final RequestSpawn c) {
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
      createExecutor(config, c.replyTo());
      return Effect().noReply();
    }
    final RiskDecision created = RiskRules.checkCreate(s.limits(), s.effectiveState(), usage(s), c.exposure());
    final RiskDecision decision = created instanceof RiskDecision.Denied
        ? created
        : RiskRules.checkCooldown(s.limits(), s.lastLossAt(), now());
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
          createExecutor(config, c.replyTo());
          armMaintenance(next);
        })
        .thenNoReply();
  }

  private void createExecutor(final ExecutorConfig config, final ActorRef<StatusReply<ExecutorView>> replyTo) {
    final var ref = ClusterSharding.get(ctx.getSystem()).entityRefFor(ExecutorProtocol.ENTITY_KEY, config.id());
    ctx.askWithStatus(ExecutorView.class, ref, engine.settings().askTimeout(),
        (ActorRef<StatusReply<ExecutorView>> r) -> new ExecutorProtocol.Create(config, r),
        (view, err) -> new SpawnResult(config.id(), view, err == null ? null : err.getMessage(), replyTo));
  }

  private ReplyEffect<Event, State> onSpawnResult(final State s, final SpawnResult c) {
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
    return Effect().persist(new SpawnConfirmed(c.executorId())).thenRun(this::register).thenNoReply();
  }

  private ReplyEffect<Event, State> onExecutorClosed(final State s, final ExecutorClosed c) {
    final Entry e = s.executors().get(c.executorId());
    if (e == null || !e.open()) {
      return Effect().reply(c.replyTo(), StatusReply.ack());
    }
    final String type = c.closeType() == null ? null : c.closeType().name();
    final BigDecimal pnl = c.netPnlQuote() == null ? BigDecimal.ZERO : c.netPnlQuote().value();
    final ExecutorFinished finished =
        new ExecutorFinished(c.executorId(), type, pnl, c.closedAt() == null ? now() : c.closedAt());
    final State after = eventHandler().apply(s, finished);
    final Optional<RiskDecision.Denied> trip = after.tradingState() == TradingState.HALTED
        ? Optional.empty()
        : RiskRules.killSwitch(after.limits(), usage(after));
    if (trip.isEmpty()) {
      return Effect().persist(finished).thenReply(c.replyTo(), next -> StatusReply.ack());
    }
    // shutdown_drawdown_pct tripped: halt and wind down (close) everything still open.
    ctx.getLog().warn("controller {}: kill switch tripped: {}", controllerId, trip.get().message());
    return Effect()
        .persist(List.of(finished, new TradingStateSet(TradingState.HALTED, trip.get().message(), now()),
            new WindDownStarted(false, now())))
        .thenRun(next -> stateChanged(next, true))
        .thenReply(c.replyTo(), next -> StatusReply.ack());
  }

  private ReplyEffect<Event, State> onSetTradingState(final State s, final SetTradingState c) {
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

  private void fetchGlobal() {
    final var global = ClusterSharding.get(ctx.getSystem())
        .entityRefFor(GlobalRiskEntity.ENTITY_KEY, GlobalRiskEntity.SINGLE_ID);
    ctx.ask(GlobalRiskEntity.State.class, global, engine.settings().askTimeout(),
        (ActorRef<GlobalRiskEntity.State> r) -> new GlobalRiskEntity.Subscribe(controllerId, r),
        (g, err) -> new GlobalFetched(g, err == null ? null : err.getMessage()));
  }

  /**
   * The global state as it is now (asking for it subscribed this controller to later changes); its
   * kill switch, if any, tripped before this controller had executors to stop.
   */
  private ReplyEffect<Event, State> onGlobalFetched(final State s, final GlobalFetched c) {
    if (c.error() != null) {
      ctx.getLog().warn("controller {}: global trading state unavailable ({}); asking again", controllerId, c.error());
      ctx.scheduleOnce(Duration.ofSeconds(1), ctx.getSelf(), new Maintain());
      return Effect().noReply();
    }
    final GlobalRiskEntity.State g = c.global();
    final var effect = g.version() > s.globalVersion()
        ? Effect().persist(new GlobalStateSet(g.version(), g.state(), g.reason(), now()))
        : Effect().<State>none();
    return effect.thenRun(next -> globalIsKnown()).thenNoReply();
  }

  private void globalIsKnown() {
    globalKnown = true;
    waitingForGlobal.forEach(ctx.getSelf()::tell);
    waitingForGlobal.clear();
  }

  private ReplyEffect<Event, State> onGlobalStateUpdate(final State s, final GlobalStateUpdate c) {
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
  private void stateChanged(final State s, final boolean stop) {
    if (stop) {
      stopOpenExecutors(s);
    }
    final ClusterSharding sharding = ClusterSharding.get(ctx.getSystem());
    for (Entry e : s.executors().values()) {
      if (e.open()) {
        sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, e.executorId()).tell(new ExecutorProtocol.RiskStateChanged());
      }
    }
    armMaintenance(s);
  }

  private void stopOpenExecutors(final State s) {
    final boolean keepPosition = Boolean.TRUE.equals(s.windDownKeep());
    final ClusterSharding sharding = ClusterSharding.get(ctx.getSystem());
    for (Entry e : s.executors().values()) {
      if (e.open()) {
        final var ref = sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, e.executorId());
        ctx.askWithStatus(ExecutorView.class, ref, engine.settings().askTimeout(),
            (ActorRef<StatusReply<ExecutorView>> r) -> new ExecutorProtocol.Stop(keepPosition, r),
            (v, err) -> new SpawnResult(e.executorId(), v, null, null));
      }
    }
  }

  /**
   * Re-sends what is not confirmed yet, on a timer, until nothing is left: creates of approved
   * executors that have not confirmed, and, while winding down, stops to executors still open
   * (an executor confirms a stop by closing; a repeated stop is harmless).
   */
  private void maintain(final State s) {
    if (!globalKnown) {
      fetchGlobal();
    }
    for (Entry e : s.executors().values()) {
      if (!e.confirmed()) {
        createExecutor(e.config(), null);
      }
    }
    if (s.windDownKeep() != null) {
      stopOpenExecutors(s);
    }
    armMaintenance(s);
  }

  private void armMaintenance(final State s) {
    if (s.anyUnconfirmed() || (s.windDownKeep() != null && s.openCount() > 0)) {
      if (!timers.isTimerActive("maintain")) {
        timers.startTimerWithFixedDelay("maintain", new Maintain(), engine.settings().notifyRetryInterval());
      }
    } else {
      timers.cancel("maintain");
    }
  }

  private ReplyEffect<Event, State> onAuthorizeOrder(final State s, final AuthorizeOrder c) {
    if (!globalKnown) {
      waitingForGlobal.add(c);
      return Effect().noReply();
    }
    if (s.effectiveState() == TradingState.REDUCING && c.executorNetBase().signum() == 0) {
      // Whether it reduces depends on the held position: ask the book (rare: only in REDUCING).
      final var book = ClusterSharding.get(ctx.getSystem()).entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId);
      ctx.pipeToSelf(book.<PositionBook>ask(PositionBookEntity.GetBook::new, engine.settings().askTimeout()),
          (b, err) -> new BookForOrder(c, b, err));
      return Effect().noReply();
    }
    return Effect().reply(c.replyTo(), verdict(s, c, BigDecimal.ZERO));
  }

  private OrderVerdict verdict(final State s, final AuthorizeOrder c, final BigDecimal heldNetBase) {
    final OrderRequest r = c.request();
    final RiskDecision decision = OrderRules.check(s.effectiveState(),
        Boolean.FALSE.equals(s.windDownKeep()),
        new OrderRules.Intent(c.executorId(), r.side(), r.amount().value(), c.executorNetBase(), heldNetBase));
    if (decision instanceof RiskDecision.Denied d) {
      return refuse(c, d.code().name(), d.message(), 0);
    }
    final Optional<Duration> wait = orderRate.tryAcquire(s.limits().maxOrdersPerSecond(), now());
    if (wait.isPresent()) {
      return refuse(c, RiskDecision.ReasonCode.ORDER_RATE.name(), RiskLimits.MAX_ORDERS_PER_SECOND + " "
          + s.limits().maxOrdersPerSecond().orElseThrow() + " reached: order of executor " + c.executorId()
          + " waits " + wait.get().toMillis() + " ms", Math.max(1, wait.get().toMillis()));
    }
    return OrderVerdict.ALLOWED;
  }

  private OrderVerdict refuse(final AuthorizeOrder c, final String code, final String message, final long retryAfterMs) {
    refusedOrders.merge(code, 1L, Long::sum);
    return new OrderVerdict(false, code, message, retryAfterMs);
  }

  /** The controller's held net position on the order's market, long positive. */
  private static BigDecimal heldNetBase(final PositionBook book, final OrderRequest r) {
    BigDecimal net = BigDecimal.ZERO;
    for (PositionHold h : book.positions(r.connectorName(), r.tradingPair())) {
      net = h.side() == Side.BUY ? net.add(h.amount().value()) : net.subtract(h.amount().value());
    }
    return net;
  }

  private void register(final State s) {
    if (s.registered()) {
      return;
    }
    final var ref = ClusterSharding.get(ctx.getSystem())
        .entityRefFor(ControllerRegistryEntity.ENTITY_KEY, ControllerRegistryEntity.SINGLE_ID);
    ctx.askWithStatus(Done.class, ref, engine.settings().askTimeout(),
        (ActorRef<StatusReply<Done>> r) -> new ControllerRegistryEntity.Register(controllerId, r),
        (d, err) -> err == null ? new Registered() : new RegistrationFailed(err.getMessage()));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), s -> {
          // A controller that subscribed (or is registered) is told of every global change.
          globalKnown = s.registered() || s.globalVersion() > 0;
          maintain(s);
          if (s.executors().values().stream().anyMatch(Entry::confirmed)) {
            register(s);
          }
        })
        .build();
  }

  // ---- events ---------------------------------------------------------------------------------

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(SpawnApproved.class, (s, e) -> {
          final ExecutorConfig c = e.config();
          final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
          next.put(c.id(), new Entry(c.id(), c.type(), c.connectorName(),
              c.tradingPair() == null ? null : c.tradingPair().symbol(),
              c.side() == null ? null : c.side().name(), e.exposureQuote(), e.at(),
              false, true, null, null, null, c));
          return s.with(next);
        })
        .onEvent(SpawnConfirmed.class, (s, e) -> {
          final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
          next.computeIfPresent(e.executorId(), (k, v) -> v.asConfirmed());
          return s.with(next);
        })
        .onEvent(ExecutorFinished.class, (s, e) -> {
          final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
          next.computeIfPresent(e.executorId(), (k, v) -> v.closed(e.closeType(), e.netPnlQuote(), e.at()));
          return s.closed(next, e.netPnlQuote());
        })
        .onEvent(SpawnDenied.class, (s, e) -> {
          final List<Denial> d = new ArrayList<>(s.denials());
          d.add(new Denial(e.executorId(), e.type(), e.reasonCode(), e.message(), e.at()));
          while (d.size() > KEPT_DENIALS) {
            d.remove(0);
          }
          return s.withDenials(List.copyOf(d));
        })
        .onEvent(LimitsSet.class, (s, e) -> s.withLimits(e.limits()))
        .onEvent(TradingStateSet.class, (s, e) -> s.withTradingState(e.state(), e.reason()))
        .onEvent(SpawnAborted.class, (s, e) -> {
          final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
          next.remove(e.executorId());
          return s.with(next);
        })
        .onEvent(ControllerRegistered.class, (s, e) -> s.registeredNow())
        .onEvent(GlobalStateSet.class, (s, e) -> s.withGlobalState(e.version(), e.state(), e.reason()))
        .onEvent(WindDownStarted.class, (s, e) -> s.windingDown(e.keepPosition()))
        .build();
  }

  // ---- views ----------------------------------------------------------------------------------

  private Instant now() {
    return engine.clock().instant();
  }

  private RiskUsage usage(final State s) {
    return new RiskUsage(s.openCount(), QuoteAmount.of(s.exposure()), QuoteAmount.of(s.dailyPnl(now())),
        QuoteAmount.of(s.peakPnl()), QuoteAmount.of(s.cumulativePnl()), BigDecimal.ZERO);
  }

  private RiskView view(final State s) {
    final BigDecimal peak = s.peakPnl();
    final BigDecimal drawdown = usage(s).drawdownPct();
    final List<Denial> recent = new ArrayList<>(s.denials());
    java.util.Collections.reverse(recent);
    final RiskDecision tick = RiskRules.checkTick(s.limits(), s.effectiveState(), usage(s));
    return new RiskView(controllerId, s.limits(), s.tradingState(), s.tradingStateReason(), s.openCount(),
        s.exposure(), s.dailyPnl(now()), s.cumulativePnl(), peak, drawdown, s.executors().size(), recent,
        tick instanceof RiskDecision.Denied, tick instanceof RiskDecision.Denied d ? d.message() : null,
        s.globalState() == null ? TradingState.ACTIVE : s.globalState(), s.effectiveState(),
        s.windDownKeep() != null, Map.copyOf(refusedOrders));
  }

  private Directory directory(final State s) {
    final List<Entry> entries = new ArrayList<>(s.executors().values());
    java.util.Collections.reverse(entries);
    return new Directory(controllerId, entries);
  }
}
