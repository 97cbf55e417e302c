package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An external agent harness signs in with the agent role bound to its controller ids: it uses the
 * executor tools for those controllers only, and never changes limits or trading states (403).
 */
class AgentRoleHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-05T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK,
      ConfigFactory.parseString("osprey.auth.agent-users = \"harness:harness-pw:mm-a\""));
  private static final String HARNESS = HttpNode.basic("harness", "harness-pw");

  private static String order(final String controller, final String id) {
    return "{\"controller_id\": \"" + controller + "\", \"executor_config\": {\"id\": \"" + id + "\", "
        + "\"type\": \"order_executor\", \"connector_name\": \"paper\", \"trading_pair\": \"BTC-USDT\", "
        + "\"side\": \"BUY\", \"amount\": \"0.001\", \"execution_strategy\": \"LIMIT\", \"price\": \"50000\"}}";
  }

  private static HttpResponse<String> asHarness(final String method, final String path, final String body)
      throws Exception {
    return node.sendAs(HARNESS, method, path, body);
  }

  private static void assertForbidden(final HttpResponse<String> r) throws Exception {
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("FORBIDDEN", HttpNode.json(r).get("error").asText(), r.body());
  }

  @Test
  void shouldActForItsOwnControllersOnly() throws Exception {
    node.quote("paper", "BTC-USDT", "64990", "65010");
    assertEquals(201, asHarness("POST", "/executors", order("mm-a", "role-a1")).statusCode());
    assertForbidden(asHarness("POST", "/executors", order("mm-b", "role-b1")));
    assertEquals(201, node.send("POST", "/executors", order("mm-b", "role-b2")).statusCode(), "the admin may");

    assertEquals(200, asHarness("GET", "/executors/role-a1", null).statusCode());
    assertForbidden(asHarness("GET", "/executors/role-b2", null));
    assertForbidden(asHarness("POST", "/executors/role-b2/stop", "{}"));
    final JsonNode page = HttpNode.json(asHarness("POST", "/executors/search", "{\"limit\": 100}"));
    final List<String> seen = new ArrayList<>();
    page.get("data").forEach(e -> seen.add(e.get("controller_id").asText()));
    assertTrue(!seen.isEmpty() && seen.stream().allMatch("mm-a"::equals), page::toString);

    assertEquals(200, asHarness("GET", "/controllers/mm-a/risk", null).statusCode());
    assertForbidden(asHarness("GET", "/controllers/mm-b/risk", null));
    assertForbidden(asHarness("GET", "/agents/mm-b", null));
    assertEquals(200, asHarness("POST", "/executors/role-a1/stop", "{}").statusCode());
  }

  @Test
  void shouldNeverChangeLimitsOrTradingStates() throws Exception {
    assertForbidden(asHarness("PUT", "/controllers/mm-a/limits", "{\"max_open_executors\": 100}"));
    assertForbidden(asHarness("PUT", "/controllers/mm-a/trading-state", "{\"state\": \"ACTIVE\"}"));
    assertForbidden(asHarness("PUT", "/trading-state", "{\"state\": \"ACTIVE\"}"));
    assertForbidden(asHarness("POST", "/kill-switch", "{}"));
    assertForbidden(asHarness("POST", "/agents", "{\"id\": \"mm-a\", \"agent_md\": \"x\"}"));
    assertForbidden(asHarness("POST", "/agents/mm-a/suggestions/1/approve", "{}"));
    assertForbidden(asHarness("DELETE", "/executors/positions/paper/BTC-USDT?controller_id=mm-a", null));
    assertEquals(401, node.sendAs(HttpNode.basic("harness", "wrong"), "GET", "/executors/role-a1", null)
        .statusCode());
  }
}
