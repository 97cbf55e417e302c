package dev.osprey.binance;

import dev.osprey.testkit.VenueFixture;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;

/**
 * A Binance simulator with BTCUSDT listed (tick 0.01, step 0.0001, min 0.001; fees and balance as
 * {@link VenueFixture} sets them) and connectors pointed at it on one actor system (their WebSocket
 * client), reconnecting fast.
 */
final class BinanceVenueFixture extends VenueFixture<BinanceSimulator> {
  static final BinanceCredentials KEYS =
      new BinanceCredentials(BinanceSimulator.API_KEY, BinanceSimulator.SECRET_KEY);

  final ActorSystem system = ActorSystem.create("binance-test");
  private final List<BinanceExchange> connectors = new ArrayList<>();

  BinanceVenueFixture() {
    this(Clock.systemUTC());
  }

  /** A simulated venue whose own clock is {@code venueClock}. */
  BinanceVenueFixture(final Clock venueClock) {
    super("binance", listed(BinanceSimulator.start(venueClock)));
  }

  private static BinanceSimulator listed(final BinanceSimulator sim) {
    sim.listSymbol("BTC", "USDT", "0.01", "0.0001", "0.001");
    return sim;
  }

  BinanceConfig config(final BinanceCredentials credentials) {
    return BinanceConfig.of("binance", true, credentials)
        .withUrlOverrides(sim.restUrl().toString(), sim.wsUrl().toString())
        .withTimings(
            new BinanceConfig.Timings(
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                Duration.ofSeconds(5)));
  }

  /** A connector with {@code credentials}, not started. */
  BinanceExchange unstarted(final BinanceCredentials credentials) {
    final BinanceExchange c = new BinanceExchange(config(credentials), Clock.systemUTC(), system);
    connectors.add(c);
    return c;
  }

  /** A started connector with the simulator's keys. */
  BinanceExchange connector() throws Exception {
    final BinanceExchange c = unstarted(KEYS);
    c.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return c;
  }

  @Override
  public void close() {
    connectors.forEach(BinanceExchange::close);
    super.close();
    system.terminate();
  }
}
