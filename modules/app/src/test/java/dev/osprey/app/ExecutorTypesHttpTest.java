package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.testkit.ManualClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every executor type through HTTP on a whole node with both paper venues (in-memory journal,
 * which serializes every persisted event): created, run on the quotes, ended as expected.
 */
class ExecutorTypesHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ManualClock CLOCK = ManualClock.at("2026-03-03T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  private static String create(final String body) throws Exception {
    final HttpResponse<String> r = node.send("POST", "/executors/", body);
    assertEquals(201, r.statusCode(), r.body());
    return HttpNode.json(r).get("executor_id").asText();
  }

  private static void quote(final String connector, final String pair, final String bid, final String ask)
      throws Exception {
    node.quote(connector, pair, bid, ask);
  }

  /** Gives paper_b 10 of the base of {@code pair} to sell, and quotes the pair on both venues. */
  private static void quoteBothVenues(
      final String pair, final String bid, final String ask, final String bidB, final String askB)
      throws Exception {
    final String base = pair.substring(0, pair.indexOf('-'));
    node.send("PUT", "/paper/balances?connector=paper_b", JSON.createObjectNode().put(base, "10").toString());
    quote("paper", pair, bid, ask);
    quote("paper_b", pair, bidB, askB);
  }

  /** Creates a {@code type} executor buying {@code pair} on paper and selling it on paper_b. */
  private static String createCrossVenue(final String type, final String pair, final Map<String, String> fields)
      throws Exception {
    final ObjectNode config = JSON.createObjectNode().put("type", type);
    config.putObject("buying_market").put("connector_name", "paper").put("trading_pair", pair);
    config.putObject("selling_market").put("connector_name", "paper_b").put("trading_pair", pair);
    fields.forEach(config::put);
    final ObjectNode body = JSON.createObjectNode().put("controller_id", "types");
    body.set("executor_config", config);
    return create(body.toString());
  }


  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> invalidConfigs() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("unequal DCA lists", """
            {"type": "dca_executor", "connector_name": "paper", "trading_pair": "DCA-USDT", "side": "BUY",
             "amounts_quote": ["10", "10"], "prices": ["99"]}""", "executor_config.prices"),
        org.junit.jupiter.params.provider.Arguments.of("grid start >= end", """
            {"type": "grid_executor", "connector_name": "paper", "trading_pair": "GRD-USDT", "start_price": "105",
             "end_price": "95", "limit_price": "90", "total_amount_quote": "100",
             "triple_barrier_config": {"take_profit": "0.01"}}""", "executor_config.start_price"),
        org.junit.jupiter.params.provider.Arguments.of("missing price for LIMIT", """
            {"type": "order_executor", "connector_name": "paper", "trading_pair": "ORD-USDT", "side": "BUY",
             "amount": "1", "execution_strategy": "LIMIT"}""", "executor_config.price"),
        org.junit.jupiter.params.provider.Arguments.of("missing chaser config", """
            {"type": "order_executor", "connector_name": "paper", "trading_pair": "ORD-USDT", "side": "BUY",
             "amount": "1", "execution_strategy": "LIMIT_CHASER"}""", "executor_config.chaser_config"),
        org.junit.jupiter.params.provider.Arguments.of("non-positive amount", """
            {"type": "twap_executor", "connector_name": "paper", "trading_pair": "TWP-USDT", "side": "BUY",
             "total_amount_quote": "0", "total_duration": 60, "order_interval": 10}""",
            "executor_config.total_amount_quote"),
        org.junit.jupiter.params.provider.Arguments.of("unknown type", """
            {"type": "moon_executor"}""", "executor_config.type"),
        org.junit.jupiter.params.provider.Arguments.of("unknown field", """
            {"type": "position_executor", "connector_name": "paper", "trading_pair": "BTC-USDT", "side": "BUY",
             "amount": "1", "take_profitt": "0.02"}""", "executor_config.take_profitt"),
        org.junit.jupiter.params.provider.Arguments.of("unknown selling venue", """
            {"type": "arbitrage_executor", "buying_market": {"connector_name": "paper", "trading_pair": "ARB-USDT"},
             "selling_market": {"connector_name": "nowhere", "trading_pair": "ARB-USDT"},
             "order_amount": "1", "min_profitability": "0.01"}""", "executor_config.connector_name"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("invalidConfigs")
  void shouldRefuseABadConfigWith400NamingTheField(final String name, final String config, final String field)
      throws Exception {
    final HttpResponse<String> r = node.send("POST", "/executors/", "{\"executor_config\": " + config + "}");
    assertEquals(400, r.statusCode(), r.body());
    final JsonNode body = HttpNode.json(r);
    final java.util.List<String> fields = new java.util.ArrayList<>();
    body.get("violations").forEach(v -> fields.add(v.get("field").asText()));
    assertTrue(fields.contains(field), () -> name + ": " + body);
  }

  @Test
  void shouldListEveryExecutorType() throws Exception {
    final JsonNode types = HttpNode.json(node.send("GET", "/executors/types/available", null)).get("executor_types");
    final java.util.Set<String> names = new java.util.TreeSet<>();
    types.forEach(t -> names.add(t.get("type").asText()));
    assertEquals(new java.util.TreeSet<>(java.util.List.of("arbitrage_executor", "dca_executor", "grid_executor",
        "lp_executor", "order_executor", "position_executor", "swap_executor", "twap_executor", "xemm_executor")),
        names);
    for (String type : names) {
      assertEquals(200, node.send("GET", "/executors/types/" + type + "/config", null).statusCode(), type);
    }
  }

  @Test
  void shouldRunAnArbitrageAcrossTheTwoPaperVenues() throws Exception {
    quoteBothVenues("ARB-USDT", "100", "100.1", "101", "101.1");
    final String id = createCrossVenue("arbitrage_executor", "ARB-USDT",
        Map.of("order_amount", "1", "min_profitability", "0.001"));
    final JsonNode done = node.awaitClosed(id, "COMPLETED");
    assertDecimal("0.9", done.get("net_pnl_quote"));                  // sold 101, bought 100.1, no fees
    assertDecimal("0.008991008991008991", done.get("net_pnl_pct"));  // 0.9 / 100.1
  }

  @Test
  void shouldPriceArbitrageWithTheVenuesFeesWhenTheConfigGivesNone() throws Exception {
    node.send("PUT", "/paper/markets/ARF-USDT?connector=paper", "{\"taker_fee\": \"0.001\"}");
    node.send("PUT", "/paper/markets/ARF-USDT?connector=paper_b", "{\"taker_fee\": \"0.002\"}");
    quoteBothVenues("ARF-USDT", "99.9", "100", "100.35", "100.45");   // 0.35 % gross, 0.05 % after 0.3 % of fees
    final String id = createCrossVenue("arbitrage_executor", "ARF-USDT",
        Map.of("order_amount", "1", "min_profitability", "0.001"));
    final JsonNode waiting = node.awaitExecutor(id, n -> "RUNNING".equals(n.get("status").asText()));
    assertDecimal("0.001", waiting.get("config").get("buying_fee_pct"));
    assertDecimal("0.002", waiting.get("config").get("selling_fee_pct"));
    quote("paper_b", "ARF-USDT", "100.6", "100.7");      // 0.6 % gross, 0.3 % net: trades
    final JsonNode done = node.awaitClosed(id, "COMPLETED");
    assertDecimal("0.2988", done.get("net_pnl_quote"));   // 0.6 - 0.1 - 0.2012
  }

  @Test
  void shouldMakeOnOneVenueAndHedgeOnTheOtherWithXemm() throws Exception {
    quoteBothVenues("XEM-USDT", "99.6", "99.8", "100", "100.1");
    final String id = createCrossVenue("xemm_executor", "XEM-USDT", Map.of("maker_side", "BUY",
        "order_amount", "1", "min_profitability", "0.002", "target_profitability", "0.005",
        "max_profitability", "0.02"));
    node.awaitResting("paper", "XEM-USDT", 1);
    quote("paper", "XEM-USDT", "99.3", "99.4");   // the maker BUY at 100 / 1.005 = 99.50 fills at its price
    final JsonNode done = node.awaitClosed(id, "COMPLETED");
    assertDecimal("0.5", done.get("net_pnl_quote"));                  // hedged at the paper_b bid 100
    assertDecimal("199.5", done.get("filled_amount_quote"));
  }

  @Test
  void shouldSwapAtTheBestProviderAndHandTheTokensOver() throws Exception {
    quote("paper", "SWP-USDT", "100", "100");
    final String id = create("""
        {"controller_id": "swapper", "executor_config": {"type": "swap_executor", "connector_name": "paper",
          "trading_pair": "SWP-USDT", "side": "BUY", "amount": "2"}}""");
    final JsonNode done = node.awaitClosed(id, "COMPLETED");
    assertDecimal("200", done.get("filled_amount_quote"));
    node.awaitJson("/executors/positions/paper/SWP-USDT?controller_id=swapper",
        p -> assertDecimal("2", p.get("net_amount_base")));
  }

  @Test
  void shouldProvideLiquidityAndEarnFeesOnlyInRange() throws Exception {
    quote("paper", "LPX-USDT", "100", "100");
    final String id = create("""
        {"controller_id": "types", "executor_config": {"type": "lp_executor", "connector_name": "paper",
          "trading_pair": "LPX-USDT", "lower_price": "90", "upper_price": "110",
          "base_amount": "1", "quote_amount": "100", "side": "RANGE"}}""");
    node.awaitExecutor(id, n -> "IN_RANGE".equals(n.get("custom_info").get("state").asText()));
    quote("paper", "LPX-USDT", "104", "104");
    final JsonNode moved = node.awaitExecutor(id, n -> n.get("fees_earned_quote").decimalValue().signum() > 0);
    assertEquals("RUNNING", moved.get("status").asText());
    quote("paper", "LPX-USDT", "120", "120");
    node.awaitExecutor(id, n -> "OUT_OF_RANGE".equals(n.get("custom_info").get("state").asText()));
    node.send("POST", "/executors/" + id + "/stop", "{}");
    node.awaitClosed(id, "EARLY_STOP");
  }

  @Test
  void shouldAverageInWithDcaAndHandTheFilledLevelOver() throws Exception {
    quote("paper", "DCA-USDT", "100", "100.1");
    final String id = create("""
        {"controller_id": "types", "executor_config": {"type": "dca_executor", "connector_name": "paper",
          "trading_pair": "DCA-USDT", "side": "BUY", "amounts_quote": ["99", "98"], "prices": ["99", "98"],
          "take_profit": "0.05", "mode": "MAKER"}}""");
    node.awaitResting("paper", "DCA-USDT", 2);                       // both levels are on the book
    quote("paper", "DCA-USDT", "98.5", "98.9");                    // level 1: 1 @ 99 fills
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());
    node.send("POST", "/executors/" + id + "/stop", "{\"keep_position\": true}");
    final JsonNode done = node.awaitClosed(id, "POSITION_HOLD");
    assertEquals("99", done.get("held_position_orders").get(0).get("price").asText());
  }

  @Test
  void shouldSliceATwapOverTime() throws Exception {
    quote("paper", "TWP-USDT", "100", "100");
    final String id = create("""
        {"controller_id": "types", "executor_config": {"type": "twap_executor", "connector_name": "paper",
          "trading_pair": "TWP-USDT", "side": "BUY", "total_amount_quote": "300",
          "total_duration": 120, "order_interval": 60}}""");
    node.awaitExecutor(id, n -> n.get("filled_amount_quote").decimalValue().compareTo(new java.math.BigDecimal("100")) == 0);
    for (int i = 0; i < 2; i++) {
      CLOCK.advance(Duration.ofSeconds(60));
      quote("paper", "TWP-USDT", "100", "100");                     // a decision at the next slot time
    }
    final JsonNode done = node.awaitClosed(id, "COMPLETED");
    assertDecimal("300", done.get("filled_amount_quote"));
    assertDecimal("0", done.get("net_pnl_quote"));                  // the position book owns it
    // What it bought is handed over like any held inventory: 3 slices of 1 at 100.
    final JsonNode position = node.awaitJson("/executors/positions/paper/TWP-USDT?controller_id=types", p -> { });
    assertEquals("LONG", position.get("position_side").asText());
    assertDecimal("3", position.get("net_amount_base"));
    assertDecimal("100", position.get("breakeven_price"));
    assertEquals(id, position.get("executor_ids").get(0).asText());
  }

  @Test
  void shouldRunAGridAndCloseItWhenStopped() throws Exception {
    quote("paper", "GRD-USDT", "99.99", "100");
    final String id = create("""
        {"controller_id": "types", "executor_config": {"type": "grid_executor", "connector_name": "paper",
          "trading_pair": "GRD-USDT", "start_price": "95", "end_price": "105", "limit_price": "90",
          "total_amount_quote": "200", "max_open_orders": 2,
          "triple_barrier_config": {"take_profit": "0.01"}}}""");
    node.awaitExecutor(id, n -> n.get("custom_info").get("levels_by_state").toString().contains("OPEN_ORDER_PLACED"));
    node.send("POST", "/executors/" + id + "/stop", "{\"keep_position\": false}");
    node.awaitClosed(id, "EARLY_STOP");
  }
}
