package dev.osprey.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.exchange.venue.VenueClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OKX's private WebSocket as a session: log in, subscribe to the {@code orders} channel, and after
 * every drop do it again (see {@link OkxStream}). What it carries (op answers, order pushes) goes
 * to the {@link Listener}; so does each time it becomes ready, so that the connector reconciles
 * after every reconnect. A login refused for good ends it. Runs on the connector's thread.
 */
final class OkxPrivateChannel extends OkxStream {
  private static final Logger LOG = LoggerFactory.getLogger(OkxPrivateChannel.class);

  /** What the session reports; called on the connector's thread. */
  interface Listener {
    /** Logged in and subscribed to {@code orders}: after the first connect and every reconnect. */
    void onReady();

    /** An op answer or an {@code orders} push. */
    void onMessage(JsonNode message);

    /** The socket ended; the session reconnects by itself. */
    void onLost();

    /** OKX refused the login for good (bad keys): the session stops. */
    void onRejected(OkxException error);
  }

  private final VenueClock venueClock;
  private final OkxSigner signer;
  private final Runnable resyncClock;
  private final Listener listener;
  private boolean loggedIn;
  private boolean ready;

  OkxPrivateChannel(
      final OkxTransport transport,
      final VenueClock venueClock,
      final Runnable resyncClock,
      final Listener listener) {
    super("private", transport.config().urls().privateWs(), transport);
    this.venueClock = venueClock;
    this.signer = new OkxSigner(transport.config().credentials());
    this.resyncClock = resyncClock;
    this.listener = listener;
  }

  /** Logged in and subscribed: ops can be sent. */
  boolean isReady() {
    return ready;
  }

  /** Sends an op; only call when {@link #isReady}. */
  void sendOp(final String text) {
    send(text);
  }

  @Override
  protected void opened() {
    loggedIn = false;
    ready = false;
    send(
        OkxJson.write(
            new OkxMessages.WsRequest(
                null, "login", List.of(signer.loginArgs(venueClock.instant().getEpochSecond())))));
    // A login or subscription that is never answered must not leave the socket half-open.
    final Object socket = current();
    loop().schedule(
        () -> {
          if (!ready && !isStopped() && socket == current()) {
            LOG.warn(
                "OKX private WebSocket: no login/subscribe answer in {}; reconnecting",
                config().timings().requestTimeout());
            restart(socket);
          }
        },
        config().timings().requestTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  protected void received(final JsonNode msg) {
    final String event = OkxJson.text(msg, "event");
    if ("login".equals(event)) {
      loggedIn = true;
      send(
          OkxJson.write(
              new OkxMessages.WsRequest(
                  null, "subscribe", List.of(Map.of("channel", "orders", "instType", config().product().instType)))));
    } else if ("error".equals(event)) {
      onError(OkxJson.text(msg, "code"), OkxJson.text(msg, "msg"));
    } else if ("subscribe".equals(event)) {
      if ("orders".equals(msg.path("arg").path("channel").asText())) {
        ready = true;
        healthy();
        listener.onReady();
      }
    } else {
      listener.onMessage(msg);
    }
  }

  private void onError(final String code, final String msg) {
    if (loggedIn) {
      LOG.warn("OKX private WebSocket error {} {}", code, msg);
      return;
    }
    if (!OkxErrors.isFinalLoginError(code)) {
      LOG.warn("OKX login refused for now ({} {}); reconnecting", code, msg);
      if (OkxErrors.isStaleTimestamp(code)) {
        resyncClock.run(); // done long before the reconnect's backoff ends
      }
      restart(current());
      return;
    }
    final OkxException error = OkxException.loginRejected(code, msg, config().demo());
    LOG.error("{}", error.getMessage());
    close();
    listener.onRejected(error);
  }

  @Override
  protected void lost() {
    ready = false;
    loggedIn = false;
    listener.onLost();
  }
}
