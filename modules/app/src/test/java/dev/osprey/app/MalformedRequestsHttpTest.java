package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests the API fuzzer ({@code ApiFuzzIT}) found answered with a 5xx or accepted, each kept
 * here as a plain regression test: every one is now a 4xx in the error shape naming the field.
 */
class MalformedRequestsHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T12:00:00Z");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  private static void assertRefused(final int status, final String field, final HttpResponse<String> r)
      throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    final JsonNode body = HttpNode.json(r);
    if (field != null) {
      assertEquals(field, body.at("/violations/0/field").asText(), r.body());
    }
  }

  @Test
  void shouldRefuseAnEmptyControllerIdInTheQueryInsteadOfTimingOut() throws Exception {
    assertRefused(400, "controller_id", node.send("GET", "/executors/performance?controller_id=", null));
    assertRefused(400, "controller_id", node.send("GET", "/executors/positions/summary?controller_id=", null));
    assertRefused(400, "controller_id", node.send("GET", "/executors/positions/paper/BTC-USDT?controller_id=", null));
    assertRefused(400, "controller_ids", node.send("POST", "/executors/search", "{\"controller_ids\": [\"\"]}"));
  }

  @Test
  void shouldRefuseIdsWithAPipeThatNoEntityCouldStartWith() throws Exception {
    assertRefused(400, "controller_id", node.send("GET", "/controllers/a%7Cb/limits", null));
    assertRefused(400, "executor_config.id", node.send("POST", "/executors/", """
        {"controller_id": "pipes", "executor_config": {"id": "x|y", "type": "order_executor",
         "connector_name": "paper", "trading_pair": "BTC-USDT", "side": "BUY", "amount": "0.01",
         "execution_strategy": "LIMIT", "price": "50"}}"""));
    assertEquals(0, HttpNode.json(node.send("GET", "/controllers/pipes/risk", null)).at("/usage/open_executors").asInt());
  }

  @Test
  void shouldRefuseABodyThatIsNotAJsonObject() throws Exception {
    assertRefused(400, "body", node.send("POST", "/executors/search", "[null, null]"));
    assertRefused(400, "body", node.send("PUT", "/controllers/c1/limits", "3"));
  }

  @Test
  void shouldRefuseATradingStateReasonThatIsNotAString() throws Exception {
    assertRefused(400, "reason", node.send("PUT", "/controllers/c1/trading-state", "{\"state\": \"ACTIVE\", \"reason\": {}}"));
  }

  @Test
  void shouldAnswerAMethodTheServerDoesNotKnowWithAJson405() throws Exception {
    final HttpResponse<String> r = node.send("FOO", "/controllers", null);
    assertEquals(405, r.statusCode(), r.body());
    assertEquals("METHOD_NOT_ALLOWED", HttpNode.json(r).get("error").asText());
  }
}
