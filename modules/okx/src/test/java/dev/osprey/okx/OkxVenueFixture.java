package dev.osprey.okx;

import dev.osprey.testkit.VenueFixture;
import dev.osprey.testkit.okx.OkxSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An OKX simulator with BTC-USDT listed (tick 0.1, lot 0.0001, min 0.001; fees and balance as
 * {@link VenueFixture} sets them) and connectors pointed at it, demo mode on, reconnecting fast.
 */
final class OkxVenueFixture extends VenueFixture<OkxSimulator> {
  static final OkxCredentials KEYS =
      new OkxCredentials(OkxSimulator.API_KEY, OkxSimulator.SECRET_KEY, OkxSimulator.PASSPHRASE);

  OkxVenueFixture() {
    this(Clock.systemUTC());
  }

  /** A simulated venue whose own clock is {@code venueClock}. */
  OkxVenueFixture(final Clock venueClock) {
    super("okx", listed(OkxSimulator.start(venueClock)));
  }

  private static OkxSimulator listed(final OkxSimulator sim) {
    sim.listInstrument("BTC-USDT", "0.1", "0.0001", "0.001");
    return sim;
  }

  OkxConfig config(final OkxCredentials credentials) {
    return OkxConfig.of("okx", true, credentials)
        .withUrls(new OkxUrls(sim.restUrl(), sim.publicWsUrl(), sim.privateWsUrl()))
        .withTimings(
            new OkxTimings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)));
  }

  /** A started connector with the simulator's keys. */
  OkxExchange connector() throws Exception {
    final OkxExchange okx = new OkxExchange(config(KEYS), Clock.systemUTC());
    okx.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return okx;
  }
}
