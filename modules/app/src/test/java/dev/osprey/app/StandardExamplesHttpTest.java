package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.json.ApiJson;
import dev.osprey.testkit.ManualClock;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standard's example order, grid and position configs (spec 001; files in {@code
 * standard-examples/}) run as written on a whole node: the real venues they name ({@code binance},
 * {@code binance_perpetual}) have no connector here, so they run on their {@code _paper_trade}
 * twins with those venues' fees.
 */
class StandardExamplesHttpTest {
  /** The examples' own controller id, as the standard writes it. */
  static final String CONTROLLER = "my-agent";

  private static final ManualClock CLOCK = ManualClock.at("2026-03-03T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  @Test
  void shouldRunTheOrderExampleOnBinancePaperTradeAndHoldTheFill() throws Exception {
    final String id =
        createRestingOnPaper("order-executor.json", "binance", "BTC-USDT", "64990", "65010");

    // The ask comes down through the limit: the resting BUY fills at 65000 as maker, 0.1 %.
    node.quote("binance_paper_trade", "BTC-USDT", "64980", "64999");
    final JsonNode done = node.awaitClosed(id, "POSITION_HOLD");
    assertEquals("LIMIT", done.get("config").get("execution_strategy").asText());
    assertDecimal("65000", done.get("config").get("price"));
    assertDecimal("0.65", done.get("cum_fees_quote"));          // 650 x 0.001

    final JsonNode position = HttpNode.json(node.send("GET",
        "/executors/positions/binance/BTC-USDT?controller_id=" + CONTROLLER, null));
    assertEquals("binance_paper_trade", position.get("connector_name").asText(), position::toString);
    assertEquals("LONG", position.get("position_side").asText());
    assertDecimal("0.01", position.get("net_amount_base"));
    assertDecimal("65000", position.get("breakeven_price"));
    assertDecimal("0.65", position.get("cum_fees_quote"));
  }

  @Test
  void shouldRunThePositionExampleOnBinancePerpetualPaperTradeToTakeProfit() throws Exception {
    final String id = createRestingOnPaper(
        "position-executor.json", "binance_perpetual", "SOL-USDT", "150.5", "150.6");

    // Entry: the LIMIT BUY of 10 at 150 fills as maker, 0.02 %: fee 0.30.
    node.quote("binance_perpetual_paper_trade", "SOL-USDT", "149.8", "149.9");
    node.awaitExecutor(id, n -> n.get("filled_amount_quote").decimalValue().signum() > 0);
    // Bid 153.2: (153.2 - 150) x 10 - 0.30 = 31.70 net, 2.11 % >= 2 %: take profit, sold at the
    // bid as taker, 0.05 %: fee 0.766.
    node.quote("binance_perpetual_paper_trade", "SOL-USDT", "153.2", "153.3");
    final JsonNode done = node.awaitClosed(id, "TAKE_PROFIT");
    assertEquals(5, done.get("config").get("leverage").asInt());
    assertDecimal("3600", done.get("config").get("triple_barrier_config").get("time_limit"));
    assertDecimal("1.066", done.get("cum_fees_quote"));
    assertDecimal("30.934", done.get("net_pnl_quote"));          // 32 - 0.30 - 0.766
    assertDecimal("3032", done.get("filled_amount_quote"));      // 1500 + 1532
  }

  @Test
  void shouldRunTheGridExampleWithTheReferenceBarriersAndKeepItsInventoryAtTheLimit() throws Exception {
    node.quote("binance_paper_trade", "ETH-USDT", "2999.9", "3000.1");
    final JsonNode created = create("grid-executor.json");
    assertEquals("binance_paper_trade", created.get("connector_name").asText());
    final String id = created.get("executor_id").asText();
    final JsonNode running = node.awaitExecutor(id, n -> n.get("custom_info").get("open_liquidity_placed")
        .decimalValue().signum() > 0);
    final JsonNode barriers = running.get("config").get("triple_barrier_config");
    assertDecimal("0.001", barriers.get("take_profit"));
    assertEquals("LIMIT_MAKER", barriers.get("open_order_type").asText());
    assertEquals("LIMIT_MAKER", barriers.get("take_profit_order_type").asText());

    // The ask falls through the open orders (they fill as maker, 0.1 %), then mid 2895 is below
    node.awaitResting("binance_paper_trade", "ETH-USDT", 5);                  // max_open_orders
    // limit_price 2900: with keep_position the grid hands its inventory over.
    node.quote("binance_paper_trade", "ETH-USDT", "2950", "2950.1");
    node.quote("binance_paper_trade", "ETH-USDT", "2894.9", "2895.1");
    final JsonNode done = node.awaitClosed(id, "POSITION_HOLD");

    BigDecimal base = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    for (JsonNode held : done.get("held_position_orders")) {
      base = base.add(held.get("executed_amount_base").decimalValue());
      quote = quote.add(held.get("executed_amount_quote").decimalValue());
    }
    assertTrue(base.signum() > 0, done::toString);
    final JsonNode position = HttpNode.json(node.send("GET",
        "/executors/positions/binance/ETH-USDT?controller_id=" + CONTROLLER, null));
    assertEquals("LONG", position.get("position_side").asText(), position::toString);
    assertDecimal(base.toPlainString(), position.get("net_amount_base"));
    assertDecimal(quote.multiply(new BigDecimal("0.001")).toPlainString(), position.get("cum_fees_quote"));
  }

  @Test
  void shouldRefuseANestedStrategyWithAnUnknownFieldNamingIt() throws Exception {
    final HttpResponse<String> r = node.send("POST", "/executors/", """
        {"controller_id": "std", "executor_config": {"type": "order_executor", "connector_name": "binance",
         "trading_pair": "BTC-USDT", "side": "BUY", "amount": "0.01",
         "execution_strategy": {"order_type": "LIMIT", "price": "65000", "prize": "1"}}}""");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("executor_config.execution_strategy.prize"), r.body());
  }

  /** POSTs the example as {@code {"executor_config": <file>}}; 201 or the test fails. */
  /**
   * Quotes {@code pair} on the paper twin of {@code live}, creates the example in {@code file},
   * checks that it runs on that twin and waits until its one order rests.
   *
   * @return the executor's id
   */
  private static String createRestingOnPaper(
      final String file, final String live, final String pair, final String bid, final String ask)
      throws Exception {
    final String paper = live + "_paper_trade";
    node.quote(paper, pair, bid, ask);
    final JsonNode created = create(file);
    assertEquals(paper, created.get("connector_name").asText());
    assertEquals(live, created.get("paper_trade_of").asText());
    node.awaitResting(paper, pair, 1);
    return created.get("executor_id").asText();
  }

  private static JsonNode create(final String file) throws Exception {
    final ObjectNode config = example(file);
    // The files are the standard's examples verbatim, controller id included.
    assertEquals(CONTROLLER, config.get("controller_id").asText());
    final ObjectNode body = ApiJson.mapper().createObjectNode();
    body.set("executor_config", config);
    final HttpResponse<String> r = node.send("POST", "/executors/", body.toString());
    assertEquals(201, r.statusCode(), r.body());
    return HttpNode.json(r);
  }

  private static ObjectNode example(final String file) throws Exception {
    try (InputStream in = StandardExamplesHttpTest.class.getResourceAsStream("/standard-examples/" + file)) {
      return (ObjectNode) ApiJson.mapper().readTree(in);
    }
  }

}
