package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of OKX's WebSockets kept open: connects, hands each JSON message to {@link #received}, and
 * after a drop reconnects with backoff (the attempt count restarts once {@link #healthy} is
 * called). Messages of a socket that was replaced are dropped. Subclasses say what to do on a fresh
 * socket ({@link #opened}) and after losing it ({@link #lost}). Runs on the connector's thread.
 */
abstract class OkxStream {
  private static final Logger LOG = LoggerFactory.getLogger(OkxStream.class);

  private final String name;
  private final URI uri;
  private final OkxTransport transport;

  private OkxSocket socket;
  private int attempts;
  private boolean stopped;

  protected OkxStream(final String name, final URI uri, final OkxTransport transport) {
    this.name = name;
    this.uri = uri;
    this.transport = transport;
  }

  protected final OkxConfig config() {
    return transport.config();
  }

  /** The connector's thread, which runs this stream. */
  protected final ScheduledExecutorService loop() {
    return transport.loop();
  }

  /** A fresh socket is open: log in, subscribe. */
  protected abstract void opened();

  /** A JSON message of the current socket. */
  protected abstract void received(JsonNode message);

  /** The socket ended; a reconnect is scheduled (not called once stopped). */
  protected void lost() {}

  /** Opens the socket. */
  final void connect() {
    if (stopped) {
      return;
    }
    OkxSocket.connect(
        transport.http(),
        uri,
        OkxExchange.wsHeaders(config()),
        config().timings().requestTimeout(),
        loop(),
        this::onText,
        this::onEnd,
        this::onOpen,
        this::reconnectLater);
  }

  /** Sends on the current socket, if there is one. */
  protected final void send(final String text) {
    if (socket != null) {
      socket.send(text);
    }
  }

  /** The session works: the next drop starts the backoff from its first delay again. */
  protected final void healthy() {
    attempts = 0;
  }

  /** Drops the current socket if it is still {@code which}; a reconnect follows. */
  protected final void restart(final Object which) {
    if (which == socket && socket != null) {
      socket.abort();
    }
  }

  /** The current socket, as a token for {@link #restart} (compared by identity). */
  protected final Object current() {
    return socket;
  }

  /** Stops for good: closes the socket and never reconnects. */
  final void close() {
    stopped = true;
    final OkxSocket s = socket;
    socket = null;
    if (s != null) {
      s.abort();
    }
  }

  final boolean isStopped() {
    return stopped;
  }

  /** Sends OKX's keep-alive ping (OKX closes a socket silent for 30 s). */
  final void ping() {
    send("ping");
  }

  private void onOpen(final OkxSocket opened) {
    if (stopped) {
      opened.abort();
      return;
    }
    socket = opened;
    opened();
  }

  private void onText(final OkxSocket from, final String text) {
    if (from != socket || "pong".equals(text)) {
      return;
    }
    final JsonNode msg;
    try {
      msg = OkxJson.parse(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("OKX {}: {}", name, e.getMessage());
      return;
    }
    received(msg);
  }

  private void onEnd(final OkxSocket ended, final Throwable error) {
    if (ended != socket) {
      return;
    }
    socket = null;
    if (stopped) {
      return;
    }
    LOG.warn("OKX {} WebSocket lost{}", name, error == null ? "" : ": " + error);
    lost();
    reconnectLater();
  }

  private void reconnectLater() {
    if (!stopped) {
      final long delayMs = transport.backoff().delay(attempts++).toMillis();
      loop().schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }
  }
}
