package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.okx.OkxSimulator;
import java.net.http.HttpResponse;
import java.util.Map;

/** A whole node whose {@code okx} connector has the simulator's keys and points at it. */
final class OkxSimulatedNode {
  private OkxSimulatedNode() {}

  static HttpNode start(final ManualClock clock, final OkxSimulator sim) {
    return start(clock, sim, ConfigFactory.empty());
  }

  /** As {@link #start(ManualClock, OkxSimulator)} with {@code overrides} on top. */
  static HttpNode start(final ManualClock clock, final OkxSimulator sim, final com.typesafe.config.Config overrides) {
    return HttpNode.start(
        clock,
        overrides.withFallback(ConfigFactory.parseMap(
            Map.of(
                "osprey.venues.okx.api-key",
                OkxSimulator.API_KEY,
                "osprey.venues.okx.secret-key",
                OkxSimulator.SECRET_KEY,
                "osprey.venues.okx.passphrase",
                OkxSimulator.PASSPHRASE,
                "osprey.venues.okx.rest-url",
                sim.restUrl().toString(),
                "osprey.venues.okx.ws-public-url",
                sim.publicWsUrl().toString(),
                "osprey.venues.okx.ws-private-url",
                sim.privateWsUrl().toString()))));
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
            {"controller_id": "okx-acceptance", "executor_config": {
              "type": "position_executor", "connector_name": "%s", "trading_pair": "%s",
              "side": "BUY", "amount": "1",
              "triple_barrier_config": {"take_profit": "0.02", "stop_loss": 0.01, "open_order_type": "MARKET"}}}\
            """
                .formatted(connector, pair));
    assertEquals(201, created.statusCode(), created.body());
    return HttpNode.json(created).get("executor_id").asText();
  }
}
