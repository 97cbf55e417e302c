package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.venue.QuoteBoard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top of book from OKX's public {@code tickers} channel: one subscription per pair however many
 * listeners it has, resubscribed after every reconnect (exponential backoff). Runs on the
 * connector's thread, where listeners are called.
 */
final class OkxTickerFeed extends OkxStream {
  private static final Logger LOG = LoggerFactory.getLogger(OkxTickerFeed.class);

  private final OkxInstruments instruments;
  private final Clock clock;
  private final QuoteBoard board;

  final CompletableFuture<Void> started = new CompletableFuture<>();

  OkxTickerFeed(
      final OkxTransport transport, final OkxInstruments instruments, final Clock clock) {
    super("public", transport.config().urls().publicWs(), transport);
    this.instruments = instruments;
    this.clock = clock;
    this.board = new QuoteBoard(transport.loop(), this::subscribe);
  }

  @Override
  protected void opened() {
    healthy();
    started.complete(null);
    subscribe(board.watched());
  }

  /** The latest tickers; a pair it is asked for that nobody watched yet is subscribed then. */
  QuoteBoard board() {
    return board;
  }

  private void subscribe(final List<TradingPair> some) {
    if (some.isEmpty()) {
      return;
    }
    final List<Map<String, String>> args = new ArrayList<>();
    for (TradingPair p : some) {
      args.add(Map.of("channel", "tickers", "instId", instruments.instId(p)));
    }
    send(OkxJson.write(new OkxMessages.WsRequest(null, "subscribe", args)));
  }

  @Override
  protected void received(final JsonNode msg) {
    if ("error".equals(OkxJson.text(msg, "event"))) {
      LOG.warn(
          "OKX public WebSocket error {} {}", OkxJson.text(msg, "code"), OkxJson.text(msg, "msg"));
      return;
    }
    if (!"tickers".equals(msg.path("arg").path("channel").asText())) {
      return;
    }
    for (OkxMessages.TickerData d : OkxJson.list(msg.get("data"), OkxMessages.TickerData.class)) {
      if (instruments.isOfProduct(d.instId())) {
        OkxMarkets.topOfBook(
                config().connectorName(), d, instruments.contractValue(d.instId()), clock.instant())
            .ifPresent(this::publish);
      }
    }
  }

  private void publish(final TopOfBook top) {
    board.publish(top);
  }
}
