package dev.osprey.app;

import com.typesafe.config.Config;
import dev.osprey.binance.BinanceConfig;
import dev.osprey.binance.BinanceCredentials;
import dev.osprey.binance.BinanceExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.slf4j.Logger;

/**
 * The Binance connector of this node, when {@code osprey.venues.binance} has credentials (from the
 * {@code BINANCE_*} environment variables). It signs with the real time, whatever clock the node
 * runs executors on, and opens its streams with the node's actor system (Pekko HTTP's client).
 */
final class BinanceVenue {
  private BinanceVenue() {}

  /** The started connector, or empty when no credentials are configured. */
  static Optional<BinanceExchange> start(
      final Config config,
      final ClassicActorSystemProvider system,
      final java.util.function.IntSupplier nodes,
      final Logger log) {
    final Config binance = config.getConfig("osprey.venues.binance");
    final Optional<BinanceCredentials> credentials =
        BinanceCredentials.of(binance.getString("api-key"), binance.getString("secret-key"));
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    final BinanceConfig settings =
        BinanceConfig.of(
                "binance",
                BinanceConfig.useTestnet(binance.getString("use-testnet")),
                credentials.get())
            .withUrlOverrides(binance.getString("rest-url"), binance.getString("ws-url"));
    final BinanceExchange exchange = new BinanceExchange(settings, Clock.systemUTC(), system, nodes);
    final Duration wait = binance.getDuration("start-timeout");
    try {
      exchange.start().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "Binance connector 'binance' ready ({}, {})",
          settings.testnet() ? "spot testnet" : "LIVE spot",
          settings.restUrl());
    } catch (ExecutionException e) {
      // Registered anyway: orders on binance then fail with this error rather than silently
      // going to the paper twin.
      log.error("Binance connector 'binance' failed to start: {}", e.getCause().getMessage());
    } catch (TimeoutException e) {
      log.warn("Binance connector 'binance' not ready after {}; it keeps connecting", wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.of(exchange);
  }
}
