package dev.osprey.app;

import com.typesafe.config.Config;
import dev.osprey.okx.OkxConfig;
import dev.osprey.okx.OkxCredentials;
import dev.osprey.okx.OkxExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * The OKX connector of this node, when {@code osprey.venues.okx} has credentials (from the {@code
 * OKX_*} environment variables). It signs with the real time, whatever clock the node runs
 * executors on: OKX refuses timestamps more than 30 s off.
 */
final class OkxVenue {
  private OkxVenue() {}

  /** The started connector, or empty when no credentials are configured. */
  static Optional<OkxExchange> start(final Config config, final Logger log) {
    final Config okx = config.getConfig("osprey.venues.okx");
    final Optional<OkxCredentials> credentials =
        OkxCredentials.of(
            okx.getString("api-key"), okx.getString("secret-key"), okx.getString("passphrase"));
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    final OkxConfig settings =
        OkxConfig.of("okx", OkxConfig.useDemo(okx.getString("use-demo")), credentials.get())
            .withUrlOverrides(
                okx.getString("rest-url"),
                okx.getString("ws-public-url"),
                okx.getString("ws-private-url"));
    final OkxExchange exchange = new OkxExchange(settings, Clock.systemUTC());
    final Duration wait = okx.getDuration("start-timeout");
    try {
      exchange.start().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "OKX connector 'okx' ready ({} trading, {})",
          settings.demo() ? "demo" : "LIVE",
          settings.urls().privateWs());
    } catch (ExecutionException e) {
      // Registered anyway: orders on okx then fail with this error rather than silently going
      // to the paper twin.
      log.error("OKX connector 'okx' failed to start: {}", e.getCause().getMessage());
    } catch (TimeoutException e) {
      log.warn("OKX connector 'okx' not ready after {}; it keeps connecting", wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.of(exchange);
  }
}
