package dev.osprey.testkit.okx;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.BoundedSourceQueue;

/** One client WebSocket of the simulator: what it subscribed to, and its outgoing queue. */
final class SimSocket {
  final String connId;
  final boolean isPrivate;
  private final BoundedSourceQueue<Message> out;
  volatile boolean loggedIn;
  volatile boolean open = true;

  /** {@code channel:instId} or {@code channel:instType}. */
  final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

  SimSocket(final String connId, final boolean isPrivate, final BoundedSourceQueue<Message> out) {
    this.connId = connId;
    this.isPrivate = isPrivate;
    this.out = out;
  }

  void send(final String text) {
    if (open) {
      out.offer(TextMessage.create(text));
    }
  }

  /** Ends the connection abruptly, as a network failure would (no close handshake). */
  void drop() {
    open = false;
    out.fail(new IllegalStateException("connection dropped by the OKX simulator"));
  }
}
