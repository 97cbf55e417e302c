package dev.osprey.engine.paper;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.engine.paper.PaperVenueProtocol.Applied;
import dev.osprey.engine.paper.PaperVenueProtocol.Command;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.venue.Listeners;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * A node's connector to one paper venue of the cluster ({@link PaperVenueEntity}): orders and
 * operator changes go to the entity, wherever it lives, and what they change comes back through
 * {@link PaperVenueFollower} into a replica of the venue's markets, quotes and balances, from
 * which this connector answers {@link #topOfBook}, {@link #tradingRules} and {@link #balances}
 * without asking, and notifies its listeners.
 *
 * <p>Every node applies the venue's updates in the venue's order, so all nodes notify the same
 * events; executors apply them idempotently. A change made through this connector completes only
 * once this node applied it (read your writes): after {@link #place} returns, the order's
 * immediate fills have been delivered, as on a local venue.
 */
public final class ClusterPaperVenue implements ExchangeConnector, AutoCloseable {
  private final PaperVenueSpec spec;
  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final ActorRef<PaperVenueFollower.Command> follower;

  // ---- the replica: written by the follower only, read by anyone
  private final Map<TradingPair, TopOfBook> tops = new ConcurrentHashMap<>();
  private final Map<TradingPair, MarketConfig> markets = new ConcurrentHashMap<>();
  private volatile Map<String, BigDecimal> balances;
  private volatile long seq;

  private final Listeners<OrderEvent> orderListeners = new Listeners<>("paper venue");
  private final Map<TradingPair, Listeners<TopOfBook>> marketListeners = new ConcurrentHashMap<>();

  /**
   * Completes with the first replica the venue sends this node. Changes wait for it: one made
   * before could reach the venue ahead of this node's first request to follow it, and its update
   * would then be inside the replica, its order events never notified here.
   */
  private final CompletableFuture<Void> following = new CompletableFuture<>();

  /** Changes made here, waiting until this node applied them: futures by event number. */
  private final ConcurrentSkipListMap<Long, List<CompletableFuture<Void>>> waiting =
      new ConcurrentSkipListMap<>();

  private ClusterPaperVenue(
      final ActorSystem<?> system,
      final PaperVenueSpec spec,
      final Duration askTimeout,
      final Duration followInterval) {
    this.spec = spec;
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
    this.balances = spec.balances();
    this.follower =
        system.systemActorOf(
            PaperVenueFollower.create(this, entity(), followInterval),
            "paper-venue-" + spec.name(),
            Props.empty());
  }

  /**
   * The connector of venue {@code spec.name()} on this node. The venue's entity type must be
   * registered ({@link PaperVenueEntity#init}); the connector follows it from now on, asking again
   * every {@code followInterval} (which is also how it finds the venue after a move).
   */
  public static ClusterPaperVenue start(
      final ActorSystem<?> system,
      final PaperVenueSpec spec,
      final Duration askTimeout,
      final Duration followInterval) {
    return new ClusterPaperVenue(system, spec, askTimeout, followInterval);
  }

  private EntityRef<Command> entity() {
    return sharding.entityRefFor(PaperVenueEntity.ENTITY_KEY, spec.name());
  }

  /** Sends a change once this node follows the venue; completes once this node applied it. */
  private CompletionStage<Void> change(
      final java.util.function.Function<EntityRef<Command>, CompletionStage<Applied>> ask) {
    return following
        .copy()
        .orTimeout(askTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .thenCompose(x -> ask.apply(entity()))
        .thenCompose(this::applied);
  }

  /** An operator's change, which the venue may refuse with its reason (the stage then fails). */
  private CompletionStage<Void> operate(
      final java.util.function.Function<ActorRef<StatusReply<Applied>>, Command> command) {
    return change(e -> e.askWithStatus(command::apply, askTimeout));
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Contracts contracts() {
    return spec.contracts();
  }

  // ------------------------------------------------------------------ orders

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    Objects.requireNonNull(request, "request");
    return change(e -> e.<Applied>ask(r -> new PaperVenueProtocol.Place(request, r), askTimeout));
  }

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    return change(
        e -> e.<Applied>ask(r -> new PaperVenueProtocol.Cancel(clientOrderId, r), askTimeout));
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    return entity()
        .<PaperVenueProtocol.Found>ask(r -> new PaperVenueProtocol.Lookup(clientOrderId, r), askTimeout)
        .thenApply(f -> Optional.ofNullable(f.order()));
  }

  // ------------------------------------------------------------------ operating

  /** Sets a top of book (sizes null = unlimited); fails with the reason when refused. */
  public CompletionStage<Void> setQuote(
      final TradingPair pair,
      final Price bid,
      final Price ask,
      final Quantity bidSize,
      final Quantity askSize) {
    return operate(r -> new PaperVenueProtocol.SetQuote(pair, bid, ask, bidSize, askSize, r));
  }

  /** Lists a market or changes its fees and rules. */
  public CompletionStage<Void> configureMarket(final TradingPair pair, final MarketConfig config) {
    return operate(r -> new PaperVenueProtocol.Configure(pair, config, r));
  }

  /** Sets the available balance of each given asset. */
  public CompletionStage<Void> setBalances(final Map<String, BigDecimal> available) {
    return operate(r -> new PaperVenueProtocol.SetBalances(Map.copyOf(available), r));
  }

  /** A market's settings and quote as the venue has them now. */
  public CompletionStage<PaperVenueProtocol.Market> market(final TradingPair pair) {
    return entity()
        .ask(r -> new PaperVenueProtocol.GetMarket(pair, r), askTimeout);
  }

  /** Every open order as the venue has them now, oldest first. */
  public CompletionStage<List<VenueOrder>> openOrders() {
    return entity()
        .<PaperVenueProtocol.OpenOrders>ask(PaperVenueProtocol.GetOpenOrders::new, askTimeout)
        .thenApply(PaperVenueProtocol.OpenOrders::orders);
  }

  /** Available, total and locked balances as the venue has them now. */
  public CompletionStage<PaperVenueProtocol.Balances> accountBalances() {
    return entity().ask(PaperVenueProtocol.GetBalances::new, askTimeout);
  }

  /** Completes once this node has applied event {@code a.seq()}. */
  private CompletionStage<Void> applied(final Applied a) {
    if (seq >= a.seq()) {
      return CompletableFuture.completedFuture(null);
    }
    final CompletableFuture<Void> done = new CompletableFuture<>();
    waiting.computeIfAbsent(a.seq(), k -> new CopyOnWriteArrayList<>()).add(done);
    // Applied meanwhile: the follower may have taken this list off before the future was in it
    // (seq is written before the waiters are released), so the future completes itself.
    if (seq >= a.seq()) {
      done.complete(null);
    } else {
      follower.tell(PaperVenueFollower.CatchUp.INSTANCE);
    }
    return done;
  }

  // ------------------------------------------------------------------ market data

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(listener, "listener");
    return marketListeners
        .computeIfAbsent(pair, p -> new Listeners<>("paper venue"))
        .add(listener);
  }

  /** How many market listeners {@code pair} has on this node (operators and tests). */
  public int subscriberCount(final TradingPair pair) {
    final Listeners<TopOfBook> list = marketListeners.get(pair);
    return list == null ? 0 : list.size();
  }

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    return orderListeners.add(listener);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    return Optional.ofNullable(tops.get(pair));
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return Optional.ofNullable(markets.get(pair)).map(MarketConfig::rules);
  }

  @Override
  public Optional<FeeRates> feeRates(final TradingPair pair) {
    return Optional.ofNullable(markets.get(pair))
        .map(c -> new FeeRates(c.makerFee(), c.takerFee()));
  }

  /** Available balances as of the last update this node applied. */
  @Override
  public Map<String, BigDecimal> balances() {
    return balances;
  }

  /** The number of the last venue event this node applied. */
  @Override
  public long viewVersion() {
    return seq;
  }

  @Override
  public CompletionStage<Void> viewReached(final long version) {
    return applied(new Applied(version));
  }

  // ------------------------------------------------------------------ from the follower

  /** The venue's next update, in order: replica first, then order events, then quotes. */
  void apply(final PaperVenueUpdate u) {
    for (PaperVenueUpdate.Listing l : u.markets()) {
      markets.put(l.pair(), l.config());
    }
    for (TopOfBook t : u.quotes()) {
      tops.put(t.pair(), t);
    }
    balances = u.balances();
    seq = u.seq();
    u.orderEvents().forEach(orderListeners::deliver);
    for (TopOfBook t : u.quotes()) {
      final Listeners<TopOfBook> listeners = marketListeners.get(t.pair());
      if (listeners != null) {
        listeners.deliver(t);
      }
    }
    releaseUpTo(u.seq());
  }

  /** The whole replica, replacing what this node had. */
  void reset(final PaperVenueReplica r) {
    markets.clear();
    for (PaperVenueUpdate.Listing l : r.markets()) {
      markets.put(l.pair(), l.config());
    }
    tops.clear();
    for (TopOfBook t : r.quotes()) {
      tops.put(t.pair(), t);
    }
    balances = r.balances();
    seq = r.seq();
    releaseUpTo(r.seq());
    following.complete(null);
  }

  private void releaseUpTo(final long upTo) {
    Map.Entry<Long, List<CompletableFuture<Void>>> next;
    while ((next = waiting.firstEntry()) != null && next.getKey() <= upTo) {
      if (waiting.remove(next.getKey(), next.getValue())) {
        next.getValue().forEach(f -> f.complete(null));
      }
    }
  }

  @Override
  public void close() {
    follower.tell(PaperVenueFollower.Stop.INSTANCE);
  }
}
