package dev.osprey.app;

import com.typesafe.config.Config;
import dev.osprey.okx.OkxConfig;
import dev.osprey.okx.OkxCredentials;
import dev.osprey.okx.OkxExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * The OKX connectors of this node, when {@code osprey.venues.okx} has credentials (from the {@code
 * OKX_*} environment variables): {@code okx} for spot and, unless {@code perpetual} is off, {@code
 * okx_perpetual} for USDT-margined swaps, each with its own sockets on the same keys. They sign
 * with the real time, whatever clock the node runs executors on: OKX refuses timestamps more than
 * 30 s off.
 */
final class OkxVenue {
  private OkxVenue() {}

  /**
   * The started connectors, none when no credentials are configured. {@code nodes} counts the
   * cluster's nodes, each running its own connectors on the same keys: they share OKX's
   * per-account order rate limits.
   */
  static List<OkxExchange> start(final Config config, final IntSupplier nodes, final Logger log) {
    final Config okx = config.getConfig("osprey.venues.okx");
    final Optional<OkxCredentials> credentials =
        OkxCredentials.of(
            okx.getString("api-key"), okx.getString("secret-key"), okx.getString("passphrase"));
    if (credentials.isEmpty()) {
      return List.of();
    }
    final List<String> names = new ArrayList<>(List.of("okx"));
    if (okx.getBoolean("perpetual")) {
      names.add("okx_perpetual");
    }
    final List<OkxExchange> exchanges = new ArrayList<>();
    final List<CompletableFuture<Void>> started = new ArrayList<>();
    for (String name : names) {
      final OkxConfig settings =
          OkxConfig.of(name, OkxConfig.useDemo(okx.getString("use-demo")), credentials.get())
              .withUrlOverrides(
                  okx.getString("rest-url"),
                  okx.getString("ws-public-url"),
                  okx.getString("ws-private-url"));
      final OkxExchange exchange = new OkxExchange(settings, Clock.systemUTC(), nodes);
      exchanges.add(exchange);
      final CompletableFuture<Void> ready = exchange.start().toCompletableFuture();
      started.add(
          ready.thenRun(
              () ->
                  log.info(
                      "OKX connector '{}' ready ({} trading, {})",
                      name,
                      settings.demo() ? "demo" : "LIVE",
                      settings.urls().privateWs())));
    }
    awaitStart(names, started, okx.getDuration("start-timeout"), log);
    return exchanges;
  }

  /**
   * Waits for the connectors to start, up to {@code wait} in all. A connector that failed stays
   * registered: orders on it then fail with its error rather than silently going to the paper twin.
   */
  private static void awaitStart(
      final List<String> names,
      final List<CompletableFuture<Void>> started,
      final Duration wait,
      final Logger log) {
    final long deadline = System.nanoTime() + wait.toNanos();
    for (int i = 0; i < names.size(); i++) {
      try {
        started
            .get(i)
            .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        log.error(
            "OKX connector '{}' failed to start: {}", names.get(i), e.getCause().getMessage());
      } catch (TimeoutException e) {
        log.warn("OKX connector '{}' not ready after {}; it keeps connecting", names.get(i), wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
