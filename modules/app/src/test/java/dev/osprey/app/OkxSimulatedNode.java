package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.okx.OkxSimulator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A whole node whose {@code okx} connector has the OKX simulator's keys and points at it. */
final class OkxSimulatedNode extends SimulatedVenueNode<OkxSimulator> {
  private OkxSimulatedNode(final Config overrides, final Consumer<OkxSimulator> market) {
    super("okx", OkxSimulator::start, sim -> overrides.withFallback(okxConfig(sim)), market);
  }

  /**
   * A simulator and node for one test class, registered with {@code @RegisterExtension}: the
   * simulator lists {@code instIds} alike (tick 0.1, lot and minimum size 0.001), then {@code
   * market} sets it up further (tickers, fees, balances, faults) before the node connects to it.
   */
  static OkxSimulatedNode perClass(
      final List<String> instIds, final Consumer<OkxSimulator> market) {
    return perClass(ConfigFactory.empty(), sim -> {
      instIds.forEach(instId -> sim.listInstrument(instId, "0.1", "0.001", "0.001"));
      market.accept(sim);
    });
  }

  /**
   * As {@link #perClass(List, Consumer)}, with {@code overrides} on top of the node's config and
   * {@code market} listing the instruments itself (their real sizes, say).
   */
  static OkxSimulatedNode perClass(final Config overrides, final Consumer<OkxSimulator> market) {
    return new OkxSimulatedNode(overrides, market);
  }

  /** As {@link #perClass(Config, Consumer)}, with {@code okx_perpetual} trading swaps too. */
  static OkxSimulatedNode withSwaps(final Consumer<OkxSimulator> market) {
    return perClass(ConfigFactory.parseMap(Map.of("osprey.venues.okx.perpetual", "true")), market);
  }

  private static Config okxConfig(final OkxSimulator sim) {
    return ConfigFactory.parseMap(
        Map.of(
            "osprey.venues.okx.api-key", OkxSimulator.API_KEY,
            "osprey.venues.okx.secret-key", OkxSimulator.SECRET_KEY,
            "osprey.venues.okx.passphrase", OkxSimulator.PASSPHRASE,
            "osprey.venues.okx.rest-url", sim.restUrl().toString(),
            "osprey.venues.okx.ws-public-url", sim.publicWsUrl().toString(),
            "osprey.venues.okx.ws-private-url", sim.privateWsUrl().toString(),
            // spot only unless a test asks for swaps: the simulator's counts stay one login's
            "osprey.venues.okx.perpetual", "false"));
  }
}
