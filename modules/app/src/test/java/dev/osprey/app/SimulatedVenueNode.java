package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.VenueSimulator;
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
class SimulatedVenueNode<S extends VenueSimulator> implements BeforeAllCallback, AfterAllCallback {
  private final ManualClock clock = ManualClock.at("2026-03-02T12:00:00Z");
  private final String connector;
  private final Supplier<S> simulator;
  private final Function<S, Config> venueConfig;
  private final Consumer<S> market;
  private S sim;
  private HttpNode node;

  /**
   * @param connector the spot connector {@code venueConfig} configures, e.g. {@code binance}
   * @param venueConfig the node config that points the connector at the simulator (and what a
   *     test sets on top)
   * @param market sets the simulator up before the node connects
   */
  SimulatedVenueNode(
      final String connector,
      final Supplier<S> simulator,
      final Function<S, Config> venueConfig,
      final Consumer<S> market) {
    this.connector = connector;
    this.simulator = simulator;
    this.venueConfig = venueConfig;
    this.market = market;
  }

  /** The spot connector the node trades the simulator with, e.g. {@code binance}. */
  String connector() {
    return connector;
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
    node = HttpNode.start(clock, venueConfig.apply(sim));
  }

  @Override
  public void afterAll(final ExtensionContext context) throws Exception {
    node.close();
    sim.close();
  }

  /**
   * Lists {@code pair} on the node's paper venue with these fees (minimum size 0.001) and quotes it
   * at {@code price}: the paper twin of a simulated market, to compare the figures of both.
   */
  void paperMarket(
      final String pair, final String takerFee, final String makerFee, final String price)
      throws Exception {
    final String market =
        "{\"taker_fee\": \"%s\", \"maker_fee\": \"%s\", \"min_order_size\": \"0.001\"}"
            .formatted(takerFee, makerFee);
    assertEquals(200, node.send("PUT", "/paper/markets/" + pair, market).statusCode());
    assertEquals(
        200,
        node.send("POST", "/paper/markets/" + pair + "/quote", "{\"price\": \"" + price + "\"}")
            .statusCode());
  }

  /** Quotes {@code bid}/{@code ask} on the paper market of {@code pair}. */
  void quotePaper(final String pair, final String bid, final String ask) throws Exception {
    node.send(
        "POST",
        "/paper/markets/" + pair + "/quote",
        "{\"bid\": \"" + bid + "\", \"ask\": \"" + ask + "\"}");
  }

  /**
   * Quotes {@code bid}/{@code ask} on the paper market of {@code pair} and on the simulator's
   * {@code symbol}, then waits until both executors ended; returns them, paper first.
   */
  JsonNode[] quoteAndAwaitEnd(
      final String pair,
      final String symbol,
      final String bid,
      final String ask,
      final String onPaper,
      final String onVenue)
      throws Exception {
    quotePaper(pair, bid, ask);
    sim.setTicker(symbol, bid, ask);
    return new JsonNode[] {node.awaitTerminated(onPaper), node.awaitTerminated(onVenue)};
  }
  /** Opens a position executor ({@link #createPosition}) and waits until it trades; its id. */
  String openPosition(final String connector, final String pair) throws Exception {
    final String id = createPosition(node, connector, pair);
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());
    return id;
  }

  /** Waits until executor {@code id} shows a venue's refusal (its first error); its view. */
  JsonNode awaitFirstError(final String id) {
    return node.awaitExecutor(id, n -> n.get("error_count").asInt() >= 1);
  }

  /**
   * Creates a position executor ({@link #createPosition}) whose venue will refuse it, and waits
   * until it shows the refusal; its view, on {@code connector} still.
   */
  JsonNode refusedPosition(final String connector, final String pair) throws Exception {
    final JsonNode refused = awaitFirstError(createPosition(node, connector, pair));
    assertEquals(connector, refused.get("connector_name").asText());
    return refused;
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
