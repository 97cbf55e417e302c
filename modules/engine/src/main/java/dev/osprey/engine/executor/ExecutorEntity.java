package dev.osprey.engine.executor;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.TrackedOrder;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.executor.ExecutorProtocol.Command;
import dev.osprey.engine.executor.ExecutorProtocol.Create;
import dev.osprey.engine.executor.ExecutorProtocol.Get;
import dev.osprey.engine.executor.ExecutorProtocol.RiskStateChanged;
import dev.osprey.engine.executor.ExecutorProtocol.Stop;
import dev.osprey.engine.executor.ExecutorProtocol.VenueReport;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.exchange.VenueOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One running executor: a persistent, sharded entity around a domain {@link Executor} state
 * machine.
 *
 * <p>It persists facts, never ticks: every market update, venue report, timer and stop request is
 * run through {@link Executor#decide}; only the facts that come out are persisted, and only after
 * they are persisted does the entity act on them (send the orders it submitted, cancel, notify its
 * risk supervisor and position book). Client order ids are therefore in the journal before an
 * order leaves, and after a crash the entity asks the venue about every order that may be live
 * before it does anything else: an order the venue has is never sent again.
 *
 * <p>Close notices to the risk supervisor and hand-overs to the position book are delivered at
 * least once (re-sent until acknowledged, across restarts); both receivers are idempotent.
 */
public final class ExecutorEntity
    extends DurableEntity<
        ExecutorProtocol.Command, ExecutorEntity.Event, ExecutorEntity.State> {


  // ---- protocol -------------------------------------------------------------------------------

  /** Its markets were quoted since it last took their quotes (conflated: see ConflatedQuotes). */
  record MarketUpdate() implements Command {}

  /** Its time limit (or another deadline) is due. */
  record WakeUp() implements Command {}

  /** The venue did not confirm a placement; ask it what it knows. */
  record PlaceUnconfirmed(ClientOrderId clientOrderId, String error) implements Command {}

  /** A cancel sent a while ago: ask the venue about the order unless the cancel was confirmed. */
  record CheckCancel(ClientOrderId clientOrderId) implements Command {}

  /** What the venue knows about an order that may be live. */
  record Reconciled(ClientOrderId clientOrderId, Optional<VenueOrder> venueOrder, String error)
      implements Command {}

  /** Re-send close notices and hand-overs that were not acknowledged yet. */
  record RetryNotices() implements Command {}

  /** A receiver acknowledged a notice. */
  record NoticeAcknowledged(String target) implements Command {}

  /** A receiver did not acknowledge in time. */
  record NoticeFailed(String target, String error) implements Command {}

  /** The risk supervisor's verdict on one order ({@code error} when it did not answer). */
  record OrderVerdictReceived(ClientOrderId clientOrderId, RiskProtocol.OrderVerdict verdict, String error)
      implements Command {}

  /** Ask the risk supervisor again about the orders it held back. */
  record RetryHeldOrders() implements Command {}

  /** Its route key is registered: orders may leave. */
  record RouteRegistered() implements Command {}

  /** Registering its route key failed. */
  record RouteFailed(String error) implements Command {}

  /** Try registering the route key again. */
  record RetryRoute() implements Command {}

  /** Terminated, delivered and quiet: leave memory (the journal keeps it). */
  record PassivateIdle() implements Command {}

  /** Persisted facts of the entity. */
  public interface Event extends CborSerializable {}

  /** The executor was created with this config (identity filled in). */
  public record Created(ExecutorConfig config, Instant at) implements Event {}

  /** A fact decided by the domain state machine. */
  public record Recorded(ExecutorEvent fact) implements Event {}

  /** {@code target} (risk or positions) acknowledged the close notice. */
  public record NoticeDelivered(String target) implements Event {}

  /**
   * The entity's state: empty until created, then the state machine and delivered notices. Its
   * snapshots are persisted: the executor with its own fields, never renamed.
   */
  public record State(Executor executor, Set<String> delivered) implements CborSerializable {
    public static State empty() {
      return new State(null, Set.of());
    }

    boolean exists() {
      return executor != null;
    }
  }

  // ---- setup ----------------------------------------------------------------------------------

  public static void init(final ActorSystem<?> system, final EngineContext engine) {
    ClusterSharding.get(system)
        .init(
            Entity.of(ExecutorProtocol.ENTITY_KEY, ctx -> create(ctx.getEntityId(), engine, ctx.getShard()))
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
  }

  /**
   * @param shard the entity's shard, told to passivate an id that was only looked up: with
   *     remember-entities on, an unknown id must not be remembered forever
   */
  public static Behavior<Command> create(
      final String executorId,
      final EngineContext engine,
      final ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(ctx -> {
      ExecutorStarts.get(ctx.getSystem()).started();
      return Behaviors.withTimers(timers -> new ExecutorEntity(ctx, timers, executorId, engine, shard));
    });
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String executorId;
  private final EngineContext engine;
  private final ExecutorFactory factory;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ExecutorVenues venues;
  private final OrderSender orders;
  private final CloseNotices notices;

  private ExecutorEntity(
      final ActorContext<Command> ctx,
      final TimerScheduler<Command> timers,
      final String executorId,
      final EngineContext engine,
      final ActorRef<ClusterSharding.ShardCommand> shard) {
    // Snapshots bound recovery time; older snapshots are deleted, events never (audit, read model).
    super(ExecutorProtocol.ENTITY_KEY, executorId, RetentionCriteria.snapshotEvery(
        engine.settings().snapshotEvery(), engine.settings().keepSnapshots()));
    this.ctx = ctx;
    this.timers = timers;
    this.executorId = executorId;
    this.engine = engine;
    this.factory = engine.executorFactory();
    this.shard = shard;
    this.venues = new ExecutorVenues(engine.venues(), ctx.getLog(), executorId);
    final EntityContext entity = new EntityContext(ctx, timers, executorId, engine, venues);
    this.orders = new OrderSender(entity);
    this.notices = new CloseNotices(entity);
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  /** One tag slice per executor, for the read model projection ({@link ExecutorTags}). */
  @Override
  public Set<String> tagsFor(final Event event) {
    return Set.of(ExecutorTags.of(executorId));
  }

  // ---- commands -------------------------------------------------------------------------------

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    final var b = newCommandHandlerWithReplyBuilder();
    b.forState(s -> !s.exists())
        .onCommand(Create.class, this::onCreate)
        .onCommand(Get.class, (s, c) -> Effect().none().thenRun(x -> passivate()).thenReply(c.replyTo(), x -> unknown()))
        .onCommand(Stop.class, (s, c) -> Effect().none().thenRun(x -> passivate()).thenReply(c.replyTo(), x -> unknown()))
        .onAnyCommand(c -> Effect().noReply());
    b.forState(State::exists)
        .onCommand(Create.class, this::onCreateAgain)
        .onCommand(Get.class, (s, c) -> Effect().none()
            .thenRun(this::armIdlePassivation)
            .thenReply(c.replyTo(), x -> StatusReply.success(view(x))))
        .onCommand(PassivateIdle.class, (s, c) -> Effect().none().thenRun(x -> passivate()).thenNoReply())
        .onCommand(Stop.class, this::onStop)
        .onCommand(MarketUpdate.class, this::onMarketUpdate)
        .onCommand(VenueReport.class, this::onVenueReport)
        .onCommand(WakeUp.class, (s, c) -> decideAndAct(s, new ExecutorInput.Wake()))
        .onCommand(PlaceUnconfirmed.class, this::onPlaceUnconfirmed)
        .onCommand(Reconciled.class, this::onReconciled)
        .onCommand(CheckCancel.class, (s, c) -> { orders.checkCancel(c.clientOrderId(), s.executor()); return Effect().noReply(); })
        .onCommand(RouteRegistered.class, (s, c) -> { orders.routeRegistered(s.executor()); return Effect().noReply(); })
        .onCommand(RouteFailed.class, (s, c) -> { orders.routeFailed(c.error()); return Effect().noReply(); })
        .onCommand(RetryRoute.class, (s, c) -> { orders.registerRoute(); return Effect().noReply(); })
        .onCommand(OrderVerdictReceived.class, this::onOrderVerdict)
        .onCommand(RiskStateChanged.class, (s, c) -> { orders.retryHeldOrders(s.executor()); return Effect().noReply(); })
        .onCommand(RetryHeldOrders.class, (s, c) -> { orders.retryHeldOrders(s.executor()); return Effect().noReply(); })
        .onCommand(RetryNotices.class, (s, c) -> { notices.send(s); return Effect().noReply(); })
        .onCommand(NoticeAcknowledged.class, this::onNoticeAcknowledged)
        .onCommand(NoticeFailed.class, (s, c) -> {
          ctx.getLog().warn("executor {}: {} notice not acknowledged: {}", executorId, c.target(), c.error());
          return Effect().noReply();
        });
    return b.build();
  }

  private ReplyEffect<Event, State> onCreate(final State s, final Create c) {
    final ExecutorConfig config = c.config();
    if (!executorId.equals(config.id())) {
      return Effect().reply(c.replyTo(), EntityError.reply(
          EntityError.Kind.INVALID, "INVALID_ID", "config id " + config.id() + " is not " + executorId));
    }
    final Instant now = engine.clock().instant();
    final Executor initial;
    try {
      initial = factory.create(config);
    } catch (IllegalArgumentException e) {
      // A config the gateway let through but the state machine refuses: say so, persist nothing.
      return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.INVALID, "INVALID_CONFIG", e.getMessage()));
    }
    final MarketView market = marketView(config);
    final List<ExecutorEvent> facts = initial.decide(new ExecutorInput.Start(), market, now);
    final List<Event> events = new ArrayList<>(facts.size() + 1);
    events.add(new Created(config, now));
    for (ExecutorEvent f : facts) {
      events.add(new Recorded(f));
    }
    return Effect()
        .persist(events)
        .thenRun(next -> {
          subscribeMarket(next);
          act(facts, next);
        })
        .thenReply(c.replyTo(), next -> StatusReply.success(view(next)));
  }

  private ReplyEffect<Event, State> onCreateAgain(final State s, final Create c) {
    if (!c.config().isSameRequestAs(s.executor().config())) {
      return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.CONFLICT, "DUPLICATE_ID",
          "executor " + executorId + " already exists with another config"));
    }
    return Effect().reply(c.replyTo(), StatusReply.success(view(s)));
  }

  private ReplyEffect<Event, State> onStop(final State s, final Stop c) {
    if (s.executor().isTerminated()) {
      return Effect().reply(c.replyTo(), EntityError.reply(
          EntityError.Kind.INVALID, "ALREADY_TERMINATED", "executor " + executorId + " is already terminated"));
    }
    final List<ExecutorEvent> facts = decide(s, new ExecutorInput.Stop(c.keepPosition()));
    return persistAndAct(facts).thenReply(c.replyTo(), next -> StatusReply.success(view(next)));
  }

  /** A report from another node waits until this node has seen the quote that came with it. */
  private ReplyEffect<Event, State> onVenueReport(final State s, final VenueReport c) {
    final java.util.Optional<java.util.concurrent.CompletionStage<Void>> behind =
        venues.behind(c.connector(), c.viewVersion());
    if (behind.isPresent()) {
      ctx.pipeToSelf(behind.get(), (ok, error) -> new VenueReport(c.event()));
      return Effect().noReply();
    }
    return decideAndAct(s, new ExecutorInput.OrderUpdate(c.event()));
  }

  private ReplyEffect<Event, State> onMarketUpdate(final State s, final MarketUpdate c) {
    venues.quotesTaken();
    if (s.executor().isTerminated()) {
      return Effect().noReply();
    }
    return decideAndAct(s, new ExecutorInput.MarketChanged());
  }

  private ReplyEffect<Event, State> decideAndAct(final State s, final ExecutorInput input) {
    if (s.executor().isTerminated()) {
      return Effect().noReply();
    }
    final List<ExecutorEvent> facts = decide(s, input);
    if (facts.isEmpty()) {
      return Effect().noReply();
    }
    return persistAndAct(facts).thenNoReply();
  }

  private List<ExecutorEvent> decide(final State s, final ExecutorInput input) {
    return s.executor().decide(input, marketView(s.executor().config()), engine.clock().instant());
  }

  private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<Event, State> persistAndAct(
      final List<ExecutorEvent> facts) {
    final List<Event> events = new ArrayList<>(facts.size());
    for (ExecutorEvent f : facts) {
      events.add(new Recorded(f));
    }
    return Effect().persist(events).thenRun(next -> act(facts, next));
  }

  private ReplyEffect<Event, State> onPlaceUnconfirmed(final State s, final PlaceUnconfirmed c) {
    ctx.getLog().warn("executor {}: placement of {} not confirmed ({}); asking the venue",
        executorId, c.clientOrderId(), c.error());
    s.executor().orders().get(c.clientOrderId()).ifPresent(orders::lookup);
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onReconciled(final State s, final Reconciled c) {
    return decideAll(s, orders.reconciled(c, s.executor()));
  }

  private ReplyEffect<Event, State> onOrderVerdict(final State s, final OrderVerdictReceived c) {
    return orders.verdict(c, s.executor())
        ? decideAll(s, List.of(new OrderEvent.Cancelled(c.clientOrderId(), engine.clock().instant())))
        : Effect().noReply();
  }

  /** Runs several venue reports through the state machine in order, persisting all facts at once. */
  private ReplyEffect<Event, State> decideAll(final State s, final List<OrderEvent> reports) {
    Executor ex = s.executor();
    final List<ExecutorEvent> facts = new ArrayList<>();
    final MarketView market = marketView(ex.config());
    for (OrderEvent e : reports) {
      if (ex.isTerminated()) {
        break;
      }
      final List<ExecutorEvent> more = ex.decide(new ExecutorInput.OrderUpdate(e), market, engine.clock().instant());
      facts.addAll(more);
      ex = ex.applyAll(more);
    }
    if (facts.isEmpty()) {
      return Effect().noReply();
    }
    return persistAndAct(facts).thenNoReply();
  }

  private ReplyEffect<Event, State> onNoticeAcknowledged(final State s, final NoticeAcknowledged c) {
    if (s.delivered().contains(c.target())) {
      return Effect().noReply();
    }
    return Effect().persist(new NoticeDelivered(c.target())).thenRun(next -> {
      if (CloseNotices.pending(next).isEmpty()) {
        notices.stop();
        armIdlePassivation(next);
      }
    }).thenNoReply();
  }

  // ---- side effects after persistence ---------------------------------------------------------

  private void act(final List<ExecutorEvent> facts, final State next) {
    for (ExecutorEvent f : facts) {
      if (f instanceof ExecutorEvent.OrderSubmitted sub) {
        next.executor().orders().get(sub.request().clientOrderId()).ifPresent(o -> orders.place(o, next.executor()));
      } else if (f instanceof ExecutorEvent.CancelRequested cr) {
        orders.cancel(cr.clientOrderId(), next.executor());
      }
    }
    armWakeUp(next);
    if (next.executor().isTerminated()) {
      unsubscribeMarket();
      notices.send(next);
      armIdlePassivation(next);
    }
  }

  /**
   * Terminated executors stay in the journal, not in memory: once nothing is left to deliver, a
   * quiet minute passivates it (which also drops it from the remembered entities). A later read
   * recovers it from the journal.
   */
  private void armIdlePassivation(final State s) {
    if (s.exists() && s.executor().isTerminated() && CloseNotices.pending(s).isEmpty()) {
      timers.startSingleTimer("idle", new PassivateIdle(), engine.settings().passivateTerminatedAfter());
    }
  }

  private MarketView marketView(final ExecutorConfig config) {
    return venues.marketView(config);
  }

  private void subscribeMarket(final State s) {
    if (s.exists() && !s.executor().isTerminated()) {
      final ActorRef<Command> self = ctx.getSelf();
      venues.subscribe(s.executor().config(), () -> self.tell(new MarketUpdate()));
    }
  }

  private void unsubscribeMarket() {
    venues.unsubscribe();
  }

  private void armWakeUp(final State s) {
    final Optional<Instant> at = s.executor().isTerminated() ? Optional.empty() : s.executor().wakeUpAt();
    if (at.isEmpty()) {
      timers.cancel("wake");
      return;
    }
    final Duration delay = Duration.between(engine.clock().instant(), at.get());
    timers.startSingleTimer("wake", new WakeUp(), delay.isNegative() ? Duration.ZERO : delay);
  }

  // ---- recovery -------------------------------------------------------------------------------

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .onSignal(PostStop.instance(), s -> unsubscribeMarket())
        .build();
  }

  private void onRecovered(final State s) {
    if (!s.exists()) {
      return;
    }
    final Executor ex = s.executor();
    if (ex.isTerminated()) {
      notices.send(s);
      armIdlePassivation(s);
      return;
    }
    ctx.getLog().info("executor {} resumed ({} live orders)", executorId, ex.orders().live().size());
    subscribeMarket(s);
    armWakeUp(s);
    for (TrackedOrder o : ex.orders().live()) {
      orders.lookup(o);
    }
  }

  // ---- events ---------------------------------------------------------------------------------

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        // Rebuilt as the journal has it: today's validation is for new configs only.
        .onEvent(Created.class, (s, e) -> new State(factory.restore(e.config()), Set.of()))
        .onEvent(Recorded.class, (s, e) -> new State(s.executor().apply(e.fact()), s.delivered()))
        .onEvent(NoticeDelivered.class, (s, e) -> {
          final Set<String> d = new HashSet<>(s.delivered());
          d.add(e.target());
          return new State(s.executor(), Set.copyOf(d));
        })
        .build();
  }

  // ---- views ----------------------------------------------------------------------------------

  private ExecutorView view(final State s) {
    final Executor ex = s.executor();
    return new ExecutorView(
        ex.config(), ex.report(marketView(ex.config()), engine.clock().instant()), ex.heldOrders());
  }

  private StatusReply<ExecutorView> unknown() {
    return EntityError.reply(EntityError.Kind.NOT_FOUND, "NOT_FOUND", "executor " + executorId + " not found");
  }

  private void passivate() {
    if (shard != null) {
      shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
    }
  }
}
