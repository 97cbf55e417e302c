package dev.osprey.okx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to OKX on the JDK client. Whole text messages (fragments joined) and the end of the
 * connection are handed to the connector's thread, tagged with this socket so that a late message
 * of a replaced socket can be told apart. Sends are chained: the JDK allows one outstanding send
 * per socket.
 */
final class OkxSocket implements WebSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(OkxSocket.class);
  private final Executor loop;
  private final BiConsumer<OkxSocket, String> onMessage;
  private final BiConsumer<OkxSocket, Throwable> onEnd;
  private final StringBuilder partial = new StringBuilder();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile CompletableFuture<WebSocket> sending;

  private OkxSocket(
      final Executor loop,
      final BiConsumer<OkxSocket, String> onMessage,
      final BiConsumer<OkxSocket, Throwable> onEnd) {
    this.loop = loop;
    this.onMessage = onMessage;
    this.onEnd = onEnd;
  }

  /**
   * Connects and hands the open socket to {@code onOpen} on the connector's thread, or, when the
   * handshake fails, logs why and runs {@code onFailure} there (the caller retries later).
   */
  static void connect(
      final HttpClient http,
      final URI uri,
      final Map<String, String> headers,
      final Duration timeout,
      final Executor loop,
      final BiConsumer<OkxSocket, String> onMessage,
      final BiConsumer<OkxSocket, Throwable> onEnd,
      final Consumer<OkxSocket> onOpen,
      final Runnable onFailure) {
    final OkxSocket socket = new OkxSocket(loop, onMessage, onEnd);
    final WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
    headers.forEach(builder::header);
    builder
        .buildAsync(uri, socket)
        .whenCompleteAsync(
            (ws, error) -> {
              if (error == null) {
                socket.sending = CompletableFuture.completedFuture(ws);
                onOpen.accept(socket);
              } else {
                LOG.warn("OKX WebSocket {} unreachable: {}", uri, error.toString());
                onFailure.run();
              }
            },
            loop);
  }

  /** Sends one text message after the previous one; a failed send ends the socket. */
  void send(final String text) {
    final CompletableFuture<WebSocket> previous = sending;
    if (previous == null || ended.get()) {
      return;
    }
    sending = previous.thenCompose(ws -> ws.sendText(text, true));
    sending.whenComplete(
        (ws, error) -> {
          if (error != null) {
            end(error);
          }
        });
  }

  /** Closes abruptly; {@code onEnd} follows once. */
  void abort() {
    final CompletableFuture<WebSocket> s = sending;
    if (s != null) {
      s.thenAccept(WebSocket::abort);
    }
    end(null);
  }

  @Override
  public void onOpen(final WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(
      final WebSocket webSocket, final CharSequence data, final boolean last) {
    partial.append(data);
    if (last) {
      final String message = partial.toString();
      partial.setLength(0);
      loop.execute(() -> onMessage.accept(this, message));
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(
      final WebSocket webSocket, final int statusCode, final String reason) {
    end(null);
    return null;
  }

  @Override
  public void onError(final WebSocket webSocket, final Throwable error) {
    end(error);
  }

  private void end(final Throwable error) {
    if (ended.compareAndSet(false, true)) {
      loop.execute(() -> onEnd.accept(this, error));
    }
  }
}
