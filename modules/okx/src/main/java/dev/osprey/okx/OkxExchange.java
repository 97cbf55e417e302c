package dev.osprey.okx;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.venue.Backoff;
import dev.osprey.exchange.venue.Lookups;
import dev.osprey.exchange.venue.QuoteBoard;
import dev.osprey.exchange.venue.VenueConnector;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OKX spot ({@code okx}) or USDT-margined perpetual swaps ({@code okx_perpetual}, see {@link
 * OkxProduct}) behind {@link ExchangeConnector}: orders over the private WebSocket ({@code order},
 * {@code cancel-order}, the {@code orders} channel; see {@link OkxOrderDesk}), top of book from the
 * public {@code tickers} channel, REST for instruments, balances and look-ups by client order id.
 *
 * <p><b>One thread.</b> Every state change (orders, sockets, queues) happens on the connector's own
 * single thread, which is also where listeners are called (they must not block). Public methods
 * only hand work to it.
 *
 * <p><b>Orders.</b> {@link #place} sends an order op once the per-instrument rate limit (60 per 2
 * s) allows and the private socket is logged in and subscribed; placing a known client order id
 * re-publishes what is known instead. Each acceptance, fill and cancel is reported once, in any
 * arrival order, and every reconnect reconciles by client order id before anything new is sent. A
 * rejected login is final: it fails {@link #start} and every later order with an {@link
 * OkxException} naming what to check, and the connector stops retrying.
 */
public final class OkxExchange extends VenueConnector {
  private static final Logger LOG = LoggerFactory.getLogger(OkxExchange.class);
  private static final long KEEPALIVE_MS = 20_000;

  private final OkxConfig config;
  private final OkxRestClient rest;
  private final OkxTickerFeed tickers;
  private final OkxBalances balances;
  private final OkxOrderDesk ops;

  private final OkxInstruments instruments;
  private volatile Contracts contracts;

  /** A connector that has the account to itself. */
  public OkxExchange(final OkxConfig config, final Clock clock) {
    this(config, clock, () -> 1);
  }

  /**
   * A connector sharing the account with others: {@code sharers} says how many connectors trade
   * it now (the nodes of a cluster, each with its own connector on the same key), and this one
   * keeps to its share of OKX's per-account order rate limits.
   */
  public OkxExchange(final OkxConfig config, final Clock clock, final IntSupplier sharers) {
    super("OKX", Objects.requireNonNull(config, "config").connectorName(), clock);
    this.config = config;
    final HttpClient http =
        HttpClient.newBuilder().connectTimeout(config.timings().requestTimeout()).build();
    this.rest = new OkxRestClient(http, config, venueClock);
    final OkxTransport transport =
        new OkxTransport(
            config,
            http,
            loop,
            new Backoff(config.timings().reconnectMin(), config.timings().reconnectMax()));
    this.instruments = new OkxInstruments(config.product());
    this.contracts =
        config.product() == OkxProduct.SWAP
            ? Contracts.perpetual(PositionMode.ONE_WAY)
            : Contracts.SPOT;
    this.tickers = new OkxTickerFeed(transport, instruments, clock);
    this.balances = new OkxBalances(rest, loop, clock);
    this.ops =
        new OkxOrderDesk(
            transport,
            venueClock,
            this::syncClock,
            rest,
            clock,
            instruments,
            desk,
            this::emit,
            Objects.requireNonNull(sharers, "sharers"));
  }

  /**
   * Loads instruments and balances (and for swaps the account's position mode), opens both sockets
   * and logs in. The stage completes when the connector can trade (a failed balance read is only
   * logged), or fails with an {@link OkxException} (a rejected login says what to check). Sockets
   * that cannot be reached yet keep retrying in the background.
   */
  @Override
  public CompletionStage<Void> start() {
    final CompletableFuture<Void> listed = rest.instruments().thenAccept(instruments::load);
    // Signed requests wait for OKX's time: a local clock off by more than 30 s fails them all.
    syncClock()
        .thenRunAsync(
            () -> {
              if (config.product() == OkxProduct.SWAP) {
                readPositionMode();
              }
              ops.connect();
              tickers.connect();
              balances.refresh();
              loop.scheduleAtFixedRate(
                  this::keepAlive, KEEPALIVE_MS, KEEPALIVE_MS, TimeUnit.MILLISECONDS);
            },
            loop);
    return CompletableFuture.allOf(listed, ops.started, tickers.started, balances.firstRead);
  }

  /**
   * Reads whether swap positions are netted or held long and short apart: orders say {@code
   * posSide} only in hedge mode. Read before the private socket opens, so the first order knows.
   */
  private void readPositionMode() {
    rest.hedgeMode()
        .whenCompleteAsync(
            (hedge, error) -> {
              if (error != null) {
                LOG.warn("OKX position mode not read ({}); trading as net mode", error.toString());
                return;
              }
              ops.hedgeMode(hedge);
              contracts = Contracts.perpetual(hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY);
            },
            loop);
  }

  @Override
  protected CompletableFuture<Instant> serverTime() {
    return rest.serverTime();
  }

  // ------------------------------------------------------------------ orders

  @Override
  protected void place(final OrderRequest request, final CompletableFuture<Void> done) {
    ops.place(request, done);
  }

  @Override
  public void useLeverage(final TradingPair pair, final int leverage) {
    Objects.requireNonNull(pair, "pair");
    loop.execute(() -> ops.useLeverage(instruments.instId(pair), leverage));
  }

  @Override
  public Contracts contracts() {
    return contracts;
  }

  @Override
  protected void cancel(final ClientOrderId clientOrderId, final CompletableFuture<Void> done) {
    ops.cancel(clientOrderId, done);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    final CompletableFuture<Optional<OrderRequest>> known = new CompletableFuture<>();
    final CompletableFuture<Optional<String>> instId = new CompletableFuture<>();
    loop.execute(
        () -> {
          known.complete(ops.request(clientOrderId));
          instId.complete(ops.instId(clientOrderId));
        });
    final CompletableFuture<Optional<String>> located =
        instId.thenCompose(i -> Lookups.orAsk(i, () -> rest.findInstId(clientOrderId.value())));
    return Lookups.ifFound(located, i -> rest.snapshot(i, clientOrderId.value()))
        .thenCombine(
            known,
            (snap, request) ->
                snap.map(
                    s ->
                        OkxVenueOrders.of(
                            name(),
                            instruments.inBase(s.order()),
                            s.fills().stream().map(instruments::inBase).toList(),
                            request.orElse(null),
                            clock.instant())));
  }

  // ------------------------------------------------------------------ market data

  @Override
  protected QuoteBoard quotes() {
    return tickers.board();
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return instruments.rules(pair);
  }

  /** Available balances as last read from OKX (at start and after fills). */
  @Override
  public Map<String, BigDecimal> balances() {
    return balances.available();
  }

  // ------------------------------------------------------------------ helpers

  /** Publishes {@code events}; a fill changes the balances, so they are read again. */
  private void emit(final List<OrderEvent> events) {
    desk.emit(events);
    if (events.stream().anyMatch(OrderEvent.Filled.class::isInstance)) {
      balances.refresh();
    }
  }

  private void keepAlive() {
    // OKX closes a socket that is silent for 30 s.
    ops.ping();
    tickers.ping();
  }

  /** Demo trading says so on every request, the WebSocket handshakes included. */
  static Map<String, String> wsHeaders(final OkxConfig config) {
    return config.demo() ? Map.of("x-simulated-trading", "1") : Map.of();
  }

  /** Where this connector connects (for logs and operators; never the credentials). */
  public URI privateWsUrl() {
    return config.urls().privateWs();
  }

  @Override
  protected void closing() {
    ops.close();
    balances.close();
    tickers.close();
  }
}
