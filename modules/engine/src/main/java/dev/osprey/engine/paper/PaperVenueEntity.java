package dev.osprey.engine.paper;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.engine.DurableEntity;
import dev.osprey.engine.paper.PaperVenueProtocol.Applied;
import dev.osprey.engine.paper.PaperVenueProtocol.Command;
import dev.osprey.engine.paper.PaperVenueProtocol.Feed;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.RandomWalkFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One paper venue of the cluster: its markets, books, orders and balances, with one owner in the
 * cluster (sharded by venue name) and durable in the journal. Every node trades it through its own
 * {@link ClusterPaperVenue}, which follows the entity's updates.
 *
 * <p>Commands that change the venue persist the input ({@link PaperVenueEvent}) and apply it to a
 * deterministic {@link dev.osprey.exchange.paper.PaperExchange}; the update the event produced goes
 * to every following node after it is in the journal. A node that missed updates (it was not
 * following yet, or the entity moved) asks again with the last one it applied and is sent the rest,
 * from the updates kept in memory (rebuilt on recovery), or the whole replica.
 *
 * <p>A venue with a random-walk feed quotes it from here, so one feed moves the venue wherever it
 * lives; its quotes are events like any other.
 */
public final class PaperVenueEntity
    extends DurableEntity<Command, PaperVenueEvent, PaperVenueState> {
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "PaperVenue");

  /** Updates kept for nodes that missed some; also how often a snapshot is taken. */
  static final int KEPT_UPDATES = 1_000;

  private record WalkTick() implements Command {}

  private record Unfollow(ActorRef<Feed> follower) implements Command {}

  /** Registers the entity type; {@code specs} by venue name, the same on every node. */
  public static void init(
      final ActorSystem<?> system, final Map<String, PaperVenueSpec> specs, final Clock clock) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx -> {
                  final PaperVenueSpec spec = specs.get(ctx.getEntityId());
                  if (spec == null) {
                    throw new IllegalArgumentException("no paper venue " + ctx.getEntityId());
                  }
                  return create(spec, clock);
                }));
  }

  static Behavior<Command> create(final PaperVenueSpec spec, final Clock clock) {
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers -> new PaperVenueEntity(ctx, timers, spec, clock)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final PaperVenueSpec spec;
  private final Clock clock;
  private final Set<ActorRef<Feed>> followers = new HashSet<>();

  private PaperVenueEntity(
      final ActorContext<Command> ctx,
      final TimerScheduler<Command> timers,
      final PaperVenueSpec spec,
      final Clock clock) {
    super(
        ENTITY_KEY,
        spec.name(),
        RetentionCriteria.snapshotEvery(KEPT_UPDATES, 2).withDeleteEventsOnSnapshot());
    this.ctx = ctx;
    this.timers = timers;
    this.spec = spec;
    this.clock = clock;
    this.walkTarget =
        RandomWalkFeed.Quotes.reading(
            () -> walkState.venue(),
            (pair, bid, ask, bidSize, askSize) -> {
              final PaperVenueEvent.QuoteSet q =
                  new PaperVenueEvent.QuoteSet(pair, bid, ask, bidSize, askSize, clock.instant());
              walkQuotes.add(q);
              return new TopOfBook(spec.name(), pair, bid, ask, bidSize, askSize, q.at());
            });
  }

  @Override
  public PaperVenueState emptyState() {
    return new PaperVenueState(spec.name(), KEPT_UPDATES);
  }

  @Override
  public SnapshotAdapter<PaperVenueState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(final PaperVenueState state) {
        return state.snapshot();
      }

      @Override
      public PaperVenueState fromJournal(final Object from) {
        final PaperVenueSnapshot s = (PaperVenueSnapshot) from;
        return PaperVenueState.restored(spec.name(), KEPT_UPDATES, s.seq(), s.venue());
      }
    };
  }

  @Override
  public SignalHandler<PaperVenueState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            s ->
                spec.walk()
                    .ifPresent(
                        w ->
                            timers.startTimerWithFixedDelay(
                                "walk", new WalkTick(), Duration.ZERO, w.interval())))
        .build();
  }

  @Override
  public CommandHandlerWithReply<Command, PaperVenueEvent, PaperVenueState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(PaperVenueProtocol.Place.class, this::onPlace)
        .onCommand(PaperVenueProtocol.Cancel.class, this::onCancel)
        .onCommand(PaperVenueProtocol.Lookup.class, this::onLookup)
        .onCommand(PaperVenueProtocol.SetQuote.class, this::onSetQuote)
        .onCommand(PaperVenueProtocol.Configure.class, this::onConfigure)
        .onCommand(PaperVenueProtocol.SetBalances.class, this::onSetBalances)
        .onCommand(PaperVenueProtocol.GetMarket.class, this::onGetMarket)
        .onCommand(PaperVenueProtocol.GetBalances.class, this::onGetBalances)
        .onCommand(
            PaperVenueProtocol.GetOpenOrders.class,
            (s, c) ->
                Effect()
                    .reply(
                        c.replyTo(),
                        new PaperVenueProtocol.OpenOrders(
                            s.isOpen() ? s.venue().openOrders() : List.of())))
        .onCommand(PaperVenueProtocol.Follow.class, this::onFollow)
        .onCommand(Unfollow.class, (s, c) -> {
          followers.remove(c.follower());
          return Effect().noReply();
        })
        .onCommand(WalkTick.class, this::onWalkTick)
        .build();
  }

  // ------------------------------------------------------------------ trading

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onPlace(
      final PaperVenueState s, final PaperVenueProtocol.Place c) {
    return persist(s, new PaperVenueEvent.OrderPlaced(c.request(), clock.instant()))
        .thenReply(c.replyTo(), x -> new Applied(x.seq()));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onCancel(
      final PaperVenueState s, final PaperVenueProtocol.Cancel c) {
    final boolean open =
        s.isOpen()
            && s.venue()
                .lookup(c.clientOrderId())
                .toCompletableFuture()
                .join()
                .map(o -> o.state() == VenueOrder.State.OPEN)
                .orElse(false);
    if (!open) {
      return Effect().reply(c.replyTo(), new Applied(s.seq()));
    }
    return persist(s, new PaperVenueEvent.OrderCancelled(c.clientOrderId(), clock.instant()))
        .thenReply(c.replyTo(), x -> new Applied(x.seq()));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onLookup(
      final PaperVenueState s, final PaperVenueProtocol.Lookup c) {
    final VenueOrder order =
        s.isOpen()
            ? s.venue().lookup(c.clientOrderId()).toCompletableFuture().join().orElse(null)
            : null;
    return Effect().reply(c.replyTo(), new PaperVenueProtocol.Found(order));
  }

  // ------------------------------------------------------------------ operating

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onSetQuote(
      final PaperVenueState s, final PaperVenueProtocol.SetQuote c) {
    final Optional<String> problem = QuoteRules.problem(c.bid(), c.ask(), c.bidSize(), c.askSize());
    if (problem.isPresent()) {
      return Effect().reply(c.replyTo(), StatusReply.error(problem.get()));
    }
    return persist(
            s,
            new PaperVenueEvent.QuoteSet(
                c.pair(), c.bid(), c.ask(), c.bidSize(), c.askSize(), clock.instant()))
        .thenReply(c.replyTo(), x -> StatusReply.success(new Applied(x.seq())));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onConfigure(
      final PaperVenueState s, final PaperVenueProtocol.Configure c) {
    return persist(s, new PaperVenueEvent.MarketConfigured(c.pair(), c.config(), clock.instant()))
        .thenReply(c.replyTo(), x -> StatusReply.success(new Applied(x.seq())));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onSetBalances(
      final PaperVenueState s, final PaperVenueProtocol.SetBalances c) {
    for (Map.Entry<String, BigDecimal> e : c.available().entrySet()) {
      if (e.getValue() == null || e.getValue().signum() < 0) {
        return Effect()
            .reply(
                c.replyTo(),
                StatusReply.error("balance of " + e.getKey() + " must not be negative"));
      }
    }
    return persist(s, new PaperVenueEvent.BalancesSet(c.available(), clock.instant()))
        .thenReply(c.replyTo(), x -> StatusReply.success(new Applied(x.seq())));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onGetMarket(
      final PaperVenueState s, final PaperVenueProtocol.GetMarket c) {
    if (!s.isOpen()) {
      return Effect().reply(c.replyTo(), new PaperVenueProtocol.Market(null, null));
    }
    return Effect()
        .reply(
            c.replyTo(),
            new PaperVenueProtocol.Market(
                s.venue().marketConfig(c.pair()).orElse(null),
                s.venue().topOfBook(c.pair()).orElse(null)));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onGetBalances(
      final PaperVenueState s, final PaperVenueProtocol.GetBalances c) {
    if (!s.isOpen()) {
      return Effect()
          .reply(c.replyTo(), new PaperVenueProtocol.Balances(spec.balances(), spec.balances(), Map.of()));
    }
    return Effect()
        .reply(
            c.replyTo(),
            new PaperVenueProtocol.Balances(
                s.venue().balances(), s.venue().totalBalances(), s.venue().lockedBalances()));
  }

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onWalkTick(
      final PaperVenueState s, final WalkTick c) {
    if (spec.walk().isEmpty()) {
      return Effect().noReply();
    }
    if (!s.isOpen()) {
      return Effect().persist(opening()).thenNoReply(); // the next tick quotes
    }
    walkState = s;
    walkQuotes = new ArrayList<>();
    if (walk == null) {
      final PaperVenueSpec.RandomWalk w = spec.walk().get();
      walk =
          new RandomWalkFeed(
              walkTarget, w.seed(), w.startPrices(), w.maxStepBps(), w.spread(), null);
      walk.publish(); // this incarnation starts where the venue is, without a move
    } else {
      walk.tick();
    }
    return walkQuotes.isEmpty() ? Effect().noReply() : persistAll(s, walkQuotes).thenNoReply();
  }

  // The walk of this incarnation reads the venue and turns its quotes into events.
  private RandomWalkFeed walk;
  private PaperVenueState walkState;
  private List<PaperVenueEvent> walkQuotes;
  private final RandomWalkFeed.Quotes walkTarget;

  // ------------------------------------------------------------------ following

  private ReplyEffect<PaperVenueEvent, PaperVenueState> onFollow(
      final PaperVenueState s, final PaperVenueProtocol.Follow c) {
    if (followers.add(c.follower())) {
      ctx.watchWith(c.follower(), new Unfollow(c.follower()));
    }
    if (!s.isOpen()) {
      return Effect().persist(opening()).thenRun(x -> catchUp(x, c)).thenNoReply();
    }
    catchUp(s, c);
    return Effect().noReply();
  }

  private void catchUp(final PaperVenueState s, final PaperVenueProtocol.Follow c) {
    if (c.afterSeq() == 0) {
      c.follower().tell(new PaperVenueProtocol.Reset(s.replica()));
      return;
    }
    final Optional<List<PaperVenueUpdate>> missed = s.updatesAfter(c.afterSeq());
    if (missed.isEmpty()) {
      ctx.getLog()
          .warn(
              "paper venue {}: a node at event {} missed more than the {} kept; sending it all",
              spec.name(),
              c.afterSeq(),
              KEPT_UPDATES);
      c.follower().tell(new PaperVenueProtocol.Reset(s.replica()));
    } else if (!missed.get().isEmpty()) {
      c.follower().tell(new PaperVenueProtocol.Updates(missed.get()));
    }
  }

  // ------------------------------------------------------------------ persisting

  /** The venue's first event: from the node's saved JSON state if it has one, else opened anew. */
  private PaperVenueEvent opening() {
    return spec.legacyState()
        .<PaperVenueEvent>map(st -> new PaperVenueEvent.Imported(st, clock.instant()))
        .orElseGet(
            () -> new PaperVenueEvent.Opened(spec.defaults(), spec.balances(), clock.instant()));
  }

  private EffectBuilder<PaperVenueEvent, PaperVenueState> persist(final PaperVenueState s, final PaperVenueEvent event) {
    return persistAll(s, List.of(event));
  }

  /**
   * Persists {@code events} (after the opening event if the venue has none yet) and then sends
   * what they changed to every follower.
   */
  private EffectBuilder<PaperVenueEvent, PaperVenueState> persistAll(final PaperVenueState s, final List<PaperVenueEvent> events) {
    final List<PaperVenueEvent> all = new ArrayList<>();
    if (!s.isOpen()) {
      all.add(opening());
    }
    all.addAll(events);
    final long before = s.seq();
    return Effect()
        .persist(all)
        .thenRun(
            x -> {
              final List<PaperVenueUpdate> updates = x.updatesAfter(before).orElse(List.of());
              final PaperVenueProtocol.Updates message = new PaperVenueProtocol.Updates(updates);
              for (ActorRef<Feed> f : followers) {
                f.tell(message);
              }
            });
  }

  @Override
  public EventHandler<PaperVenueState, PaperVenueEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent(
            (s, e) -> {
              s.apply(e);
              return s;
            });
  }
}
