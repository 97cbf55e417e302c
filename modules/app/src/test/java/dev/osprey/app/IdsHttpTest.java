package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ids as people write them, over HTTP: the standard's {@code my-agent} and a client's UUID go
 * through create, get, search, stop with keep_position and the positions routes; ids that are
 * not one printable path segment are refused naming the field and the rule, and nothing is made.
 */
class IdsHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  private static final String UUID = "3f1c9a52-7d1e-4c1b-9f0e-2b7d5e8a1c44";
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  @BeforeAll
  static void start() throws Exception {
    assertEquals(200, node.send("PUT", "/paper/markets/IDS-USDT",
        "{\"taker_fee\": \"0.001\", \"maker_fee\": 0, \"min_order_size\": \"0.001\"}").statusCode());
    assertEquals(200, node.send("POST", "/paper/markets/IDS-USDT/quote", "{\"price\": \"100\"}").statusCode());
  }

  @Test
  void shouldRunAnExecutorWithAUuidIdForControllerMyAgentEndToEnd() throws Exception {
    final HttpResponse<String> created = node.send("POST", "/executors/", """
        {"controller_id": "my-agent", "executor_config": {"id": "%s",
          "type": "position_executor", "connector_name": "paper", "trading_pair": "IDS-USDT",
          "side": "BUY", "amount": "2", "triple_barrier_config": {"open_order_type": "MARKET"}}}"""
        .formatted(UUID));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(UUID, HttpNode.json(created).get("executor_id").asText());
    node.awaitExecutor(UUID, n -> n.get("is_trading").asBoolean());

    final JsonNode found = HttpNode.json(node.send("POST", "/executors/search",
        "{\"controller_ids\": [\"my-agent\"]}"));
    assertEquals(1, found.get("data").size(), found::toString);
    assertEquals(UUID, found.get("data").get(0).get("executor_id").asText());
    assertEquals("my-agent", found.get("data").get(0).get("controller_id").asText());

    assertEquals(200, node.send("POST", "/executors/" + UUID + "/stop", "{\"keep_position\": true}").statusCode());
    node.awaitClosed(UUID, "POSITION_HOLD");

    final JsonNode position =
        node.awaitJson("/executors/positions/paper/IDS-USDT?controller_id=my-agent", p -> { });
    // 2 bought at 100 with a 0.1 % taker fee: 0.2 quote of fees; the breakeven is the average
    // entry price (fees are reported apart, as the reference does).
    assertDecimal("2", position.get("net_amount_base"));
    assertDecimal("0.2", position.get("cum_fees_quote"));
    assertDecimal("100", position.get("breakeven_price"));
  }

  @Test
  void shouldRefuseIdsWithWhitespaceOrUrlCharactersNamingTheFieldAndTheRule() throws Exception {
    final String rule = "must be 1-128 printable ASCII characters, without whitespace or any of / ? # % |";
    for (String bad : new String[] {"my agent", "a/b", "50%", "x".repeat(129)}) {
      final HttpResponse<String> r = node.send("POST", "/executors/", """
          {"controller_id": "ids", "executor_config": {"id": "%s", "type": "order_executor",
            "connector_name": "paper", "trading_pair": "IDS-USDT", "side": "BUY", "amount": "1",
            "execution_strategy": "LIMIT", "price": "50"}}""".formatted(bad));
      assertEquals(400, r.statusCode(), r.body());
      assertEquals("executor_config.id: " + rule, HttpNode.json(r).get("message").asText());
    }
    final HttpResponse<String> controller = node.send("POST", "/executors/", """
        {"controller_id": "my agent", "executor_config": {"type": "order_executor",
          "connector_name": "paper", "trading_pair": "IDS-USDT", "side": "BUY", "amount": "1",
          "execution_strategy": "LIMIT", "price": "50"}}""");
    assertEquals(400, controller.statusCode(), controller.body());
    assertEquals("controller_id: " + rule, HttpNode.json(controller).get("message").asText());

    final HttpResponse<String> limits = node.send("PUT", "/controllers/my%20agent/limits", "{\"max_open_executors\": 1}");
    assertEquals(400, limits.statusCode(), limits.body());
    assertEquals("controller_id: " + rule, HttpNode.json(limits).get("message").asText());
    final JsonNode controllers = HttpNode.json(node.send("GET", "/controllers", null));
    assertEquals(false, controllers.toString().contains("my agent"), controllers::toString);
  }
}
