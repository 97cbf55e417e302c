package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.venue.Backoff;
import dev.osprey.exchange.venue.Lookups;
import dev.osprey.exchange.venue.OrderDesk;
import dev.osprey.exchange.venue.QuoteBoard;
import dev.osprey.exchange.venue.VenueConnector;
import dev.osprey.exchange.venue.VenueReconciler;
import dev.osprey.exchange.venue.VenueOrderTracker.Sending;
import dev.osprey.exchange.venue.VenueOrderTracker.Tracked;
import dev.osprey.exchange.venue.VenueOrderTracker.Update;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot behind {@link ExchangeConnector}: orders over REST (XChange, see {@link
 * BinanceRest}), fills from the user-data stream's {@code executionReport}s, top of book from
 * {@code bookTicker} streams (both on Pekko HTTP's WebSocket client).
 *
 * <p><b>One thread.</b> Every state change happens on the connector's own thread, which is also
 * where listeners are called; REST calls run on a blocking pool and post their results back.
 *
 * <p><b>Orders.</b> {@link #place} books Binance's order-count and weight limits, then looks the
 * client order id up (Binance accepts a {@code newClientOrderId} again once the earlier order with
 * it is done, so only a look-up keeps a re-placed order from being sent twice), and sends it when
 * Binance has none. Answers, stream reports and look-ups go through {@link BinanceOrderTracker}. An
 * answer that may or may not have executed (no answer, 5xx, -1007) is settled by a look-up: Binance
 * has it → applied; it has none → sent (its first arrival). A 429/418 is the order's rejection
 * naming the limit, and no order leaves before Binance's {@code Retry-After} passed.
 *
 * <p><b>Reconnects.</b> The user-data stream reconnects with backoff; then every unfinished order
 * that left is looked up, so fills missed meanwhile come out once. A refused key (-2015, -2014,
 * -1022) is final: start fails, every order is refused with Binance's message.
 */
public final class BinanceExchange extends VenueConnector {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceExchange.class);

  /** Binance's {@code newClientOrderId} format. */
  private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

  private static final long MAX_ORDER_WAIT_MS = 10_000;

  private final BinanceConfig config;
  private final BinanceLimits limits;
  private final BinanceRest rest;
  private final Backoff backoff;
  private final BinanceMarkets markets = new BinanceMarkets();
  private final BinanceOrderTracker tracker = new BinanceOrderTracker(markets);
  private final BinanceBookTickers tickers;
  private final BinanceUserStream user;
  private final Reconciler reconciler;

  // ---- loop-thread state
  private volatile BinanceException fatal;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private long pausedUntilMs;
  private final Set<ClientOrderId> retimed = new HashSet<>();

  /** Orders whose POST is on its way: only its answer may decide to send again. */
  private final Set<ClientOrderId> posting = new HashSet<>();

  private String pausedBecause = "";
  private boolean closed;

  /** A connector whose streams open on {@code system}'s Pekko HTTP client; see {@link #start}. */
  public BinanceExchange(
      final BinanceConfig config, final Clock clock, final ClassicActorSystemProvider system) {
    this(config, clock, system, () -> 1);
  }

  /**
   * As the other constructor, for one of {@code sharers} connectors (the cluster's nodes) trading
   * the account: each keeps to its share of Binance's per-account order limits.
   */
  public BinanceExchange(
      final BinanceConfig config,
      final Clock clock,
      final ClassicActorSystemProvider system,
      final java.util.function.IntSupplier sharers) {
    super("Binance", Objects.requireNonNull(config, "config").connectorName(), clock);
    this.limits = BinanceLimits.spotDefaults(Objects.requireNonNull(sharers, "sharers"));
    this.config = config;
    this.rest = new BinanceRest(config, venueClock, limits);
    this.backoff = new Backoff(config.timings().reconnectMin(), config.timings().reconnectMax());
    this.reconciler = new Reconciler();
    this.tickers = new BinanceBookTickers(config, markets, clock, system, loop, backoff);
    this.user =
        new BinanceUserStream(
            config,
            rest,
            system,
            loop,
            backoff,
            new BinanceUserStream.Listener() {
              @Override
              public void ready() {
                reconciler.unfinished(tracker);
              }

              @Override
              public void executionReport(final JsonNode report) {
                final Update u = tracker.onExecutionReport(report, clock.instant());
                apply(u, u.needsLookup() ? tracker.reported(report).orElse(null) : null);
              }
            },
            e -> loop.execute(() -> onKeyRejected(e)));
  }

  /**
   * Reads Binance's time, trading rules (and rate limits) and balances, opens the streams. The
   * stage completes when the connector can trade, or fails with a {@link BinanceException} (a
   * refused key says what to check).
   */
  @Override
  public CompletionStage<Void> start() {
    final CompletableFuture<Void> info =
        syncClock()
            .thenCompose(v -> rest.exchangeInfo())
            .thenAccept(i -> LOG.info("Binance lists {} trading symbols", markets.load(i, limits)));
    final CompletableFuture<Void> account =
        info.thenCompose(v -> rest.balances())
            .thenAccept(user::setBalances)
            .whenCompleteAsync(
                (v, e) -> {
                  final BinanceException b = e == null ? null : BinanceRest.unwrap(e);
                  if (closed) {
                    return;
                  }
                  tickers.connect(); // public: quotes even when the key is refused
                  if (b != null && BinanceErrors.isKeyRejected(b.code())) {
                    onKeyRejected(b);
                  } else {
                    user.connect();
                  }
                },
                loop);
    CompletableFuture.allOf(account, user.started, tickers.started)
        .whenComplete(
            (v, e) -> OrderDesk.complete(ready, e == null ? null : BinanceRest.unwrap(e)));
    return ready;
  }

  @Override
  protected CompletableFuture<Instant> serverTime() {
    return rest.serverTime();
  }

  // ------------------------------------------------------------------ orders

  @Override
  protected void place(final OrderRequest request, final CompletableFuture<Void> done) {
    final Optional<Tracked> known = tracker.find(request.clientOrderId());
    if (known.isPresent()) {
      desk.replay(known.get(), done);
      return;
    }
    final Tracked t = tracker.register(request);
    desk.await(request.clientOrderId(), done);
    if (fatal != null) {
      refuse(t, RejectReason.VENUE_ERROR, fatal.getMessage());
    } else if (!CLIENT_ID.matcher(request.clientOrderId().value()).matches()) {
      refuse(
          t,
          RejectReason.VENUE_ERROR,
          "client order id '"
              + request.clientOrderId()
              + "' is not a Binance newClientOrderId (1-36 of A-Z a-z 0-9 . : / _ -)");
    } else if (markets.rules(request.tradingPair()).isEmpty()) {
      refuse(t, RejectReason.UNKNOWN_MARKET, "Binance lists no symbol " + t.instId);
    } else {
      schedule(t);
    }
  }

  /** Books the order in Binance's limits: now, after a short wait, or refused naming the limit. */
  private void schedule(final Tracked t) {
    if (t.isDone()) {
      desk.settle(t.clientOrderId, null);
      return;
    }
    final long now = clock.millis();
    if (now < pausedUntilMs) {
      refuse(t, RejectReason.VENUE_ERROR, pausedBecause);
      return;
    }
    final BinanceLimits.Verdict v = limits.take(1, true, now);
    if (v.allowed()) {
      lookUpThenSend(t);
    } else if (v.waitMs() <= MAX_ORDER_WAIT_MS) {
      LOG.info(
          "Binance order {} waits {} ms for the {} limit", t.clientOrderId, v.waitMs(), v.limit());
      loop.schedule(() -> schedule(t), v.waitMs(), TimeUnit.MILLISECONDS);
    } else {
      refuse(
          t,
          RejectReason.VENUE_ERROR,
          "Osprey keeps Binance's "
              + v.limit()
              + " limit: no order slot for "
              + v.waitMs() / 1000
              + " s");
    }
  }

  /** Sends {@code t} unless Binance already has its client order id (then applies what it has). */
  private void lookUpThenSend(final Tracked t) {
    rest.order(t.instId, t.clientOrderId.value())
        .whenCompleteAsync(
            (found, error) -> {
              if (error == null && found.isPresent()) {
                LOG.info("Binance already has order {}; not sending it again", t.clientOrderId);
                reconciler.reconcile(t, 0);
              } else if (error != null
                  && BinanceErrors.isKeyRejected(BinanceRest.unwrap(error).code())) {
                onKeyRejected(BinanceRest.unwrap(error));
              } else {
                send(t);
              }
            },
            loop);
  }

  private void send(final Tracked t) {
    if (t.isDone() || fatal != null) {
      settleUnsent(t);
      return;
    }
    t.sending = Sending.SENT;
    posting.add(t.clientOrderId);
    rest.newOrder(t.request, t.instId)
        .whenCompleteAsync(
            (answer, error) -> {
              posting.remove(t.clientOrderId);
              if (error == null) {
                apply(tracker.onNewOrder(t.clientOrderId, answer, clock.instant()), t);
                desk.settle(t.clientOrderId, null);
              } else {
                onOrderError(t, BinanceRest.unwrap(error));
              }
            },
            loop);
  }

  private void onOrderError(final Tracked t, final BinanceException e) {
    if (e.outcomeUnknown() || BinanceErrors.isDuplicate(e)) {
      LOG.warn("Binance order {}: {}; looking it up", t.clientOrderId, e.getMessage());
      reconciler.reconcile(t, 0);
    } else if (BinanceErrors.isKeyRejected(e.code())) {
      onKeyRejected(e);
    } else if (e.code() == BinanceErrors.TIMESTAMP && retimed.add(t.clientOrderId)) {
      // Once per order: a clock that keeps jumping refuses the order below, with -1021.
      LOG.warn("Binance refused order {}'s timestamp; re-reading its time", t.clientOrderId);
      t.sending = Sending.QUEUED;
      syncClock().thenRunAsync(() -> send(t), loop);
    } else {
      final String why = "Binance refused order " + t.clientOrderId + ": " + e.getMessage();
      if (BinanceErrors.isRateLimit(e.code()) || e.httpStatus() == 418 || e.httpStatus() == 429) {
        final long waitMs = e.retryAfter().map(d -> d.toMillis()).orElse(10_000L);
        pausedUntilMs = clock.millis() + waitMs;
        pausedBecause = why + "; no orders on " + name() + " for " + waitMs / 1000 + " s";
        LOG.warn("{}", pausedBecause);
        refuse(t, RejectReason.VENUE_ERROR, pausedBecause);
      } else {
        LOG.warn("{}", why);
        refuse(t, BinanceErrors.reason(e.code(), e.getMessage()), why);
      }
    }
  }

  @Override
  protected void cancel(final ClientOrderId clientOrderId, final CompletableFuture<Void> done) {
    final Optional<Tracked> known = tracker.find(clientOrderId);
    if (known.isEmpty() || known.get().isDone()) {
      done.complete(null); // unknown or finished: nothing to cancel
    } else if (fatal != null) {
      done.completeExceptionally(fatal);
    } else if (known.get().sending == Sending.QUEUED) {
      desk.emit(tracker.onCancelledUnsent(clientOrderId, clock.instant()).events());
      done.complete(null);
    } else {
      sendCancel(known.get(), done);
    }
  }

  private void sendCancel(final Tracked t, final CompletableFuture<Void> done) {
    rest.cancel(t.instId, t.clientOrderId.value())
        .whenCompleteAsync(
            (v, error) -> {
              final BinanceException e = error == null ? null : BinanceRest.unwrap(error);
              if (e == null
                  || e.code() == BinanceErrors.CANCEL_REJECTED
                  || e.code() == BinanceErrors.NO_SUCH_ORDER) {
                // Cancelled, or done already (-2011 when a fill won the race): what Binance has,
                // fills included, is what counts.
                reconciler.reconcile(t, 0);
                done.complete(null);
              } else {
                done.completeExceptionally(
                    new BinanceException(
                        e.code(),
                        e.httpStatus(),
                        "Binance refused to cancel " + t.clientOrderId + ": " + e.getMessage(),
                        null));
              }
            },
            loop);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId id) {
    Objects.requireNonNull(id, "clientOrderId");
    final CompletableFuture<Optional<String>> symbol =
        CompletableFuture.supplyAsync(() -> tracker.find(id).map(t -> t.instId), loop)
            .thenCompose(s -> Lookups.orAsk(s, () -> rest.openOrderSymbol(id.value())));
    return Lookups.ifFound(symbol, s -> rest.snapshot(s, id.value()))
        .thenApplyAsync(snap -> snap.map(sn -> venueOrder(id, sn)), loop);
  }

  /** Applies a look-up (what it shows for the first time comes out) and gives it as a record. */
  private VenueOrder venueOrder(final ClientOrderId id, final BinanceRest.Snapshot sn) {
    desk.emit(tracker.onSnapshot(sn.order(), sn.trades(), clock.instant()).events());
    final Tracked t = tracker.find(id).orElseThrow();
    return BinanceVenueOrders.of(
        name(), markets, sn.order(), t.history(), t.request, clock.instant());
  }

  /** The key is refused: final. Orders that never left are refused, the rest fail. */
  private void onKeyRejected(final BinanceException e) {
    if (fatal != null) {
      return;
    }
    fatal =
        new BinanceException(
            e.code(), e.httpStatus(), "Binance refused the API key (" + e.getMessage() + ")", null);
    LOG.error("{}", fatal.getMessage());
    ready.completeExceptionally(fatal);
    user.close();
    for (ClientOrderId id : desk.waiting()) {
      tracker.find(id).ifPresent(this::settleUnsent);
    }
  }

  private void settleUnsent(final Tracked t) {
    if (t.sending == Sending.SENT) {
      desk.settle(t.clientOrderId, fatal);
    } else if (fatal != null) {
      refuse(t, RejectReason.VENUE_ERROR, fatal.getMessage());
    } else {
      desk.settle(t.clientOrderId, null);
    }
  }

  /** Emits {@code update}, and looks {@code known} up when it shows a fill not seen yet. */
  private void apply(final Update update, final Tracked known) {
    desk.emit(update.events());
    if (update.needsLookup() && known != null) {
      reconciler.reconcile(known, 0);
    }
  }

  /**
   * Asks Binance for the order by client order id, then for its trades: after the user-data
   * stream reconnected, after an answer whose outcome is unknown, after a cancel that found the
   * order done, and when a report shows a fill not seen yet. An order Binance never received is
   * not sent again while its POST is on the way (that answer decides).
   */
  private final class Reconciler extends VenueReconciler {
    Reconciler() {
      super("Binance", loop, backoff);
    }

    @Override
    protected CompletionStage<Optional<Update>> lookUp(final Tracked t) {
      return rest.snapshot(t.instId, t.clientOrderId.value())
          .thenApplyAsync(
              snap -> snap.map(sn -> tracker.onSnapshot(sn.order(), sn.trades(), clock.instant())),
              loop);
    }

    @Override
    protected void found(final Tracked t, final Update update) {
      desk.emit(update.events());
      desk.settle(t.clientOrderId, null);
    }

    @Override
    protected void resend(final Tracked t) {
      send(t);
    }

    @Override
    protected boolean requestPending(final Tracked t) {
      return posting.contains(t.clientOrderId);
    }

    @Override
    protected boolean stopped() {
      return closed || fatal != null;
    }
  }

  // ------------------------------------------------------------------ market data

  @Override
  protected QuoteBoard quotes() {
    return tickers.board();
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return markets.rules(pair);
  }

  /** Free balances as read at start and pushed by the user-data stream since. */
  @Override
  public Map<String, BigDecimal> balances() {
    return user.balances();
  }

  // ------------------------------------------------------------------ helpers

  private void refuse(final Tracked t, final RejectReason reason, final String why) {
    desk.emit(tracker.onRejected(t.clientOrderId, reason, why, clock.instant()).events());
    desk.settle(t.clientOrderId, null);
  }

  @Override
  protected void closing() {
    closed = true;
    user.close();
    tickers.close();
  }

  /** Also stops the REST pool, once nothing on the connector's thread can post to it. */
  @Override
  public void close() {
    super.close();
    rest.close();
  }
}
