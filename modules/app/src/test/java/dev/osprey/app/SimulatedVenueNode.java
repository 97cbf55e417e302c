package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A whole node whose real-venue connector has a local simulator's keys and points at it. As a test
 * class's extension it starts the simulator, lets the test set its market up, then starts the node
 * (the connector connects at start), and stops both after the class's tests. The node's clock
 * stands still at 2026-03-02T12:00:00Z; the simulator keeps the real time.
 *
 * @param <S> the simulator
 */
class SimulatedVenueNode<S extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
  private final ManualClock clock = ManualClock.at("2026-03-02T12:00:00Z");
  private final Supplier<S> simulator;
  private final Function<S, Config> venueConfig;
  private final Config overrides;
  private final Consumer<S> market;
  private S sim;
  private HttpNode node;

  /**
   * @param venueConfig the node config that points the connector at the simulator
   * @param overrides config on top of that
   * @param market sets the simulator up before the node connects
   */
  SimulatedVenueNode(
      final Supplier<S> simulator,
      final Function<S, Config> venueConfig,
      final Config overrides,
      final Consumer<S> market) {
    this.simulator = simulator;
    this.venueConfig = venueConfig;
    this.overrides = overrides;
    this.market = market;
  }

  S sim() {
    return sim;
  }

  HttpNode node() {
    return node;
  }

  @Override
  public void beforeAll(final ExtensionContext context) {
    sim = simulator.get();
    market.accept(sim);
    node = HttpNode.start(clock, overrides.withFallback(venueConfig.apply(sim)));
  }

  @Override
  public void afterAll(final ExtensionContext context) throws Exception {
    node.close();
    sim.close();
  }

  /**
   * Creates a position executor buying 1 of {@code pair} at market with a 2 % take profit (and a 1
   * % stop loss); returns its id without waiting for it to trade.
   */
  static String createPosition(final HttpNode node, final String connector, final String pair)
      throws Exception {
    final HttpResponse<String> created =
        node.send(
            "POST",
            "/executors/",
            """
            {"controller_id": "venue-acceptance", "executor_config": {
              "type": "position_executor", "connector_name": "%s", "trading_pair": "%s",
              "side": "BUY", "amount": "1",
              "triple_barrier_config": {"take_profit": "0.02", "stop_loss": 0.01, "open_order_type": "MARKET"}}}\
            """
                .formatted(connector, pair));
    assertEquals(201, created.statusCode(), created.body());
    return HttpNode.json(created).get("executor_id").asText();
  }
}
