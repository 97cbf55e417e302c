package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OKX spot behind {@link ExchangeConnector}: orders over the private WebSocket ({@code order},
 * {@code cancel-order}, the {@code orders} channel), top of book from the public {@code tickers}
 * channel, REST for instruments, balances and look-ups by client order id.
 *
 * <p><b>One thread.</b> Every state change (orders, sockets, queues) happens on the connector's own
 * single thread, which is also where listeners are called (they must not block). Public methods
 * only hand work to it.
 *
 * <p><b>Orders.</b> {@link #place} sends an order op once the per-instrument rate limit (60 per 2
 * s) allows and the private socket is logged in and subscribed; placing a known client order id
 * re-publishes what is known instead. Op answers and pushes go through {@link OrderTracker}, which
 * reports each acceptance, fill and cancel once, in any arrival order.
 *
 * <p><b>Reconnects.</b> A socket that ends is reopened with exponential backoff; the private one
 * logs in again and subscribes to {@code orders}, then every order not known to be finished is
 * looked up by client order id: what OKX has is applied (missed fills come out once), an order op
 * that never reached OKX is sent (its first arrival, not a second order), and only then do queued
 * orders go out. A rejected login is final: it fails {@link #start} and every later order with an
 * {@link OkxException} naming what to check, and the connector stops retrying.
 */
public final class OkxExchange implements ExchangeConnector, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OkxExchange.class);
  private static final long KEEPALIVE_MS = 20_000;
  private static final int LOOKUP_RETRIES = 5;

  /** How long {@link #topOfBook} waits for the first ticker of a listed pair nobody watched yet. */
  private static final long COLD_PAIR_WAIT_MS = 3_000;

  private final OkxConfig config;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private volatile Thread loopThread;
  private final HttpClient http;
  private final VenueClock venueClock;
  private final OkxRestClient rest;
  private final Backoff backoff;
  private final OrderTracker tracker = new OrderTracker();
  private final OkxRateLimiter placeLimiter = OkxRateLimiter.okxOrders();
  private final OkxRateLimiter cancelLimiter = OkxRateLimiter.okxOrders();
  private final OkxTickerFeed tickers;

  private final Map<TradingPair, TradingRules> rules = new ConcurrentHashMap<>();

  /** OKX's numeric instrument codes, which its WebSocket trading ops take, by instId. */
  private final Map<String, Long> instIdCodes = new ConcurrentHashMap<>();

  private final List<Consumer<OrderEvent>> orderListeners = new CopyOnWriteArrayList<>();
  private final OkxBalances balances;

  private final OkxPrivateChannel channel;

  // ---- loop-thread state
  private final Map<String, PendingOp> pendingOps = new HashMap<>();
  private final Map<ClientOrderId, CompletableFuture<Void>> placeFutures = new HashMap<>();
  private final List<Runnable> whenReady = new ArrayList<>();
  private long opIds;
  private boolean closed;
  private volatile OkxException fatal;
  private final CompletableFuture<Void> privateStarted = new CompletableFuture<>();

  /** One op sent on the private socket and not answered yet. */
  private record PendingOp(String op, ClientOrderId clientOrderId, CompletableFuture<Void> done) {}

  public OkxExchange(final OkxConfig config, final Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              final Thread t = new Thread(r, "okx-" + config.connectorName());
              t.setDaemon(true);
              loopThread = t;
              return t;
            });
    this.http = HttpClient.newBuilder().connectTimeout(config.timings().requestTimeout()).build();
    this.venueClock = new VenueClock(clock);
    this.rest = new OkxRestClient(http, config, venueClock);
    this.backoff = new Backoff(config.timings().reconnectMin(), config.timings().reconnectMax());
    final OkxTransport transport = new OkxTransport(config, http, loop, backoff);
    this.tickers = new OkxTickerFeed(transport, clock);
    this.balances = new OkxBalances(rest, loop, clock);
    this.channel =
        new OkxPrivateChannel(
            transport,
            venueClock,
            this::syncClock,
            new OkxPrivateChannel.Listener() {
              @Override
              public void onReady() {
                onPrivateReady();
              }

              @Override
              public void onMessage(final JsonNode message) {
                onPrivateMessage(message);
              }

              @Override
              public void onLost() {
                onPrivateLost();
              }

              @Override
              public void onRejected(final OkxException error) {
                onLoginRejected(error);
              }
            });
  }

  /**
   * Loads instruments and balances, opens both sockets and logs in. The stage completes when the
   * connector can trade (a failed balance read is only logged), or fails with an {@link
   * OkxException} (a rejected login says what to check). Sockets that cannot be reached yet keep
   * retrying in the background.
   */
  public CompletionStage<Void> start() {
    final CompletableFuture<Void> instruments =
        rest.spotInstruments()
            .thenAccept(
                list -> {
                  for (OkxMessages.InstrumentData i : list) {
                    OkxMarkets.pair(i.instId()).ifPresent(p -> rules.put(p, OkxMarkets.rules(i)));
                    OkxMarkets.instIdCode(i).ifPresent(code -> instIdCodes.put(i.instId(), code));
                  }
                });
    // Signed requests wait for OKX's time: a local clock off by more than 30 s fails them all.
    syncClock()
        .thenRunAsync(
            () -> {
              channel.connect();
              tickers.connect();
              balances.refresh();
              loop.scheduleAtFixedRate(
                  this::keepAlive, KEEPALIVE_MS, KEEPALIVE_MS, TimeUnit.MILLISECONDS);
            },
            loop);
    return CompletableFuture.allOf(
        instruments, privateStarted, tickers.started, balances.firstRead);
  }

  /** Aligns the signing clock with OKX's; a failure is logged and the last offset kept. */
  private CompletableFuture<Void> syncClock() {
    return rest.serverTime()
        .handle(
            (venueNow, error) -> {
              if (error != null) {
                LOG.warn("OKX time not read ({}); signing with the local clock", error.toString());
              } else {
                venueClock.align(venueNow);
                if (Math.abs(venueClock.offsetMs()) > 1_000) {
                  LOG.warn(
                      "local clock is {} ms off OKX's; signing on OKX's", -venueClock.offsetMs());
                }
              }
              return null;
            });
  }

  @Override
  public String name() {
    return config.connectorName();
  }

  // ------------------------------------------------------------------ orders

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    Objects.requireNonNull(request, "request");
    return onLoop(
        done -> {
          final Optional<OrderTracker.Tracked> known = tracker.find(request.clientOrderId());
          if (known.isPresent()) {
            emit(known.get().history());
            final CompletableFuture<Void> inFlight = placeFutures.get(request.clientOrderId());
            if (inFlight == null) {
              done.complete(null);
            } else {
              inFlight.whenComplete((v, e) -> complete(done, e));
            }
            return;
          }
          final OrderTracker.Tracked t = tracker.register(request);
          placeFutures.put(request.clientOrderId(), done);
          if (fatal != null) {
            refuse(t, fatal.getMessage());
            return;
          }
          if (!OkxOrderArgs.isValidClOrdId(request.clientOrderId())) {
            emit(
                tracker
                    .onRejected(
                        request.clientOrderId(),
                        RejectReason.VENUE_ERROR,
                        "client order id '"
                            + request.clientOrderId()
                            + "' is not an OKX clOrdId (1-32 letters and digits)",
                        clock.instant())
                    .events());
            completePlace(request.clientOrderId(), null);
            return;
          }
          schedulePlace(t);
        });
  }

  private void schedulePlace(final OrderTracker.Tracked t) {
    final long delayMs = placeLimiter.reserve(t.instId, clock.millis());
    if (delayMs == 0) {
      sendOrder(t);
    } else {
      LOG.info(
          "OKX order {} waits {} ms for the {} rate limit", t.clientOrderId, delayMs, t.instId);
      loop.schedule(() -> sendOrder(t), delayMs, TimeUnit.MILLISECONDS);
    }
  }

  private void sendOrder(final OrderTracker.Tracked t) {
    if (t.isDone()) {
      completePlace(t.clientOrderId, null);
      return;
    }
    if (fatal != null) {
      refuse(t, fatal.getMessage());
      return;
    }
    if (!channel.isReady()) {
      t.sending = OrderTracker.Sending.QUEUED;
      whenReady.add(() -> schedulePlace(t));
      return;
    }
    final String id = nextOpId();
    pendingOps.put(id, new PendingOp("order", t.clientOrderId, null));
    t.sending = OrderTracker.Sending.SENT;
    channel.sendOp(
        OkxJson.write(
            new OkxMessages.WsRequest(
                id, "order", List.of(OkxOrderArgs.place(t.request, instIdCodes.get(t.instId))))));
    expireLater(id);
  }

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    return onLoop(
        done -> {
          final Optional<OrderTracker.Tracked> known = tracker.find(clientOrderId);
          if (known.isEmpty() || known.get().isDone()) {
            done.complete(null); // unknown or finished: nothing to cancel
            return;
          }
          if (fatal != null) {
            done.completeExceptionally(fatal);
            return;
          }
          final OrderTracker.Tracked t = known.get();
          if (t.sending == OrderTracker.Sending.QUEUED) {
            emit(tracker.onCancelledUnsent(clientOrderId, clock.instant()).events());
            done.complete(null);
            return;
          }
          final long delayMs = cancelLimiter.reserve(t.instId, clock.millis());
          loop.schedule(() -> sendCancel(t, done), delayMs, TimeUnit.MILLISECONDS);
        });
  }

  private void sendCancel(final OrderTracker.Tracked t, final CompletableFuture<Void> done) {
    if (t.isDone()) {
      done.complete(null);
      return;
    }
    if (fatal != null) {
      done.completeExceptionally(fatal);
      return;
    }
    if (!channel.isReady()) {
      whenReady.add(() -> sendCancel(t, done));
      return;
    }
    final String id = nextOpId();
    pendingOps.put(id, new PendingOp("cancel-order", t.clientOrderId, done));
    channel.sendOp(
        OkxJson.write(
            new OkxMessages.WsRequest(
                id,
                "cancel-order",
                List.of(
                    OkxOrderArgs.cancel(t.instId, instIdCodes.get(t.instId), t.clientOrderId)))));
    expireLater(id);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    final CompletableFuture<Optional<OrderRequest>> known = new CompletableFuture<>();
    final CompletableFuture<Optional<String>> instId = new CompletableFuture<>();
    loop.execute(
        () -> {
          final Optional<OrderTracker.Tracked> t = tracker.find(clientOrderId);
          known.complete(t.map(x -> x.request));
          instId.complete(t.map(x -> x.instId));
        });
    return instId
        .thenCompose(
            inst ->
                inst.isPresent()
                    ? CompletableFuture.completedFuture(inst)
                    : rest.findInstId(clientOrderId.value()))
        .thenCompose(
            inst ->
                inst.isEmpty()
                    ? CompletableFuture.completedFuture(Optional.<OkxRestClient.Snapshot>empty())
                    : rest.snapshot(inst.get(), clientOrderId.value()))
        .thenCombine(
            known,
            (snap, request) ->
                snap.map(
                    s ->
                        OkxVenueOrders.of(
                            name(), s.order(), s.fills(), request.orElse(null), clock.instant())));
  }

  // ------------------------------------------------------------------ private channel

  /** Logged in and subscribed (again): reconcile what may have changed, then send what waited. */
  private void onPrivateReady() {
    privateStarted.complete(null);
    for (OrderTracker.Tracked t : tracker.unfinished()) {
      if (t.sending != OrderTracker.Sending.QUEUED) {
        reconcile(t, 0);
      }
    }
    final List<Runnable> queued = new ArrayList<>(whenReady);
    whenReady.clear();
    queued.forEach(Runnable::run);
  }

  private void onPrivateMessage(final JsonNode msg) {
    if (msg.has("op")) {
      onOpAnswer(msg);
    } else if ("orders".equals(msg.path("arg").path("channel").asText())) {
      for (OkxMessages.OrderData d : OkxJson.list(msg.get("data"), OkxMessages.OrderData.class)) {
        apply(tracker.onOrder(d, clock.instant()), d.clOrdId());
      }
    }
  }

  private void onPrivateLost() {
    // Unanswered ops: an order op stays SENT (the reconcile after reconnecting decides), a
    // cancel is sent again (cancelling twice is harmless).
    for (PendingOp op : new ArrayList<>(pendingOps.values())) {
      if ("cancel-order".equals(op.op())) {
        tracker
            .find(op.clientOrderId())
            .ifPresent(t -> whenReady.add(() -> sendCancel(t, op.done())));
      }
    }
    pendingOps.clear();
  }

  private void onLoginRejected(final OkxException error) {
    fatal = error;
    privateStarted.completeExceptionally(error);
    failWaiting(error);
  }

  private void onOpAnswer(final JsonNode msg) {
    final PendingOp op = pendingOps.remove(OkxJson.text(msg, "id"));
    if (op == null) {
      return; // answered after a timeout or a reconnect: the reconcile decided already
    }
    final List<OkxMessages.OpResult> results =
        OkxJson.list(msg.get("data"), OkxMessages.OpResult.class);
    final String code = results.isEmpty() ? OkxJson.text(msg, "code") : results.get(0).sCode();
    final String text = results.isEmpty() ? OkxJson.text(msg, "msg") : results.get(0).sMsg();
    final Optional<OrderTracker.Tracked> t = tracker.find(op.clientOrderId());
    if ("order".equals(op.op())) {
      onOrderAnswer(
          op.clientOrderId(), code, text, results.isEmpty() ? "" : results.get(0).ordId(), t);
    } else if ("0".equals(code) || OkxErrors.isAlreadyDone(code)) {
      op.done().complete(null); // the outcome (or the earlier one) arrives as an event
    } else {
      op.done()
          .completeExceptionally(
              new OkxException(
                  code,
                  "OKX refused to cancel "
                      + op.clientOrderId()
                      + ": "
                      + OkxErrors.describe(code, text)));
    }
  }

  private void onOrderAnswer(
      final ClientOrderId id,
      final String code,
      final String text,
      final String ordId,
      final Optional<OrderTracker.Tracked> t) {
    if ("0".equals(code)) {
      emit(tracker.onAccepted(id, ordId, clock.instant()).events());
      completePlace(id, null);
    } else if (OkxErrors.DUPLICATE_CL_ORD_ID.equals(code) && t.isPresent()) {
      // OKX has this id already (sent before a reconnect): report what it has, send nothing.
      t.get().sending = OrderTracker.Sending.ANSWERED;
      reconcile(t.get(), 0);
    } else {
      LOG.warn("OKX refused order {}: {}", id, OkxErrors.describe(code, text));
      emit(
          tracker
              .onRejected(
                  id, OkxErrors.reason(code), OkxErrors.describe(code, text), clock.instant())
              .events());
      completePlace(id, null);
    }
  }

  /** Runs {@code body} on the connector's thread, with the future it completes when done. */
  private CompletionStage<Void> onLoop(final Consumer<CompletableFuture<Void>> body) {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> body.accept(done));
    return done;
  }

  /** Gives up on op {@code id} if OKX has not answered it within the request timeout. */
  private void expireLater(final String id) {
    loop.schedule(
        () -> opTimedOut(id), config.timings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void opTimedOut(final String id) {
    final PendingOp op = pendingOps.remove(id);
    if (op == null) {
      return;
    }
    LOG.warn(
        "OKX {} of {} not answered in {}; asking OKX",
        op.op(),
        op.clientOrderId(),
        config.timings().requestTimeout());
    if ("order".equals(op.op())) {
      tracker.find(op.clientOrderId()).ifPresent(t -> reconcile(t, 0));
    } else {
      op.done()
          .completeExceptionally(
              new OkxException(
                  "", "OKX did not answer the cancel of " + op.clientOrderId() + " in time"));
    }
  }

  /** Asks OKX for {@code t} and applies the answer (see {@link OrderTracker#decide}). */
  private void reconcile(final OrderTracker.Tracked t, final int attempt) {
    rest.snapshot(t.instId, t.clientOrderId.value())
        .whenCompleteAsync(
            (snap, error) -> {
              if (error != null) {
                if (attempt < LOOKUP_RETRIES && !closed) {
                  LOG.warn(
                      "OKX look-up of {} failed ({}); retrying", t.clientOrderId, error.toString());
                  loop.schedule(
                      () -> reconcile(t, attempt + 1),
                      backoff.delay(attempt).toMillis(),
                      TimeUnit.MILLISECONDS);
                } else {
                  LOG.error(
                      "OKX look-up of {} failed for good: {}", t.clientOrderId, error.toString());
                }
                return;
              }
              switch (OrderTracker.decide(t, snap.isPresent())) {
                case APPLY:
                  final OrderTracker.Update u =
                      tracker.onSnapshot(snap.get().order(), snap.get().fills(), clock.instant());
                  emit(u.events());
                  completePlace(t.clientOrderId, null);
                  break;
                case SEND:
                  LOG.info("OKX never received order {}; sending it", t.clientOrderId);
                  t.sending = OrderTracker.Sending.QUEUED;
                  schedulePlace(t);
                  break;
                default:
                  LOG.warn(
                      "OKX does not know order {} it had accepted; leaving it", t.clientOrderId);
              }
            },
            loop);
  }

  private void apply(final OrderTracker.Update update, final String clOrdId) {
    emit(update.events());
    if (update.needsLookup()) {
      tracker.find(ClientOrderId.of(clOrdId)).ifPresent(t -> reconcile(t, 0));
    }
  }

  // ------------------------------------------------------------------ market data

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    return tickers.subscribe(
        Objects.requireNonNull(pair, "pair"), Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    orderListeners.add(listener);
    return () -> orderListeners.remove(listener);
  }

  /**
   * The latest ticker of {@code pair}. A listed pair that nothing watched yet is subscribed on this
   * first call, which waits (up to 3 s, never on the connector's thread) for OKX's first ticker:
   * creating an executor values its exposure at the mid before anything subscribed.
   */
  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    if (!rules.containsKey(pair)) {
      return tickers.top(pair);
    }
    return tickers.topWarmingUp(pair, COLD_PAIR_WAIT_MS, Thread.currentThread() != loopThread);
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return Optional.ofNullable(rules.get(pair));
  }

  /** Available balances as last read from OKX (at start and after fills). */
  @Override
  public Map<String, BigDecimal> balances() {
    return balances.available();
  }

  // ------------------------------------------------------------------ helpers

  private void emit(final List<OrderEvent> events) {
    for (OrderEvent e : events) {
      for (Consumer<OrderEvent> l : orderListeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          LOG.warn("OKX order listener failed on {}", e, ex);
        }
      }
      if (e instanceof OrderEvent.Filled) {
        balances.refresh();
      }
    }
  }

  private void completePlace(final ClientOrderId id, final Throwable error) {
    final CompletableFuture<Void> f = placeFutures.remove(id);
    if (f != null) {
      complete(f, error);
    }
  }

  private static void complete(final CompletableFuture<Void> f, final Throwable error) {
    if (error == null) {
      f.complete(null);
    } else {
      f.completeExceptionally(error);
    }
  }

  /**
   * After a rejected login: orders that never left are refused by event (OKX will take none from
   * this connector, and an executor should fail with the reason rather than wait); orders on the
   * wire when it happened have an unknown outcome, so their stages fail instead.
   */
  private void failWaiting(final OkxException error) {
    final List<Runnable> queued = new ArrayList<>(whenReady);
    whenReady.clear();
    queued.forEach(Runnable::run); // each sees `fatal` and settles itself
    for (ClientOrderId id : new ArrayList<>(placeFutures.keySet())) {
      final boolean onTheWire =
          tracker.find(id).map(t -> t.sending == OrderTracker.Sending.SENT).orElse(true);
      if (onTheWire) {
        completePlace(id, error);
      }
    }
  }

  /** Refuses an order that never left, with {@code why}. */
  private void refuse(final OrderTracker.Tracked t, final String why) {
    emit(
        tracker
            .onRejected(t.clientOrderId, RejectReason.VENUE_ERROR, why, clock.instant())
            .events());
    completePlace(t.clientOrderId, null);
  }

  private void keepAlive() {
    // OKX closes a socket that is silent for 30 s.
    channel.ping();
    tickers.ping();
  }

  /** Demo trading says so on every request, the WebSocket handshakes included. */
  static Map<String, String> wsHeaders(final OkxConfig config) {
    return config.demo() ? Map.of("x-simulated-trading", "1") : Map.of();
  }

  private String nextOpId() {
    return Long.toString(++opIds);
  }

  /** Where this connector connects (for logs and operators; never the credentials). */
  public URI privateWsUrl() {
    return config.urls().privateWs();
  }

  @Override
  public void close() {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          closed = true;
          channel.close();
          balances.close();
          tickers.close();
          done.complete(null);
        });
    try {
      done.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("OKX connector close: {}", e.toString());
    }
    loop.shutdownNow();
  }
}
