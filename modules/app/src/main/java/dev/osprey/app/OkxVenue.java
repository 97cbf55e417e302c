package dev.osprey.app;

import com.typesafe.config.Config;
import dev.osprey.okx.OkxConfig;
import dev.osprey.okx.OkxCredentials;
import dev.osprey.okx.OkxExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
    final Map<String, String> env = new HashMap<>();
    env.put(OkxCredentials.API_KEY_ENV, okx.getString("api-key"));
    env.put(OkxCredentials.SECRET_KEY_ENV, okx.getString("secret-key"));
    env.put(OkxCredentials.PASSPHRASE_ENV, okx.getString("passphrase"));
    env.put(OkxConfig.USE_DEMO_ENV, okx.getString("use-demo"));
    env.put(OkxConfig.REST_URL_ENV, okx.getString("rest-url"));
    env.put(OkxConfig.WS_PUBLIC_URL_ENV, okx.getString("ws-public-url"));
    env.put(OkxConfig.WS_PRIVATE_URL_ENV, okx.getString("ws-private-url"));
    if (OkxCredentials.fromEnv(env).isEmpty()) {
      return Optional.empty();
    }
    final OkxConfig settings = OkxConfig.fromEnv("okx", env);
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
