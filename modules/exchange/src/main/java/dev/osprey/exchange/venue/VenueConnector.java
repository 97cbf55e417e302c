package dev.osprey.exchange.venue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.ExchangeConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What a real venue's connector (Binance, OKX) is whatever the venue: one thread on which every
 * state change happens and listeners are called, so that public methods only hand work to it; the
 * venue's clock, which requests are signed on; the desk that publishes order events and settles
 * the calls waiting on an order; top of book from a {@link QuoteBoard}. Each venue says how an
 * order is placed and cancelled on that thread, where its quotes, rules and time come from, and
 * what to stop on close.
 */
public abstract class VenueConnector implements ExchangeConnector, AutoCloseable {
  /** How long {@link #topOfBook} waits for the first quote of a listed pair nobody watched yet. */
  private static final long COLD_PAIR_WAIT_MS = 3_000;

  private final String venue;
  private final String name;
  protected final Clock clock;
  protected final ConnectorThread thread;
  protected final ScheduledExecutorService loop;
  protected final VenueClock venueClock;
  protected final OrderDesk desk;

  /**
   * @param venue the venue as logs and messages name it ({@code OKX}); lower-cased, with {@code
   *     name}, it names the connector's thread ({@code okx-okx})
   * @param name the connector's name
   */
  protected VenueConnector(final String venue, final String name, final Clock clock) {
    this.venue = venue;
    this.name = name;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.thread = new ConnectorThread(venue.toLowerCase(Locale.ROOT) + "-" + name);
    this.loop = thread.executor();
    this.venueClock = new VenueClock(clock);
    this.desk = new OrderDesk(venue);
  }

  /**
   * Reads what trading needs from the venue and opens its sockets; the stage completes when the
   * connector can trade, or fails with the venue's exception (a refused key says what to check).
   */
  public abstract CompletionStage<Void> start();

  @Override
  public String name() {
    return name;
  }

  /** The venue's time, as its time endpoint tells it. */
  protected abstract CompletableFuture<Instant> serverTime();

  /** Aligns the signing clock with the venue's (a failure is logged, the last offset kept). */
  protected CompletableFuture<Void> syncClock() {
    return venueClock.alignWith(serverTime(), venue);
  }

  // ------------------------------------------------------------------ orders

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    Objects.requireNonNull(request, "request");
    return thread.run(done -> place(request, done));
  }

  /** On the connector's thread: {@code done} completes once the order is settled with the venue. */
  protected abstract void place(OrderRequest request, CompletableFuture<Void> done);

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    return thread.run(done -> cancel(clientOrderId, done));
  }

  /** On the connector's thread: {@code done} completes once the order is cancelled or done. */
  protected abstract void cancel(ClientOrderId clientOrderId, CompletableFuture<Void> done);

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    return desk.subscribe(Objects.requireNonNull(listener, "listener"));
  }

  // ------------------------------------------------------------------ market data

  /** The latest quotes the venue pushed, per pair. */
  protected abstract QuoteBoard quotes();

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    return quotes()
        .listen(Objects.requireNonNull(pair, "pair"), Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The latest quote of {@code pair}. A listed pair that nothing watched yet is subscribed on this
   * first call, which waits (up to 3 s, never on the connector's thread) for the venue's first
   * quote: creating an executor values its exposure at the mid before anything subscribed.
   */
  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    if (tradingRules(pair).isEmpty()) {
      return quotes().top(pair);
    }
    return quotes().topWarmingUp(pair, COLD_PAIR_WAIT_MS, !thread.isCurrent());
  }

  // ------------------------------------------------------------------ closing

  /** On the connector's thread, at close: stops the venue's sockets and timers. */
  protected abstract void closing();

  /** Runs {@link #closing} on the connector's thread (up to 5 s), then stops the thread. */
  @Override
  public void close() {
    thread.close(this::closing);
  }
}
