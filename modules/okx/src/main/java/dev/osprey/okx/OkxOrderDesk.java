package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.venue.Backoff;
import dev.osprey.exchange.venue.OrderDesk;
import dev.osprey.exchange.venue.VenueClock;
import dev.osprey.exchange.venue.VenueReconciler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order side of {@link OkxExchange}: order and cancel ops on the private WebSocket, their
 * answers and the {@code orders} channel through {@link OrderTracker}, the per-instrument rate
 * limits, and the reconcile after every (re)login. Everything here runs on the connector's thread.
 *
 * <p>Placing waits for the rate limit and for a logged-in, subscribed socket. After a reconnect,
 * every order not known to be finished is looked up by client order id: what OKX has is applied
 * (missed fills come out once), an order op that never reached OKX is sent (its first arrival, not
 * a second order), and only then do queued orders go out. A rejected login is final: every later
 * order is refused with the {@link OkxException} naming what to check.
 */
final class OkxOrderDesk implements OkxPrivateChannel.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(OkxOrderDesk.class);

  private final OkxConfig config;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final OkxRestClient rest;
  private final OkxInstruments instruments;
  private final OrderDesk orders;
  private final Consumer<List<OrderEvent>> emit;
  private final OkxPrivateChannel channel;
  private final OrderTracker tracker = new OrderTracker();
  private final OkxRateLimiter placeLimiter;
  private final OkxRateLimiter cancelLimiter;
  private final Reconciler reconciler;

  private final Map<String, PendingOp> pendingOps = new HashMap<>();
  private final List<Runnable> whenReady = new ArrayList<>();
  private long opIds;
  private boolean closed;
  private boolean hedgeMode;
  private final Map<String, Integer> wantedLeverage = new HashMap<>();
  private final Map<String, Integer> appliedLeverage = new HashMap<>();
  private volatile OkxException fatal;

  /** Completes at the first login and subscription, or fails when OKX refuses the login. */
  final CompletableFuture<Void> started = new CompletableFuture<>();

  /** One op sent on the private socket and not answered yet. */
  private record PendingOp(String op, ClientOrderId clientOrderId, CompletableFuture<Void> done) {}

  /**
   * @param instruments what the connector trades, filled in as instruments load
   * @param orders the connector's order listeners and the place stages waiting for OKX
   * @param emit called with the order events each message produced, in order
   * @param sharers how many connectors (nodes) trade the account, sharing its rate limits
   */
  OkxOrderDesk(
      final OkxTransport transport,
      final VenueClock venueClock,
      final Runnable resyncClock,
      final OkxRestClient rest,
      final Clock clock,
      final OkxInstruments instruments,
      final OrderDesk orders,
      final Consumer<List<OrderEvent>> emit,
      final IntSupplier sharers) {
    this.config = transport.config();
    this.clock = clock;
    this.loop = transport.loop();
    this.rest = rest;
    this.instruments = instruments;
    this.orders = orders;
    this.emit = emit;
    this.placeLimiter = OkxRateLimiter.okxOrders(sharers);
    this.cancelLimiter = OkxRateLimiter.okxOrders(sharers);
    this.channel = new OkxPrivateChannel(transport, venueClock, resyncClock, this);
    this.reconciler = new Reconciler(transport.backoff());
  }

  void connect() {
    channel.connect();
  }

  void ping() {
    channel.ping();
  }

  void close() {
    closed = true;
    channel.close();
  }

  /** The request {@code id} was placed with, if this connector placed it. */
  Optional<OrderRequest> request(final ClientOrderId id) {
    return tracker.find(id).map(t -> t.request);
  }

  /** The instrument {@code id} was placed on, if this connector placed it. */
  Optional<String> instId(final ClientOrderId id) {
    return tracker.find(id).map(t -> t.instId);
  }

  // ------------------------------------------------------------------ placing

  /** Places {@code request}; a known client order id re-publishes what is known instead. */
  void place(final OrderRequest request, final CompletableFuture<Void> done) {
    final Optional<OrderTracker.Tracked> known = tracker.find(request.clientOrderId());
    if (known.isPresent()) {
      orders.replay(known.get(), done);
      return;
    }
    final OrderTracker.Tracked t =
        tracker.register(request, instruments.instId(request.tradingPair()));
    orders.await(request.clientOrderId(), done);
    if (fatal != null) {
      refuse(t, fatal.getMessage());
      return;
    }
    if (!OkxOrderArgs.isValidClOrdId(request.clientOrderId())) {
      refuse(
          t,
          "client order id '"
              + request.clientOrderId()
              + "' is not an OKX clOrdId (1-32 letters and digits)");
      return;
    }
    schedulePlace(t);
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
      orders.settle(t.clientOrderId, null);
      return;
    }
    if (fatal != null) {
      refuse(t, fatal.getMessage());
      return;
    }
    final Integer leverage = wantedLeverage.get(t.instId);
    if (leverage != null && !leverage.equals(appliedLeverage.get(t.instId))) {
      setLeverageThenSend(t, leverage);
      return;
    }
    if (!channel.isReady()) {
      t.sending = OrderTracker.Sending.QUEUED;
      whenReady.add(() -> schedulePlace(t));
      return;
    }
    final Map<String, Object> args;
    try {
      args = OkxOrderArgs.place(t.request, instruments, hedgeMode);
    } catch (IllegalArgumentException e) {
      refuse(t, e.getMessage());
      return;
    }
    final String id = nextOpId();
    pendingOps.put(id, new PendingOp("order", t.clientOrderId, null));
    t.sending = OrderTracker.Sending.SENT;
    channel.sendOp(OkxJson.write(new OkxMessages.WsRequest(id, "order", List.of(args))));
    expireLater(id);
  }

  // ------------------------------------------------------------------ leverage (swaps)

  /** Whether the account holds swap positions in hedge mode (read at start). */
  void hedgeMode(final boolean on) {
    hedgeMode = on;
  }

  /** Later orders on {@code instId} go out once OKX has {@code leverage} for it (swaps only). */
  void useLeverage(final String instId, final int leverage) {
    if (instruments.product == OkxProduct.SWAP) {
      wantedLeverage.put(instId, leverage);
    }
  }

  /**
   * Sets the leverage OKX applies to {@code t}'s instrument, then sends {@code t}; if OKX refuses
   * (a position held at another leverage in isolated margin, say), {@code t} is refused with OKX's
   * reason rather than sent at a leverage nobody asked for.
   */
  private void setLeverageThenSend(final OrderTracker.Tracked t, final int leverage) {
    t.sending = OrderTracker.Sending.QUEUED; // a cancel meanwhile cancels it unsent
    rest.setLeverage(t.instId, leverage)
        .whenCompleteAsync(
            (ok, error) -> {
              if (error == null) {
                appliedLeverage.put(t.instId, leverage);
                sendOrder(t);
              } else if (!t.isDone()) {
                final Throwable cause = error.getCause() == null ? error : error.getCause();
                LOG.warn("OKX refused leverage {} on {}: {}", leverage, t.instId, cause.getMessage());
                refuse(t, "leverage " + leverage + " not set on " + t.instId + ": " + cause.getMessage());
              }
            },
            loop);
  }

  // ------------------------------------------------------------------ cancelling

  /** Cancels {@code clientOrderId}; unknown or finished orders need nothing. */
  void cancel(final ClientOrderId clientOrderId, final CompletableFuture<Void> done) {
    final Optional<OrderTracker.Tracked> known = tracker.find(clientOrderId);
    if (known.isEmpty() || known.get().isDone()) {
      done.complete(null);
      return;
    }
    if (fatal != null) {
      done.completeExceptionally(fatal);
      return;
    }
    final OrderTracker.Tracked t = known.get();
    if (t.sending == OrderTracker.Sending.QUEUED) {
      emit.accept(tracker.onCancelledUnsent(clientOrderId, clock.instant()).events());
      done.complete(null);
      return;
    }
    final long delayMs = cancelLimiter.reserve(t.instId, clock.millis());
    loop.schedule(() -> sendCancel(t, done), delayMs, TimeUnit.MILLISECONDS);
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
                    OkxOrderArgs.cancel(t.instId, instruments.code(t.instId), t.clientOrderId)))));
    expireLater(id);
  }

  // ------------------------------------------------------------------ the private channel

  /** Logged in and subscribed (again): reconcile what may have changed, then send what waited. */
  @Override
  public void onReady() {
    started.complete(null);
    reconciler.unfinished(tracker);
    final List<Runnable> queued = new ArrayList<>(whenReady);
    whenReady.clear();
    queued.forEach(Runnable::run);
  }

  @Override
  public void onMessage(final JsonNode msg) {
    if (msg.has("op")) {
      onOpAnswer(msg);
    } else if ("orders".equals(msg.path("arg").path("channel").asText())) {
      for (OkxMessages.OrderData d : OkxJson.list(msg.get("data"), OkxMessages.OrderData.class)) {
        final OrderTracker.Update update = tracker.onOrder(instruments.inBase(d), clock.instant());
        emit.accept(update.events());
        if (update.needsLookup()) {
          tracker.find(ClientOrderId.of(d.clOrdId())).ifPresent(t -> reconciler.reconcile(t, 0));
        }
      }
    }
  }

  @Override
  public void onLost() {
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

  /**
   * After a rejected login: orders that never left are refused by event (OKX will take none from
   * this connector, and an executor should fail with the reason rather than wait); orders on the
   * wire when it happened have an unknown outcome, so their stages fail instead.
   */
  @Override
  public void onRejected(final OkxException error) {
    fatal = error;
    started.completeExceptionally(error);
    final List<Runnable> queued = new ArrayList<>(whenReady);
    whenReady.clear();
    queued.forEach(Runnable::run); // each sees `fatal` and settles itself
    for (ClientOrderId id : orders.waiting()) {
      final boolean onTheWire =
          tracker.find(id).map(t -> t.sending == OrderTracker.Sending.SENT).orElse(true);
      if (onTheWire) {
        orders.settle(id, error);
      }
    }
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
    if ("order".equals(op.op())) {
      onOrderAnswer(op.clientOrderId(), code, text, results.isEmpty() ? "" : results.get(0).ordId());
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
      final ClientOrderId id, final String code, final String text, final String ordId) {
    final Optional<OrderTracker.Tracked> t = tracker.find(id);
    if ("0".equals(code)) {
      emit.accept(tracker.onAccepted(id, ordId, clock.instant()).events());
      orders.settle(id, null);
    } else if (OkxErrors.DUPLICATE_CL_ORD_ID.equals(code) && t.isPresent()) {
      // OKX has this id already (sent before a reconnect): report what it has, send nothing.
      t.get().sending = OrderTracker.Sending.ANSWERED;
      reconciler.reconcile(t.get(), 0);
    } else {
      LOG.warn("OKX refused order {}: {}", id, OkxErrors.describe(code, text));
      emit.accept(
          tracker
              .onRejected(
                  id, OkxErrors.reason(code), OkxErrors.describe(code, text), clock.instant())
              .events());
      orders.settle(id, null);
    }
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
      tracker.find(op.clientOrderId()).ifPresent(t -> reconciler.reconcile(t, 0));
    } else {
      op.done()
          .completeExceptionally(
              new OkxException(
                  "", "OKX did not answer the cancel of " + op.clientOrderId() + " in time"));
    }
  }

  /** Looks orders up at OKX by client order id, the order and then its fills. */
  private final class Reconciler extends VenueReconciler {
    Reconciler(final Backoff backoff) {
      super("OKX", loop, backoff);
    }

    @Override
    protected CompletionStage<Optional<OrderTracker.Update>> lookUp(final OrderTracker.Tracked t) {
      return rest.snapshot(t.instId, t.clientOrderId.value())
          .thenApplyAsync(
              snap ->
                  snap.map(
                      s ->
                          tracker.onSnapshot(
                              instruments.inBase(s.order()),
                              s.fills().stream().map(instruments::inBase).toList(),
                              clock.instant())),
              loop);
    }

    @Override
    protected void found(final OrderTracker.Tracked t, final OrderTracker.Update update) {
      emit.accept(update.events());
      orders.settle(t.clientOrderId, null);
    }

    @Override
    protected void resend(final OrderTracker.Tracked t) {
      t.sending = OrderTracker.Sending.QUEUED;
      schedulePlace(t);
    }

    @Override
    protected boolean stopped() {
      return closed;
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Refuses an order that never left, with {@code why}. */
  private void refuse(final OrderTracker.Tracked t, final String why) {
    emit.accept(
        tracker
            .onRejected(t.clientOrderId, RejectReason.VENUE_ERROR, why, clock.instant())
            .events());
    orders.settle(t.clientOrderId, null);
  }

  private String nextOpId() {
    return Long.toString(++opIds);
  }
}
