package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.okx.OkxSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A whole node whose {@code okx} connector has the simulator's keys and points at it. As a test
 * class's extension ({@link #perClass}) it starts a simulator and such a node for the class, and
 * stops both after its tests.
 */
final class OkxSimulatedNode implements BeforeAllCallback, AfterAllCallback {
  private final ManualClock clock;
  private final Config overrides;
  private final Consumer<OkxSimulator> market;
  private OkxSimulator sim;
  private HttpNode node;

  private OkxSimulatedNode(final ManualClock clock, final Config overrides, final Consumer<OkxSimulator> market) {
    this.clock = clock;
    this.overrides = overrides;
    this.market = market;
  }

  /**
   * A simulator and node for one test class, registered with {@code @RegisterExtension}: the
   * simulator lists {@code instIds} alike (tick 0.1, lot and minimum size 0.001), then {@code
   * market} sets it up further (tickers, fees, balances, faults) before the node connects to it.
   * The node's clock stands still at 2026-03-02T12:00:00Z; the simulator keeps the real time.
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
    return new OkxSimulatedNode(ManualClock.at("2026-03-02T12:00:00Z"), overrides, market);
  }

  OkxSimulator sim() {
    return sim;
  }

  HttpNode node() {
    return node;
  }

  @Override
  public void beforeAll(final ExtensionContext context) {
    sim = OkxSimulator.start();
    market.accept(sim);
    node = start(clock, sim, overrides);
  }

  @Override
  public void afterAll(final ExtensionContext context) {
    node.close();
    sim.close();
  }

  /** As {@link #perClass(Config, Consumer)}, with {@code okx_perpetual} trading swaps too. */
  static OkxSimulatedNode withSwaps(final Consumer<OkxSimulator> market) {
    return perClass(ConfigFactory.parseMap(Map.of("osprey.venues.okx.perpetual", "true")), market);
  }

  /** Such a node with {@code overrides} on top of its config. */
  private static HttpNode start(final ManualClock clock, final OkxSimulator sim, final Config overrides) {
    final Config okx =
        ConfigFactory.parseMap(
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
                sim.privateWsUrl().toString(),
                // spot only unless a test asks for swaps: the simulator's counts stay one login's
                "osprey.venues.okx.perpetual",
                "false"));
    return HttpNode.start(clock, overrides.withFallback(okx));
  }

  /**
   * Quotes {@code bid}/{@code ask} on the paper market of {@code pair} and on the simulator's
   * {@code instId}, then waits until both executors ended; returns them, paper first.
   */
  JsonNode[] quoteAndAwaitEnd(
      final String pair,
      final String instId,
      final String bid,
      final String ask,
      final String onPaper,
      final String onOkx)
      throws Exception {
    node.send(
        "POST",
        "/paper/markets/" + pair + "/quote",
        "{\"bid\": \"" + bid + "\", \"ask\": \"" + ask + "\"}");
    sim.setTicker(instId, bid, ask);
    return new JsonNode[] {
      node.awaitExecutor(onPaper, n -> "TERMINATED".equals(n.get("status").asText())),
      node.awaitExecutor(onOkx, n -> "TERMINATED".equals(n.get("status").asText()))
    };
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
