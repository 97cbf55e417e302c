package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.exchange.venue.Backoff;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's user-data stream: a listen key from {@code POST /api/v3/userDataStream} (asked again
 * before every connection: Binance returns the same key while it lives, a new one once it expired),
 * kept alive by a {@code PUT} every 30 minutes, and the socket {@code <ws>/ws/<key>}. {@code
 * executionReport}s go to the connector; {@code outboundAccountPosition} updates the balances. Runs
 * on the connector's thread.
 */
final class BinanceUserStream implements BinanceSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceUserStream.class);

  /** What the connector does with the stream. */
  interface Listener {
    /** Connected (again): reconcile what may have been missed. */
    void ready();

    void executionReport(JsonNode report);
  }

  private final BinanceRest rest;
  private final BinanceConfig config;
  private final ScheduledExecutorService loop;
  private final BinanceSocket socket;
  private final Listener listener;
  private volatile Map<String, BigDecimal> balances = Map.of();
  private volatile String listenKey;

  /** Completes when the stream first opened, or fails if its listen key was refused. */
  final CompletableFuture<Void> started = new CompletableFuture<>();

  BinanceUserStream(
      final BinanceConfig config,
      final BinanceRest rest,
      final ClassicActorSystemProvider system,
      final ScheduledExecutorService loop,
      final Backoff backoff,
      final Listener listener,
      final Consumer<BinanceException> keyRejected) {
    this.rest = rest;
    this.config = config;
    this.loop = loop;
    this.listener = listener;
    this.socket =
        new BinanceSocket(
            "user-data",
            () ->
                rest.startUserStream()
                    .whenComplete(
                        (key, e) -> {
                          final BinanceException b = e == null ? null : BinanceRest.unwrap(e);
                          if (b != null && BinanceErrors.isKeyRejected(b.code())) {
                            started.completeExceptionally(b);
                            keyRejected.accept(b);
                          }
                        })
                    .thenApply(
                        key -> {
                          listenKey = key;
                          return URI.create(config.wsUrl() + "/ws/" + key);
                        }),
            system,
            loop,
            backoff,
            this);
  }

  void connect() {
    socket.connect();
    final long every = config.timings().listenKeyKeepAlive().toMillis();
    loop.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
  }

  private void keepAlive() {
    final String key = listenKey;
    if (key != null) {
      rest.keepAlive(key)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  LOG.warn("Binance listen key not renewed: {}", e.getMessage());
                }
              });
    }
  }

  /** Balances as last read (at start) or pushed since ({@code outboundAccountPosition}). */
  Map<String, BigDecimal> balances() {
    return balances;
  }

  void setBalances(final Map<String, BigDecimal> read) {
    balances = Map.copyOf(read);
  }

  @Override
  public void opened() {
    started.complete(null);
    listener.ready();
  }

  @Override
  public void received(final JsonNode m) {
    switch (m.path("e").asText()) {
      case "executionReport":
        listener.executionReport(m);
        break;
      case "outboundAccountPosition":
        final Map<String, BigDecimal> next = new HashMap<>(balances);
        for (JsonNode b : m.path("B")) {
          next.put(b.path("a").asText(), BinanceMarkets.decimal(b.path("f").asText()));
        }
        balances = Map.copyOf(next);
        break;
      case "listenKeyExpired":
        LOG.warn("Binance listen key expired; reconnecting with a new one");
        socket.reconnect();
        break;
      default:
        break;
    }
  }

  void close() {
    socket.close();
  }
}
