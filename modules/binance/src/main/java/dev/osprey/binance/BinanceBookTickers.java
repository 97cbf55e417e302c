package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.venue.Backoff;
import dev.osprey.exchange.venue.QuoteBoard;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top of book from Binance's {@code <symbol>@bookTicker} streams on one market socket ({@code
 * <ws>/ws}, streams added with {@code SUBSCRIBE}): one subscription per pair however many listeners
 * it has, subscribed again after every reconnect. Runs on the connector's thread.
 */
final class BinanceBookTickers implements BinanceSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceBookTickers.class);
  private static final ObjectMapper JSON = BinanceJson.MAPPER;

  private final String connector;
  private final BinanceMarkets markets;
  private final Clock clock;
  private final BinanceSocket socket;
  private final QuoteBoard board;

  /** Completes when the market socket first opened. */
  final CompletableFuture<Void> started = new CompletableFuture<>();

  // ---- loop-thread state
  private boolean open;
  private long requestIds;

  BinanceBookTickers(
      final BinanceConfig config,
      final BinanceMarkets markets,
      final Clock clock,
      final ClassicActorSystemProvider system,
      final ScheduledExecutorService loop,
      final Backoff backoff) {
    this.connector = config.connectorName();
    this.markets = markets;
    this.clock = clock;
    final URI uri = URI.create(config.wsUrl() + "/ws");
    this.board = new QuoteBoard(loop, this::subscribe);
    this.socket =
        new BinanceSocket(
            "market", () -> CompletableFuture.completedFuture(uri), system, loop, backoff, this);
  }

  void connect() {
    socket.connect();
  }

  @Override
  public void opened() {
    open = true;
    started.complete(null);
    subscribe(board.watched());
  }

  @Override
  public void lost() {
    open = false;
  }

  /** The quotes, their listeners and the subscribed pairs. */
  QuoteBoard board() {
    return board;
  }

  private void subscribe(final List<TradingPair> some) {
    if (some.isEmpty() || !open) {
      return;
    }
    final List<String> streams = new ArrayList<>();
    for (TradingPair p : some) {
      streams.add(BinanceMarkets.symbol(p).toLowerCase(Locale.ROOT) + "@bookTicker");
    }
    try {
      socket.send(
          JSON.writeValueAsString(
              Map.of("method", "SUBSCRIBE", "params", streams, "id", ++requestIds)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void received(final JsonNode m) {
    if (m.has("error")) {
      LOG.warn("Binance market stream error: {}", m.get("error"));
    } else if (m.has("b") && m.has("a") && m.has("s")) {
      markets.topOfBook(connector, m, clock.instant()).ifPresent(board::publish);
    }
  }

  void close() {
    socket.close();
  }
}
