package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static dev.osprey.testkit.JsonAssertions.assertNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's walk-through against a whole node over real HTTP (in-memory journal): set a
 * manual quote, create a position executor, move the quote, read the exact close; stop one with
 * keep_position and find it in the positions summary; and the error answers.
 */
class HttpWalkthroughTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  @Test
  void shouldCloseWithTakeProfitAndExactNumbersOverHttp() throws Exception {
    assertEquals(200, node.send("PUT", "/paper/markets/DOGE-USDT",
        "{\"taker_fee\": \"0.001\", \"maker_fee\": 0, \"min_order_size\": \"0.001\"}").statusCode());
    assertEquals(200, node.send("POST", "/paper/markets/DOGE-USDT/quote", "{\"price\": \"100\"}").statusCode());

    final HttpResponse<String> created = node.send("POST", "/executors/", """
        {"controller_id": "walk", "executor_config": {
          "type": "position_executor", "connector_name": "paper", "trading_pair": "DOGE-USDT",
          "side": "BUY", "amount": "1",
          "triple_barrier_config": {"take_profit": "0.02", "stop_loss": 0.01, "open_order_type": "MARKET"}}}""");
    assertEquals(201, created.statusCode(), created.body());
    final String id = HttpNode.json(created).get("executor_id").asText();
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());

    node.send("POST", "/paper/markets/DOGE-USDT/quote", "{\"bid\": \"103\", \"ask\": \"103.1\"}");
    final JsonNode closed = node.awaitClosed(id, "TAKE_PROFIT");

    // Entry: 1 @ 100, fee 0.1. Exit: 1 @ bid 103, fee 0.103.
    assertNumbers(closed, "2.797", "0.203", "203");
    assertDecimal("0.203", closed.get("fees_paid_quote"));
    assertDecimal("203", closed.get("volume_quote"));
    assertEquals("TERMINATED", closed.get("lifecycle").asText());
    assertEquals("position_executor", closed.get("config").get("type").asText());
  }

  @Test
  void shouldShowTheHeldPositionWithItsBreakevenAfterStopWithKeepPosition() throws Exception {
    node.send("POST", "/paper/markets/HOLD-USDT/quote", "{\"bid\": \"19.99\", \"ask\": \"20\"}");
    final HttpResponse<String> created = node.send("POST", "/executors", """
        {"controller_id": "keeper", "executor_config": {
          "type": "position_executor", "connector_name": "paper", "trading_pair": "HOLD-USDT",
          "side": 1, "amount": 2.5, "triple_barrier_config": {"open_order_type": "MARKET"}}}""");
    assertEquals(201, created.statusCode(), created.body());
    final String id = HttpNode.json(created).get("executor_id").asText();
    node.awaitExecutor(id, n -> n.get("is_trading").asBoolean());

    final HttpResponse<String> stopped = node.send("POST", "/executors/" + id + "/stop/", "{\"keep_position\": true}");
    assertEquals(200, stopped.statusCode(), stopped.body());
    node.awaitExecutor(id, n -> "POSITION_HOLD".equals(n.get("close_type").asText()));

    final JsonNode summary = node.awaitJson("/executors/positions/summary?controller_id=keeper",
        n -> assertEquals(1, n.get("total_positions").asInt(), n::toString));
    final JsonNode p = summary.get("positions").get(0);
    assertEquals("HOLD-USDT", p.get("trading_pair").asText());
    assertEquals("LONG", p.get("position_side").asText());
    assertDecimal("2.5", p.get("net_amount_base"));
    assertEquals("2.5", p.get("net_amount_base").toString(), "decimals are written without trailing zeros");
    assertDecimal("20", p.get("breakeven_price"));
    final JsonNode one = HttpNode.json(node.send("GET", "/executors/positions/paper/HOLD-USDT?controller_id=keeper", null));
    assertDecimal("20", one.get("breakeven_price"));
  }

  @Test
  void shouldAnswerBadInputWith400NamingTheFieldAndTheRule() throws Exception {
    final HttpResponse<String> r = node.send("POST", "/executors/", """
        {"executor_config": {"type": "position_executor", "connector_name": "paper",
          "trading_pair": "BTC-USDT", "side": "BUY", "amount": "-1"}}""");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("executor_config.amount"), r.body());

    final HttpResponse<String> unknownType = node.send("POST", "/executors/",
        "{\"executor_config\": {\"type\": \"moon_executor\"}}");
    assertEquals(400, unknownType.statusCode());
    assertTrue(unknownType.body().contains("executor_config.type"), unknownType.body());

    final HttpResponse<String> badSide = node.send("POST", "/executors/", """
        {"executor_config": {"type": "order_executor", "connector_name": "paper", "trading_pair": "BTC-USDT",
          "side": "UP", "amount": "1", "execution_strategy": "MARKET"}}""");
    assertEquals(400, badSide.statusCode());
    assertTrue(badSide.body().contains("executor_config.side"), badSide.body());

    final HttpResponse<String> noPrice = node.send("POST", "/executors/", """
        {"executor_config": {"type": "order_executor", "connector_name": "paper", "trading_pair": "BTC-USDT",
          "side": "BUY", "amount": "1", "execution_strategy": "LIMIT"}}""");
    assertEquals(400, noPrice.statusCode());
    assertTrue(noPrice.body().contains("executor_config.price"), noPrice.body());

    assertEquals(400, node.send("POST", "/executors/", "{not json").statusCode());
    assertEquals(400, node.send("PUT", "/controllers/x/limits", "{\"max_leverage\": 3}").statusCode());
    final HttpResponse<String> rate = node.send("PUT", "/controllers/x/limits", "{\"max_orders_per_second\": 2.5}");
    assertEquals(400, rate.statusCode());
    assertTrue(rate.body().contains("max_orders_per_second"), rate.body());
    assertEquals(400, node.send("POST", "/paper/markets/BTC-USDT/quote", "{\"bid\": \"2\", \"ask\": \"1\"}").statusCode());
  }

  @Test
  void shouldPageThroughASearchNewestFirstWithTheCursor() throws Exception {
    node.send("POST", "/paper/markets/PAGE-USDT/quote", "{\"price\": \"10\"}");
    for (int i = 1; i <= 3; i++) {
      CLOCK.advance(Duration.ofSeconds(1));
      final HttpResponse<String> r = node.send("POST", "/executors/", """
          {"controller_id": "pager", "executor_config": {"id": "page%d", "type": "order_executor",
            "connector_name": "paper", "trading_pair": "PAGE-USDT", "side": "BUY", "amount": "1",
            "execution_strategy": "LIMIT", "price": "5"}}""".formatted(i));
      assertEquals(201, r.statusCode(), r.body());
    }
    final JsonNode first = HttpNode.json(node.send("POST", "/executors/search/", "{\"controller_ids\": [\"pager\"], \"limit\": 2}"));
    assertEquals("page3", first.get("data").get(0).get("executor_id").asText());
    assertEquals("page2", first.get("data").get(1).get("executor_id").asText());
    assertTrue(first.get("pagination").get("has_more").asBoolean());
    assertEquals(3, first.get("pagination").get("total_count").asInt());
    final String cursor = first.get("pagination").get("next_cursor").asText();
    final JsonNode second = HttpNode.json(node.send("POST", "/executors/search",
        "{\"controller_ids\": \"pager\", \"limit\": 2, \"cursor\": \"" + cursor + "\"}"));
    assertEquals(1, second.get("data").size());
    assertEquals("page1", second.get("data").get(0).get("executor_id").asText());
    assertTrue(second.get("pagination").get("next_cursor").isNull());
    final JsonNode filtered = HttpNode.json(node.send("POST", "/executors/search",
        "{\"controller_ids\": [\"pager\"], \"status\": \"TERMINATED\"}"));
    assertEquals(0, filtered.get("data").size());
    assertEquals(400, node.send("POST", "/executors/search", "{\"limit\": 0}").statusCode());
  }

  @Test
  void shouldEndInsufficientBalanceWhenTheAccountCannotPayTheEntry() throws Exception {
    node.send("POST", "/paper/markets/POOR-EUR/quote", "{\"price\": \"10\"}");   // no EUR balance at all
    final HttpResponse<String> r = node.send("POST", "/executors/", """
        {"controller_id": "poor", "executor_config": {"type": "position_executor", "connector_name": "paper",
          "trading_pair": "POOR-EUR", "side": "BUY", "amount": "1",
          "triple_barrier_config": {"open_order_type": "MARKET"}}}""");
    assertEquals(201, r.statusCode(), r.body());
    final JsonNode done = node.awaitClosed(HttpNode.json(r).get("executor_id").asText(), "INSUFFICIENT_BALANCE");
    assertDecimal("0", done.get("net_pnl_quote"));
  }

  @Test
  void shouldReportPerformanceWithHeldFeesSubtracted() throws Exception {
    node.send("PUT", "/paper/markets/PERF-USDT", "{\"taker_fee\": \"0.001\"}");
    node.send("POST", "/paper/markets/PERF-USDT/quote", "{\"price\": \"100\"}");
    final String tp = HttpNode.json(node.send("POST", "/executors/", """
        {"controller_id": "perf", "executor_config": {"type": "position_executor", "connector_name": "paper",
          "trading_pair": "PERF-USDT", "side": "BUY", "amount": "1",
          "triple_barrier_config": {"take_profit": "0.02", "open_order_type": "MARKET"}}}""")).get("executor_id").asText();
    node.awaitExecutor(tp, n -> n.get("is_trading").asBoolean());
    node.send("POST", "/paper/markets/PERF-USDT/quote", "{\"price\": \"103\"}");
    node.awaitExecutor(tp, n -> "TAKE_PROFIT".equals(n.get("close_type").asText()));   // +2.797

    final String hold = HttpNode.json(node.send("POST", "/executors/", """
        {"controller_id": "perf", "executor_config": {"type": "position_executor", "connector_name": "paper",
          "trading_pair": "PERF-USDT", "side": "BUY", "amount": "1",
          "triple_barrier_config": {"open_order_type": "MARKET"}}}""")).get("executor_id").asText();
    node.awaitExecutor(hold, n -> n.get("is_trading").asBoolean());                     // 1 @ 103, fee 0.103
    node.send("POST", "/executors/" + hold + "/stop", "{\"keep_position\": true}");
    node.awaitExecutor(hold, n -> "POSITION_HOLD".equals(n.get("close_type").asText()));
    node.send("POST", "/paper/markets/PERF-USDT/quote", "{\"price\": \"104\"}");       // held unrealized +1

    final JsonNode perf = node.awaitJson("/executors/performance?controller_id=perf",
        n -> assertEquals(1, n.get("active_positions").asInt(), n::toString));
    assertEquals(2, perf.get("total_executors").asInt());
    assertDecimal("2.797", perf.get("pnl_total_quote"));
    assertDecimal("1", perf.get("position_hold_unrealized_pnl_quote"));
    assertDecimal("0.103", perf.get("position_hold_fees_quote"));
    assertDecimal("3.694", perf.get("global_pnl_quote"));   // 2.797 + 1 - 0.103
    assertDecimal("1", perf.get("win_rate"));
    assertEquals(1, perf.get("close_type_counts").get("TAKE_PROFIT").asInt());

    final JsonNode types = HttpNode.json(node.send("GET", "/executors/types/available", null));
    assertTrue(types.get("executor_types").toString().contains("position_executor"));
    final JsonNode schema = HttpNode.json(node.send("GET", "/executors/types/order_executor/config/", null));
    assertEquals("order_executor", schema.get("executor_type").asText());
    assertTrue(schema.get("nested_types").has("LimitChaserConfig"), schema::toString);
    assertEquals(404, node.send("GET", "/executors/types/moon_executor/config", null).statusCode());
    final JsonNode summary = HttpNode.json(node.send("GET", "/executors/summary", null));
    assertTrue(summary.has("total_active") && summary.has("by_type"), summary::toString);
  }

  @Test
  void shouldAnswerUnknownIdsWith404AndDenialsWith403() throws Exception {
    assertEquals(404, node.send("GET", "/executors/nope", null).statusCode());
    assertEquals(404, node.send("POST", "/executors/nope/stop", "{}").statusCode());

    assertEquals(200, node.send("PUT", "/controllers/tight/limits/", "{\"max_single_order_quote\": \"10\"}").statusCode());
    node.send("POST", "/paper/markets/TIGHT-USDT/quote", "{\"price\": \"100\"}");
    final HttpResponse<String> denied = node.send("POST", "/executors/", """
        {"controller_id": "tight", "executor_config": {"type": "order_executor", "connector_name": "paper",
          "trading_pair": "TIGHT-USDT", "side": "BUY", "amount": "1", "execution_strategy": "MARKET"}}""");
    assertEquals(403, denied.statusCode(), denied.body());
    assertEquals("MAX_SINGLE_ORDER", HttpNode.json(denied).get("error").asText());
    final JsonNode risk = HttpNode.json(node.send("GET", "/controllers/tight/risk", null));
    assertEquals("MAX_SINGLE_ORDER", risk.get("recent_denials").get(0).get("error").asText());
  }
}
