package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Risk on marked-to-market P&amp;L and held inventory: each risk supervisor marks its running
 * executors and held positions every {@code risk-mark-interval} (1 s), so an unrealized loss
 * trips {@code shutdown_drawdown_pct} without any executor closing, held inventory counts against
 * {@code max_position_size_quote}, and in REDUCING an executor that only reduces a held position
 * may be created. Fees are zero so that every figure is hand-checkable.
 */
class MarkToMarketRiskHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  private static void market(final String pair, final String price) throws Exception {
    assertEquals(200, node.send("PUT", "/paper/markets/" + pair, "{\"taker_fee\": \"0\", \"maker_fee\": \"0\"}")
        .statusCode());
    node.quote("paper", pair, price, price);
  }

  private static HttpResponse<String> order(final String controller, final String pair, final String side,
      final String amount) throws Exception {
    return node.send("POST", "/executors/", """
        {"controller_id": "%s", "executor_config": {"type": "order_executor", "connector_name": "paper",
         "trading_pair": "%s", "side": "%s", "amount": "%s", "execution_strategy": "MARKET"}}"""
        .formatted(controller, pair, side, amount));
  }

  private static void hold(final String controller, final String pair, final String side, final String amount)
      throws Exception {
    final HttpResponse<String> r = order(controller, pair, side, amount);
    assertEquals(201, r.statusCode(), r.body());
    node.awaitExecutor(HttpNode.json(r).get("executor_id").asText(),
        n -> "POSITION_HOLD".equals(n.get("close_type").asText()));
  }

  private static JsonNode awaitRisk(final String controller, final Predicate<JsonNode> done) {
    return node.awaitJson("/controllers/" + controller + "/risk",
        r -> assertEquals(true, done.test(r), r::toString));
  }

  @Test
  void shouldTripTheKillSwitchOnAnUnrealizedDrawdownWithoutAnyExecutorClosing() throws Exception {
    market("MTM-USDT", "100");
    assertEquals(200, node.send("PUT", "/controllers/mtm/limits", "{\"shutdown_drawdown_pct\": 50}").statusCode());
    final HttpResponse<String> created = node.send("POST", "/executors/", """
        {"controller_id": "mtm", "executor_config": {"type": "position_executor", "connector_name": "paper",
         "trading_pair": "MTM-USDT", "side": "BUY", "amount": "1", "triple_barrier_config": {}}}""");
    assertEquals(201, created.statusCode(), created.body());
    final String id = HttpNode.json(created).get("executor_id").asText();
    node.awaitExecutor(id, n -> n.get("filled_amount_quote").decimalValue().signum() > 0);

    node.quote("paper", "MTM-USDT", "120", "120");      // +20 marked: the peak
    awaitRisk("mtm", r -> r.get("usage").get("peak_pnl_quote").decimalValue().compareTo(new java.math.BigDecimal("20")) == 0);
    node.quote("paper", "MTM-USDT", "105", "105");      // +5: 75 % down from the peak

    final JsonNode halted = awaitRisk("mtm", r -> "HALTED".equals(r.get("trading_state").asText()));
    assertEquals("shutdown_drawdown_pct 50 exceeded: drawdown 75% from peak pnl 20 to 5",
        halted.get("trading_state_reason").asText());
    final JsonNode closed = node.awaitClosed(id, "EARLY_STOP");
    assertDecimal("5", closed.get("net_pnl_quote"));     // closed at market: sold at 105
  }

  @Test
  void shouldCountHeldInventoryAgainstTheMaximumPositionSize() throws Exception {
    market("HLD-USDT", "100");
    assertEquals(200, node.send("PUT", "/controllers/holder/limits", "{\"max_position_size_quote\": 250}")
        .statusCode());
    hold("holder", "HLD-USDT", "BUY", "2");
    node.quote("paper", "HLD-USDT", "110", "110");
    final JsonNode marked = awaitRisk("holder", r -> r.get("usage").get("held_exposure_quote").decimalValue()
        .compareTo(new java.math.BigDecimal("220")) == 0);
    assertDecimal("220", marked.get("usage").get("total_exposure_quote"));
    assertDecimal("20", marked.get("usage").get("unrealized_pnl_quote"));

    final HttpResponse<String> denied = order("holder", "HLD-USDT", "BUY", "0.5");
    assertEquals(403, denied.statusCode(), denied.body());
    assertEquals("MAX_POSITION_SIZE", HttpNode.json(denied).get("error").asText());
    assertEquals("max_position_size_quote 250 exceeded: exposure 220 + order 55 = 275",
        HttpNode.json(denied).get("message").asText());
  }

  @Test
  void shouldLetOnlyAnExecutorThatReducesTheHeldPositionBeCreatedWhileReducing() throws Exception {
    market("RED-USDT", "50");
    hold("reducer", "RED-USDT", "BUY", "3");
    assertEquals(200, node.send("PUT", "/controllers/reducer/trading-state", "{\"state\": \"REDUCING\"}").statusCode());

    final HttpResponse<String> adds = order("reducer", "RED-USDT", "BUY", "1");
    assertEquals(403, adds.statusCode(), adds.body());
    assertEquals("TRADING_REDUCING", HttpNode.json(adds).get("error").asText());
    final HttpResponse<String> flips = order("reducer", "RED-USDT", "SELL", "4");
    assertEquals(403, flips.statusCode(), flips.body());

    final HttpResponse<String> reduces = order("reducer", "RED-USDT", "SELL", "3");
    assertEquals(201, reduces.statusCode(), reduces.body());
    final JsonNode sold = node.awaitTerminated(HttpNode.json(reduces).get("executor_id").asText());
    assertDecimal("150", sold.get("filled_amount_quote"));
  }
}
