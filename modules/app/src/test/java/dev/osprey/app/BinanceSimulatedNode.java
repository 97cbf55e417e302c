package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole node whose {@code binance} connector has the Binance simulator's keys and points at it.
 */
final class BinanceSimulatedNode extends SimulatedVenueNode<BinanceSimulator> {
  private BinanceSimulatedNode(final Consumer<BinanceSimulator> market) {
    super("binance", BinanceSimulator::start, BinanceSimulatedNode::binanceConfig, market);
  }

  /**
   * A simulator and node for one test class, registered with {@code @RegisterExtension}: the
   * simulator lists the {@code pairs} ({@code DOGE-USDT}) alike (tick 0.1, step and minimum 0.001),
   * then {@code market} sets it up further before the node connects to it.
   */
  static BinanceSimulatedNode perClass(
      final List<String> pairs, final Consumer<BinanceSimulator> market) {
    return new BinanceSimulatedNode(
        sim -> {
          for (String pair : pairs) {
            final String[] bq = pair.split("-");
            sim.listSymbol(bq[0], bq[1], "0.1", "0.001", "0.001");
          }
          market.accept(sim);
        });
  }

  private static Config binanceConfig(final BinanceSimulator sim) {
    return ConfigFactory.parseMap(
        Map.of(
            "osprey.venues.binance.api-key",
            BinanceSimulator.API_KEY,
            "osprey.venues.binance.secret-key",
            BinanceSimulator.SECRET_KEY,
            "osprey.venues.binance.rest-url",
            sim.restUrl().toString(),
            "osprey.venues.binance.ws-url",
            sim.wsUrl().toString()));
  }
}
