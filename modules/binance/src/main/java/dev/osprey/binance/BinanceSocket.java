package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.exchange.venue.Backoff;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgradeResponse;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of Binance's streams kept open with Pekko HTTP's WebSocket client: connects to the URI its
 * supplier gives (a user-data stream's URI holds a listen key that may change), hands each text
 * message to the listener on the connector's thread, and after a drop reconnects with backoff (the
 * attempt count restarts once a connection opened). Messages of a replaced connection are dropped.
 * Binance's pings are answered by Pekko HTTP itself.
 */
final class BinanceSocket {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceSocket.class);

  /** What the connector does with the socket's life. */
  interface Listener {
    /** A fresh connection is open (subscribe, reconcile). */
    void opened();

    /** A JSON message of the current connection. */
    void received(JsonNode message);

    /** The connection ended; a reconnect is scheduled. */
    default void lost() {}
  }

  private final String name;
  private final Supplier<CompletionStage<URI>> uri;
  private final ClassicActorSystemProvider system;
  private final Materializer materializer;
  private final ScheduledExecutorService loop;
  private final Backoff backoff;
  private final Listener listener;

  // ---- loop-thread state
  private BoundedSourceQueue<Message> out;
  private long generation;
  private int attempts;
  private boolean stopped;

  BinanceSocket(
      final String name,
      final Supplier<CompletionStage<URI>> uri,
      final ClassicActorSystemProvider system,
      final ScheduledExecutorService loop,
      final Backoff backoff,
      final Listener listener) {
    this.name = name;
    this.uri = uri;
    this.system = system;
    this.materializer = Materializer.matFromSystem(system);
    this.loop = loop;
    this.backoff = backoff;
    this.listener = listener;
  }

  /** Opens the connection (on the connector's thread). */
  void connect() {
    if (stopped) {
      return;
    }
    final long gen = ++generation;
    uri.get()
        .whenCompleteAsync(
            (target, error) -> {
              if (error != null) {
                LOG.warn("Binance {} stream: no address ({}); retrying", name, error.toString());
                retry(gen);
              } else {
                open(gen, target);
              }
            },
            loop);
  }

  private void open(final long gen, final URI target) {
    if (stopped || gen != generation) {
      return;
    }
    final Sink<Message, CompletionStage<Done>> in =
        Flow.<Message>create()
            .mapAsync(1, m -> text(m))
            .toMat(Sink.foreach(t -> post(() -> deliver(gen, t))), Keep.right());
    final Source<Message, BoundedSourceQueue<Message>> source = Source.queue(256);
    final Flow<Message, Message, Pair<CompletionStage<Done>, BoundedSourceQueue<Message>>> flow =
        Flow.fromSinkAndSourceCoupledMat(in, source, Keep.both());
    final Pair<
            CompletionStage<WebSocketUpgradeResponse>,
            Pair<CompletionStage<Done>, BoundedSourceQueue<Message>>>
        conn =
            Http.get(system)
                .singleWebSocketRequest(
                    WebSocketRequest.create(target.toString()), flow, materializer);
    out = conn.second().second();
    conn.first()
        .whenCompleteAsync(
            (upgrade, error) -> {
              if (gen != generation) {
                return;
              }
              if (error != null
                  || !upgrade.response().status().equals(StatusCodes.SWITCHING_PROTOCOLS)) {
                LOG.warn(
                    "Binance {} stream refused ({}); retrying",
                    name,
                    error != null ? error.toString() : upgrade.response().status());
                out.complete();
                return; // the termination below schedules the retry
              }
              attempts = 0;
              listener.opened();
            },
            loop);
    conn.second()
        .first()
        .whenCompleteAsync(
            (done, error) -> {
              if (gen != generation || stopped) {
                return;
              }
              LOG.info(
                  "Binance {} stream closed ({}); reconnecting",
                  name,
                  error == null ? "by the server" : error.toString());
              listener.lost();
              retry(gen);
            },
            loop);
  }

  private void retry(final long gen) {
    if (stopped || gen != generation) {
      return;
    }
    final long delay = backoff.delay(attempts++).toMillis();
    loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} on the connector's thread; nothing once the connector closed. */
  private void post(final Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      // closed: what the socket still delivers has nobody to go to
    }
  }

  private void deliver(final long gen, final String text) {
    if (gen != generation || stopped || text.isEmpty()) {
      return;
    }
    final JsonNode message;
    try {
      message = BinanceJson.MAPPER.readTree(text);
    } catch (IOException e) {
      LOG.warn("Binance {} stream: not JSON: {}", name, text);
      return;
    }
    listener.received(message);
  }

  private CompletionStage<String> text(final Message m) {
    if (m.isText()) {
      final TextMessage t = m.asTextMessage();
      return t.isStrict()
          ? CompletableFuture.completedFuture(t.getStrictText())
          : t.getStreamedText().runFold("", String::concat, materializer);
    }
    return m.asBinaryMessage()
        .getStreamedData()
        .runWith(Sink.ignore(), materializer)
        .thenApply(d -> "");
  }

  /** Sends {@code text} on the current connection, if one is open. */
  void send(final String text) {
    if (out != null) {
      out.offer(TextMessage.create(text));
    }
  }

  /** Drops the current connection (if any) and opens a new one (on the connector's thread). */
  void reconnect() {
    generation++;
    if (out != null) {
      out.complete();
    }
    connect();
  }

  /** Closes for good (on the connector's thread). */
  void close() {
    stopped = true;
    generation++;
    if (out != null) {
      out.complete();
    }
  }
}
