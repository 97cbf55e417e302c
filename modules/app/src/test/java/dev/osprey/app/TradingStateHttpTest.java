package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The global trading state and kill switch over HTTP: a global HALTED refuses a create for any
 * controller with the reason code and shows as each controller's effective state; the kill switch
 * stops a running executor; bad bodies are 400s naming the field.
 */
class TradingStateHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  private static final String LIMIT_BUY = """
      {"controller_id": "%s", "executor_config": {"type": "order_executor", "connector_name": "paper",
        "trading_pair": "GLOB-USDT", "side": "BUY", "amount": "1", "execution_strategy": "LIMIT", "price": "50"}}""";
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  @BeforeAll
  static void start() throws Exception {
    node.send("POST", "/paper/markets/GLOB-USDT/quote", "{\"price\": \"100\"}");
  }

  @Test
  void shouldHaltEveryControllerAndStopTheirExecutorsWithTheGlobalKillSwitch() throws Exception {
    final JsonNode initial = HttpNode.json(node.send("GET", "/trading-state", null));
    assertEquals("ACTIVE", initial.get("trading_state").asText());

    final HttpResponse<String> created = node.send("POST", "/executors/", LIMIT_BUY.formatted("global-a"));
    assertEquals(201, created.statusCode(), created.body());
    final String id = HttpNode.json(created).get("executor_id").asText();
    node.awaitExecutor(id, n -> "RUNNING".equals(n.get("status").asText()));

    final HttpResponse<String> killed = node.send("POST", "/kill-switch", "{\"keep_position\": false, \"reason\": \"drill\"}");
    assertEquals(200, killed.statusCode(), killed.body());
    assertEquals("HALTED", HttpNode.json(killed).get("trading_state").asText());
    assertEquals(true, HttpNode.json(killed).get("kill_switch").asBoolean());
    node.awaitClosed(id, "EARLY_STOP");

    final HttpResponse<String> denied = node.send("POST", "/executors/", LIMIT_BUY.formatted("global-b"));
    assertEquals(403, denied.statusCode(), denied.body());
    assertEquals("TRADING_HALTED", HttpNode.json(denied).get("error").asText());
    final JsonNode risk = HttpNode.json(node.send("GET", "/controllers/global-a/risk", null));
    assertEquals("ACTIVE", risk.get("trading_state").asText());
    assertEquals("HALTED", risk.get("global_trading_state").asText());
    assertEquals("HALTED", risk.get("effective_trading_state").asText());

    final HttpResponse<String> active = node.send("PUT", "/trading-state", "{\"state\": \"active\", \"reason\": \"drill over\"}");
    assertEquals(200, active.statusCode(), active.body());
    assertEquals(201, node.send("POST", "/executors/", LIMIT_BUY.formatted("global-b")).statusCode());
  }

  @Test
  void shouldRefuseBadGlobalStateBodiesNamingTheField() throws Exception {
    final HttpResponse<String> noState = node.send("PUT", "/trading-state", "{\"reason\": \"x\"}");
    assertEquals(400, noState.statusCode());
    assertEquals("state: is required (ACTIVE, REDUCING or HALTED)", HttpNode.json(noState).get("message").asText());
    final HttpResponse<String> badKeep = node.send("POST", "/kill-switch", "{\"keep_position\": \"yes\"}");
    assertEquals(400, badKeep.statusCode());
    assertEquals("keep_position: must be true or false", HttpNode.json(badKeep).get("message").asText());
  }
}
