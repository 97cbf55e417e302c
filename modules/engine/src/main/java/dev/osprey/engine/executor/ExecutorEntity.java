package dev.osprey.engine.executor;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EntityError;
import dev.osprey.engine.executor.ExecutorProtocol.Command;
import dev.osprey.engine.executor.ExecutorProtocol.Create;
import dev.osprey.engine.executor.ExecutorProtocol.Get;
import dev.osprey.engine.executor.ExecutorProtocol.Stop;
import dev.osprey.engine.executor.ExecutorProtocol.VenueReport;
import dev.osprey.engine.executor.ExecutorProtocol.RiskStateChanged;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.venue.OrderRouteEntity;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
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
    extends EventSourcedBehaviorWithEnforcedReplies<
        ExecutorProtocol.Command, ExecutorEntity.Event, ExecutorEntity.State> {


  static final String RISK = "risk";
  static final String POSITIONS = "positions";
  private static final Duration PLACE_RETRY = Duration.ofSeconds(1);

  // ---- protocol -------------------------------------------------------------------------------

  /** A top-of-book change of its market (from the local venue subscription). */
  record MarketUpdate(TopOfBook book) implements Command {}

  /** Its time limit (or another deadline) is due. */
  record WakeUp() implements Command {}

  /** The venue did not confirm a placement; ask it what it knows. */
  record PlaceUnconfirmed(ClientOrderId clientOrderId, String error) implements Command {}

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

  /** The entity's state: empty until created, then the state machine and delivered notices. */
  public record State(Executor executor, Set<String> delivered) {
    static State empty() {
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
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers -> new ExecutorEntity(ctx, timers, executorId, engine, shard)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final String executorId;
  private final EngineContext engine;
  private final ExecutorFactory factory;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ExecutorVenues venues;
  // Venue events find this executor through its route key; no order leaves before this
  // incarnation has seen the key registered (once per incarnation: registering is idempotent).
  private boolean routeRegistered;
  private boolean registeringRoute;
  private final List<ClientOrderId> awaitingRoute = new ArrayList<>();
  // Orders waiting for the risk supervisor's verdict, and those it held back (to ask again on a
  // state change or after the wait it gave). None of them has reached the venue.
  private final Set<ClientOrderId> authorizing = new HashSet<>();
  private final Set<ClientOrderId> heldByRisk = new LinkedHashSet<>();

  private ExecutorEntity(
      final ActorContext<Command> ctx,
      final TimerScheduler<Command> timers,
      final String executorId,
      final EngineContext engine,
      final ActorRef<ClusterSharding.ShardCommand> shard) {
    super(
        PersistenceId.of(ExecutorProtocol.ENTITY_KEY.name(), executorId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.ctx = ctx;
    this.timers = timers;
    this.executorId = executorId;
    this.engine = engine;
    this.factory = engine.executorFactory();
    this.shard = shard;
    this.venues = new ExecutorVenues(engine.venues(), ctx.getLog(), executorId);
  }

  @Override
  public State emptyState() {
    return State.empty();
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
        .onCommand(VenueReport.class, (s, c) -> decideAndAct(s, new ExecutorInput.OrderUpdate(c.event())))
        .onCommand(WakeUp.class, (s, c) -> decideAndAct(s, new ExecutorInput.Wake()))
        .onCommand(PlaceUnconfirmed.class, this::onPlaceUnconfirmed)
        .onCommand(Reconciled.class, this::onReconciled)
        .onCommand(RouteRegistered.class, this::onRouteRegistered)
        .onCommand(RouteFailed.class, (s, c) -> {
          registeringRoute = false;
          ctx.getLog().warn("executor {}: registering its route key failed ({}); retrying", executorId, c.error());
          timers.startSingleTimer("route", new RetryRoute(), PLACE_RETRY);
          return Effect().noReply();
        })
        .onCommand(RetryRoute.class, (s, c) -> { registerRoute(); return Effect().noReply(); })
        .onCommand(OrderVerdictReceived.class, this::onOrderVerdict)
        .onCommand(RiskStateChanged.class, (s, c) -> { retryHeldOrders(s); return Effect().noReply(); })
        .onCommand(RetryHeldOrders.class, (s, c) -> { retryHeldOrders(s); return Effect().noReply(); })
        .onCommand(RetryNotices.class, (s, c) -> { sendPendingNotices(s); return Effect().noReply(); })
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
    if (!sameIntent(s.executor().config(), c.config())) {
      return Effect().reply(c.replyTo(), EntityError.reply(EntityError.Kind.CONFLICT, "DUPLICATE_ID",
          "executor " + executorId + " already exists with another config"));
    }
    return Effect().reply(c.replyTo(), StatusReply.success(view(s)));
  }

  private static boolean sameIntent(final ExecutorConfig a, final ExecutorConfig b) {
    // The timestamp of a retried create differs; everything else must match.
    return a.withIdentity(a.id(), a.controllerId(), Instant.EPOCH)
        .equals(b.withIdentity(b.id(), b.controllerId(), Instant.EPOCH));
  }

  private ReplyEffect<Event, State> onStop(final State s, final Stop c) {
    if (s.executor().isTerminated()) {
      return Effect().reply(c.replyTo(), EntityError.reply(
          EntityError.Kind.INVALID, "ALREADY_TERMINATED", "executor " + executorId + " is already terminated"));
    }
    final List<ExecutorEvent> facts = decide(s, new ExecutorInput.Stop(c.keepPosition()));
    return persistAndAct(facts).thenReply(c.replyTo(), next -> StatusReply.success(view(next)));
  }

  private ReplyEffect<Event, State> onMarketUpdate(final State s, final MarketUpdate c) {
    venues.remember(c.book());
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
    s.executor().orders().get(c.clientOrderId()).ifPresent(this::lookup);
    return Effect().noReply();
  }

  private ReplyEffect<Event, State> onReconciled(final State s, final Reconciled c) {
    final Optional<TrackedOrder> known = s.executor().orders().get(c.clientOrderId());
    if (known.isEmpty() || known.get().isDone()) {
      return Effect().noReply();
    }
    if (c.error() != null) {
      ctx.getLog().warn("executor {}: venue lookup of {} failed: {}; retrying",
          executorId, c.clientOrderId(), c.error());
      ctx.scheduleOnce(PLACE_RETRY, ctx.getSelf(), new PlaceUnconfirmed(c.clientOrderId(), c.error()));
      return Effect().noReply();
    }
    final TrackedOrder order = known.get();
    if (c.venueOrder().isEmpty()) {
      if (order.status() == OrderStatus.SUBMITTED) {
        // The venue never received it: sending it now is the first send, not a second one.
        ctx.getLog().info("executor {}: venue does not know {}; sending it", executorId, order.id());
        place(order, s.executor());
        return Effect().noReply();
      }
      // The venue had it and lost it (a paper venue restarted): it is no longer on any book.
      ctx.getLog().warn("executor {}: venue lost live order {}; treating it as cancelled", executorId, order.id());
      return decideAll(s, List.of(new OrderEvent.Cancelled(order.id(), engine.clock().instant())));
    }
    final VenueOrder vo = c.venueOrder().get();
    if (order.status() == OrderStatus.CANCEL_REQUESTED && vo.state() == VenueOrder.State.OPEN) {
      venues.cancel(order);
    }
    return decideAll(s, vo.asEvents());
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
      if (pendingNotices(next).isEmpty()) {
        timers.cancel("notices");
        armIdlePassivation(next);
      }
    }).thenNoReply();
  }

  // ---- side effects after persistence ---------------------------------------------------------

  private void act(final List<ExecutorEvent> facts, final State next) {
    for (ExecutorEvent f : facts) {
      if (f instanceof ExecutorEvent.OrderSubmitted sub) {
        next.executor().orders().get(sub.request().clientOrderId()).ifPresent(o -> place(o, next.executor()));
      } else if (f instanceof ExecutorEvent.CancelRequested cr) {
        cancel(cr.clientOrderId(), next);
      }
    }
    armWakeUp(next);
    if (next.executor().isTerminated()) {
      unsubscribeMarket();
      sendPendingNotices(next);
      armIdlePassivation(next);
    }
  }

  /**
   * Terminated executors stay in the journal, not in memory: once nothing is left to deliver, a
   * quiet minute passivates it (which also drops it from the remembered entities). A later read
   * recovers it from the journal.
   */
  private void armIdlePassivation(final State s) {
    if (s.exists() && s.executor().isTerminated() && pendingNotices(s).isEmpty()) {
      timers.startSingleTimer("idle", new PassivateIdle(), engine.settings().passivateTerminatedAfter());
    }
  }

  /**
   * Sends an order that is in the journal: once its route is registered and the risk supervisor
   * lets it leave.
   */
  private void place(final TrackedOrder order, final Executor ex) {
    if (!routeRegistered) {
      awaitingRoute.add(order.id());
      registerRoute();
      return;
    }
    authorize(order, ex);
  }

  private void authorize(final TrackedOrder order, final Executor ex) {
    final ClientOrderId id = order.id();
    if (!authorizing.add(id)) {
      return;
    }
    final BigDecimal net = netBase(ex, order.request());
    final var risk = ClusterSharding.get(ctx.getSystem())
        .entityRefFor(RiskProtocol.ENTITY_KEY, ex.config().controllerId());
    ctx.ask(RiskProtocol.OrderVerdict.class, risk, engine.settings().askTimeout(),
        (ActorRef<RiskProtocol.OrderVerdict> replyTo) ->
            new RiskProtocol.AuthorizeOrder(executorId, order.request(), net, replyTo),
        (verdict, err) -> new OrderVerdictReceived(id, verdict, err == null ? null : err.getMessage()));
  }

  /** The executor's filled inventory on the order's market (bought minus sold, in base). */
  private static BigDecimal netBase(final Executor ex, final dev.osprey.domain.order.OrderRequest request) {
    BigDecimal net = BigDecimal.ZERO;
    for (TrackedOrder o : ex.orders().all()) {
      final var r = o.request();
      if (r.connectorName().equals(request.connectorName()) && r.tradingPair().equals(request.tradingPair())) {
        final BigDecimal base = o.executedBase().value();
        net = o.side() == dev.osprey.domain.market.Side.BUY ? net.add(base) : net.subtract(base);
      }
    }
    return net;
  }

  private ReplyEffect<Event, State> onOrderVerdict(final State s, final OrderVerdictReceived c) {
    authorizing.remove(c.clientOrderId());
    final Optional<TrackedOrder> order = s.executor().orders().get(c.clientOrderId());
    if (order.isEmpty() || order.get().status() != OrderStatus.SUBMITTED) {
      heldByRisk.remove(c.clientOrderId());
      // Cancelled while the verdict was on its way: it never left, so it is cancelled here.
      return order.isPresent() && order.get().status() == OrderStatus.CANCEL_REQUESTED
          ? decideAll(s, List.of(new OrderEvent.Cancelled(c.clientOrderId(), engine.clock().instant())))
          : Effect().noReply();
    }
    if (c.verdict() != null && c.verdict().allowed()) {
      heldByRisk.remove(c.clientOrderId());
      venues.place(order.get(), (id, error) -> ctx.getSelf().tell(new PlaceUnconfirmed(id, error)));
      return Effect().noReply();
    }
    // Held back (or no answer: risk is never fail-open). Asked again when the state changes, or
    // after the wait the supervisor gave, or on the retry interval as a safety net.
    final String why = c.verdict() != null ? c.verdict().reasonCode() + ": " + c.verdict().message() : c.error();
    if (heldByRisk.add(c.clientOrderId())) {
      ctx.getLog().info("executor {}: order {} held back by risk ({})", executorId, c.clientOrderId(), why);
    }
    final long waitMs = c.verdict() != null ? c.verdict().retryAfterMs() : 0;
    timers.startSingleTimer("risk-retry", new RetryHeldOrders(),
        waitMs > 0 ? Duration.ofMillis(waitMs) : engine.settings().notifyRetryInterval());
    return Effect().noReply();
  }

  private void retryHeldOrders(final State s) {
    for (ClientOrderId id : List.copyOf(heldByRisk)) {
      s.executor().orders().get(id).ifPresent(o -> authorize(o, s.executor()));
    }
  }

  /**
   * Cancels an order at its venue; one that never left (waiting for its route or held back by
   * risk) is cancelled here. One whose verdict is on its way is settled when the verdict comes.
   */
  private void cancel(final ClientOrderId id, final State next) {
    if (awaitingRoute.remove(id) | heldByRisk.remove(id)) {
      ctx.getSelf().tell(new VenueReport(new OrderEvent.Cancelled(id, engine.clock().instant())));
    } else if (!authorizing.contains(id)) {
      next.executor().orders().get(id).ifPresent(venues::cancel);
    }
  }

  private void registerRoute() {
    if (registeringRoute) {
      return;
    }
    registeringRoute = true;
    final var route = ClusterSharding.get(ctx.getSystem())
        .entityRefFor(OrderRouteEntity.ENTITY_KEY, ClientOrderId.routeKeyOf(executorId));
    ctx.askWithStatus(Done.class, route, engine.settings().askTimeout(),
        (ActorRef<StatusReply<Done>> replyTo) -> new OrderRouteEntity.Register(executorId, replyTo),
        (done, err) -> err == null ? new RouteRegistered() : new RouteFailed(err.getMessage()));
  }

  /** Sends the orders that waited for the route (a cancelled one was already taken out). */
  private ReplyEffect<Event, State> onRouteRegistered(final State s, final RouteRegistered c) {
    registeringRoute = false;
    routeRegistered = true;
    for (ClientOrderId id : awaitingRoute) {
      s.executor().orders().get(id)
          .filter(o -> o.status() == OrderStatus.SUBMITTED)
          .ifPresent(o -> place(o, s.executor()));
    }
    awaitingRoute.clear();
    return Effect().noReply();
  }

  private void lookup(final TrackedOrder order) {
    final ClientOrderId id = order.id();
    venues.lookup(order, (venueOrder, error) -> ctx.getSelf().tell(new Reconciled(id, venueOrder, error)));
  }

  private MarketView marketView(final ExecutorConfig config) {
    return venues.marketView(config);
  }

  private void subscribeMarket(final State s) {
    if (s.exists() && !s.executor().isTerminated()) {
      final ActorRef<Command> self = ctx.getSelf();
      venues.subscribe(s.executor().config(), book -> self.tell(new MarketUpdate(book)));
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

  private List<String> pendingNotices(final State s) {
    if (!s.exists() || !s.executor().isTerminated()) {
      return List.of();
    }
    final List<String> out = new ArrayList<>(2);
    if (!s.delivered().contains(RISK)) {
      out.add(RISK);
    }
    if (!s.executor().heldOrders().isEmpty() && !s.delivered().contains(POSITIONS)) {
      out.add(POSITIONS);
    }
    return out;
  }

  private void sendPendingNotices(final State s) {
    final List<String> pending = pendingNotices(s);
    if (pending.isEmpty()) {
      return;
    }
    timers.startTimerWithFixedDelay("notices", new RetryNotices(), engine.settings().notifyRetryInterval());
    final Executor ex = s.executor();
    final ExecutorReport report = ex.report(marketView(ex.config()), engine.clock().instant());
    final String controllerId = ex.config().controllerId();
    final ClusterSharding sharding = ClusterSharding.get(ctx.getSystem());
    final Duration timeout = engine.settings().askTimeout();
    if (pending.contains(RISK)) {
      final var ref = sharding.entityRefFor(RiskProtocol.ENTITY_KEY, controllerId);
      ctx.askWithStatus(Done.class, ref,
          timeout,
          (ActorRef<StatusReply<Done>> replyTo) -> new RiskProtocol.ExecutorClosed(
              executorId, report.closeType(), report.netPnlQuote(), report.closeTimestamp(), replyTo),
          (done, err) -> err == null ? new NoticeAcknowledged(RISK) : new NoticeFailed(RISK, err.getMessage()));
    }
    if (pending.contains(POSITIONS)) {
      final List<HeldOrder> held = ex.heldOrders();
      final var ref = sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId);
      ctx.askWithStatus(Done.class, ref,
          timeout,
          (ActorRef<StatusReply<Done>> replyTo) -> new PositionBookEntity.HandOver(executorId, held, replyTo),
          (done, err) -> err == null
              ? new NoticeAcknowledged(POSITIONS)
              : new NoticeFailed(POSITIONS, err.getMessage()));
    }
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
      sendPendingNotices(s);
      armIdlePassivation(s);
      return;
    }
    ctx.getLog().info("executor {} resumed ({} live orders)", executorId, ex.orders().live().size());
    subscribeMarket(s);
    armWakeUp(s);
    for (TrackedOrder o : ex.orders().live()) {
      lookup(o);
    }
  }

  // ---- events ---------------------------------------------------------------------------------

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(Created.class, (s, e) -> new State(factory.create(e.config()), Set.of()))
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

  /** True when {@code closeType} means the executor left inventory for its controller. */
  static boolean handsOver(final CloseType closeType) {
    return closeType == CloseType.POSITION_HOLD;
  }
}
