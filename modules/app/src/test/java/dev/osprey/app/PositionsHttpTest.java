package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Held positions over HTTP: clearing one ({@code DELETE /executors/positions/{connector}/{pair}},
 * hummingbot-api's route) and a hedge-mode perpetual venue keeping long and short apart.
 */
class PositionsHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-03T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK, ConfigFactory.parseString(
        "osprey.paper.venues.okx_perpetual_paper_trade.position-mode = HEDGE"));

  @BeforeAll
  static void start() {
    // okx_perpetual_paper_trade in hedge mode; everything else as configured.
  }

  /** A filled MARKET order executor: its fill is handed over to {@code controller}'s book. */
  private static void hold(final String controller, final String connector, final String pair, final String side,
      final String amount, final String action) throws Exception {
    final HttpResponse<String> r = node.send("POST", "/executors/", """
        {"controller_id": "%s", "executor_config": {"type": "order_executor", "connector_name": "%s",
         "trading_pair": "%s", "side": "%s", "amount": "%s", "position_action": "%s",
         "execution_strategy": "MARKET"}}""".formatted(controller, connector, pair, side, amount, action));
    assertEquals(201, r.statusCode(), r.body());
    node.awaitExecutor(HttpNode.json(r).get("executor_id").asText(),
        n -> "POSITION_HOLD".equals(n.get("close_type").asText()));
  }

  private static JsonNode summary(final String controller, final int positions) {
    return node.awaitJson("/executors/positions/summary?controller_id=" + controller,
        n -> assertEquals(positions, n.get("total_positions").asInt(), n::toString));
  }

  @Test
  void shouldClearAHeldPositionRecordingWhoAndWhyAndAnswer404Afterwards() throws Exception {
    node.quote("paper", "CLR-USDT", "99.9", "100");
    hold("clearer", "paper", "CLR-USDT", "BUY", "2", "OPEN");
    summary("clearer", 1);

    final HttpResponse<String> r = node.send("DELETE", "/executors/positions/paper/CLR-USDT?controller_id=clearer",
        "{\"reason\": \"sold by hand on the venue\"}");

    assertEquals(200, r.statusCode(), r.body());
    final JsonNode cleared = HttpNode.json(r);
    assertEquals("paper", cleared.get("connector_name").asText());
    assertEquals("CLR-USDT", cleared.get("trading_pair").asText());
    assertEquals("clearer", cleared.get("controller_id").asText());
    assertEquals("test-admin", cleared.get("cleared_by").asText());
    assertEquals("sold by hand on the venue", cleared.get("reason").asText());
    assertDecimal("2", cleared.get("positions").get(0).get("net_amount_base"));
    assertDecimal("100", cleared.get("positions").get(0).get("breakeven_price"));
    summary("clearer", 0);

    // Gone: reading or clearing it again is a 404 with a JSON error, and changes nothing.
    assertEquals(404, node.send("GET", "/executors/positions/paper/CLR-USDT?controller_id=clearer", null).statusCode());
    final HttpResponse<String> again = node.send("DELETE",
        "/executors/positions/paper/CLR-USDT?controller_id=clearer&reason=retry", null);
    assertEquals(404, again.statusCode(), again.body());
    assertEquals("NOT_FOUND", HttpNode.json(again).get("error").asText());
  }

  @Test
  void shouldRefuseABadClearRequestNamingTheFieldAndTheRule() throws Exception {
    assertEquals(List.of("reason: is given twice (query and body): give it once"), violations(node.send("DELETE",
        "/executors/positions/paper/CLR-USDT?controller_id=clearer&reason=a", "{\"reason\": \"b\"}")));
    assertEquals(List.of("reason: must be a string"), violations(node.send("DELETE",
        "/executors/positions/paper/CLR-USDT?controller_id=clearer", "{\"reason\": 7}")));
    assertEquals(List.of("why: is not a known field (reason)"), violations(node.send("DELETE",
        "/executors/positions/paper/CLR-USDT?controller_id=clearer", "{\"why\": \"x\"}")));
    assertEquals(List.of("reason: must be at most 500 characters"), violations(node.send("DELETE",
        "/executors/positions/paper/CLR-USDT?controller_id=clearer&reason=" + "x".repeat(501), null)));
    assertEquals("trading_pair", violations(node.send("DELETE",
        "/executors/positions/paper/CLRUSDT?controller_id=clearer", null)).get(0).split(":")[0]);
  }

  @Test
  void shouldKeepLongAndShortApartOnAHedgeModePerpetualVenue() throws Exception {
    node.quote("okx_perpetual_paper_trade", "SOL-USDT", "149.9", "150");
    hold("hedger", "okx_perpetual", "SOL-USDT", "BUY", "1", "OPEN");     // long 1 at the ask 150
    hold("hedger", "okx_perpetual", "SOL-USDT", "SELL", "3", "OPEN");    // short 3 at the bid 149.9
    final JsonNode summary = summary("hedger", 2);
    final List<String> sides = new ArrayList<>();
    summary.get("positions").forEach(p -> sides.add(p.get("position_side").asText()));
    assertEquals(List.of("LONG", "SHORT"), sides);

    assertEquals(List.of("position_side: is required: both hedge-mode sides are held (LONG or SHORT)"),
        violations(node.send("GET", "/executors/positions/okx_perpetual/SOL-USDT?controller_id=hedger", null)));
    final JsonNode shortSide = HttpNode.json(node.send("GET",
        "/executors/positions/okx_perpetual/SOL-USDT?controller_id=hedger&position_side=SHORT", null));
    assertEquals("okx_perpetual_paper_trade", shortSide.get("connector_name").asText(), shortSide::toString);
    assertEquals("SHORT", shortSide.get("position_side").asText());
    assertDecimal("149.9", shortSide.get("breakeven_price"));
    assertDecimal("0.224850", shortSide.get("cum_fees_quote"));          // 449.7 x 0.0005

    // Clearing the pair clears both sides.
    final HttpResponse<String> cleared = node.send("DELETE",
        "/executors/positions/okx_perpetual/SOL-USDT?controller_id=hedger&reason=flattened", null);
    assertEquals(200, cleared.statusCode(), cleared.body());
    assertEquals(2, HttpNode.json(cleared).get("positions").size());
    summary("hedger", 0);
  }

  private static List<String> violations(final HttpResponse<String> r) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    final List<String> out = new ArrayList<>();
    HttpNode.json(r).get("violations").forEach(v -> out.add(v.get("field").asText() + ": " + v.get("rule").asText()));
    return out;
  }
}
