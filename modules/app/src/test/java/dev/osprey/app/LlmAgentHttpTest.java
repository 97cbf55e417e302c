package dev.osprey.app;

import static dev.osprey.testkit.JsonAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.llm.StubChatServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent with the LLM policy, against a local stub of an OpenAI-compatible endpoint: the model's
 * tool calls are carried out under the agent's controller, a risk denial comes back to the model as
 * the tool's result with its reason code, a suggested config waits for the user, a limit cannot be
 * suggested, and once the priced cost of the day passes {@code max_cost_per_day_usd} the agent's
 * ticks are blocked (no model call) until the next UTC day.
 */
class LlmAgentHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-27T23:50:00Z");
  private static final StubChatServer STUB = new StubChatServer();
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK, ConfigFactory.parseString(
      "osprey.agents.tick-check-interval = 20ms\n"
          + "osprey.llm { model = \"stub-model\", base-url = \"" + STUB.baseUrl() + "\", api-key = \"sk-test\"\n"
          + "  price-in-per-million-usd = \"2.5\", price-out-per-million-usd = \"10\" }"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGENT_MD = "---\n"
      + "name: Stub Trader\n"
      + "policy: llm\n"
      + "tick_interval: 60\n"
      + "connectors: [paper]\n"
      + "configs:\n  trading_pair: BTC-USDT\n  spread_percentage: 0.3\n"
      + "limits:\n  max_open_executors: 0\n  max_cost_per_day_usd: 0.01\n"
      + "---\n\n## Goal\nBuy low.\n";

  @AfterAll
  static void stopStub() {
    STUB.close();
  }

  private static JsonNode agent() throws Exception {
    return HttpNode.json(node.send("GET", "/agents/stub-trader", null));
  }

  private static JsonNode awaitTicks(final int ticks) {
    return node.await(() -> {
      try {
        final JsonNode a = agent();
        assertEquals(ticks, a.at("/session/ticks").asInt(), a::toString);
        return a;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static String journal() throws Exception {
    return node.send("GET", "/agents/stub-trader/files/"
        + URLEncoder.encode("trading_sessions/session_1/journal.md", StandardCharsets.UTF_8), null).body();
  }

  @Test
  void shouldActThroughToolsGetDenialsBackAndStopAtTheDailyCost() throws Exception {
    node.quote("paper", "BTC-USDT", "64990", "65010");
    // Each answer: 1000 prompt tokens at $2.50/M and 100 completion tokens at $10/M = $0.0035.
    STUB.thenToolCall("create_executor", "{\"executor_config\": {\"type\": \"order_executor\", "
            + "\"connector_name\": \"paper\", \"trading_pair\": \"BTC-USDT\", \"side\": \"BUY\", \"amount\": \"0.001\", "
            + "\"execution_strategy\": \"LIMIT\", \"price\": \"60000\"}}", 1000, 100)
        .thenToolCall("suggest_config", "{\"key\": \"spread_percentage\", \"value\": 0.5, "
            + "\"reason\": \"wider in chop\"}", 1000, 100)
        .thenToolCall("suggest_config", "{\"key\": \"max_open_executors\", \"value\": 5, "
            + "\"reason\": \"more room\"}", 1000, 100)
        .thenText("Could not open: max_open_executors is 0. Suggested a wider spread.", 1000, 100);
    final HttpResponse<String> created = node.send("POST", "/agents",
        JSON.writeValueAsString(Map.of("id", "stub-trader", "agent_md", AGENT_MD)));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(200, node.send("POST", "/agents/stub-trader/sessions/start", "").statusCode());

    final JsonNode after1 = awaitTicks(1);
    // The denial reached the model as the create_executor tool's result, with its reason code.
    final String second = STUB.requests().get(1).body().toString();
    assertTrue(second.contains("MAX_OPEN_EXECUTORS"), second);
    assertTrue(STUB.requests().get(0).authorization().equals("Bearer sk-test"));
    // The suggestion waits; the configs in force are agent.md's.
    assertEquals(1, after1.get("suggestions").size(), after1::toString);
    assertEquals("PENDING", after1.at("/suggestions/0/status").asText());
    assertDecimal("0.3", after1.at("/configs/spread_percentage"));
    final String journal1 = journal();
    assertTrue(journal1.contains("refused MAX_OPEN_EXECUTORS"), journal1);
    assertTrue(journal1.contains("suggest_config -- refused FORBIDDEN: max_open_executors is a limit"), journal1);
    assertTrue(journal1.contains("tick#1 | 2026-03-27 23:50:00 | ok | cost=$0.0140 | actions=3"), journal1);

    // Tick 2: $0.014 spent today > $0.01: blocked, and the model is not called.
    CLOCK.advance(Duration.ofSeconds(60));
    awaitTicks(2);
    assertEquals(4, STUB.requests().size());
    assertTrue(journal().contains("tick#2 | 2026-03-27 23:51:00 | blocked"), journal());

    // The user approves: from the next tick the wider spread is in force.
    final HttpResponse<String> approved = node.send("POST", "/agents/stub-trader/suggestions/1/approve", "{}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertDecimal("0.5", HttpNode.json(approved).at("/configs/spread_percentage"));
    assertEquals("test-admin", HttpNode.json(approved).at("/suggestions/0/decided_by").asText());

    // A new UTC day: the cost starts again from 0, the model is asked again, with the history.
    STUB.thenText("Holding.", 1000, 100);
    CLOCK.advance(Duration.ofMinutes(10));
    awaitTicks(3);
    assertEquals(5, STUB.requests().size());
    assertTrue(STUB.requests().get(4).body().toString().contains("wider in chop"),
        "the conversation of the session goes on");
    assertTrue(journal().contains("tick#3 | 2026-03-28 00:01:00 | ok | cost=$0.0035"), journal());
  }
}
