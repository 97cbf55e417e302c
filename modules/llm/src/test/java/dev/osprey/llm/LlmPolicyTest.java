package dev.osprey.llm;

import dev.osprey.testkit.llm.StubChatServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.ToolResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATE_ARGS = "{\"executor_config\":{\"type\":\"position_executor\","
      + "\"connector_name\":\"binance_perpetual\",\"trading_pair\":\"SOL-USDT\",\"side\":\"BUY\","
      + "\"amount\":0.5}}";

  private final StubChatServer stub = new StubChatServer();
  private final InMemoryConversationStore store = new InMemoryConversationStore();
  private final RecordingAgentTools tools = new RecordingAgentTools();
  private LlmPolicy policy = policy(8);

  @AfterEach
  void stop() {
    policy.close();
    stub.close();
  }

  @Test
  void shouldSendRiskDenialBackAsToolResultAndPriceTheTickFromUsage() throws Exception {
    tools.answeringCreateWith(ToolResult.refused("MAX_OPEN_EXECUTORS", "max_open_executors 1 reached"));
    stub.thenToolCall("create_executor", CREATE_ARGS, 1200, 100)
        .thenText("Holding: max_open_executors is reached.\nOne grid already runs.", 300, 50);

    final PolicyOutcome outcome = decide(Ticks.tick(2));

    final JsonNode toolMessage = stub.requests().get(1).messages().stream()
        .filter(m -> m.path("role").asText().equals("tool")).findFirst().orElseThrow();
    assertEquals("call_1", toolMessage.path("tool_call_id").asText());
    final JsonNode result = JSON.readTree(toolMessage.path("content").asText());
    assertFalse(result.path("ok").asBoolean());
    assertEquals("MAX_OPEN_EXECUTORS", result.path("code").asText());
    assertEquals("max_open_executors 1 reached", result.path("message").asText());
    // (1200 + 300) × 2.50 / 1M + (100 + 50) × 10 / 1M = 0.00375 + 0.0015
    assertEquals(new BigDecimal("0.00525000"), outcome.costUsd());
    assertEquals(1, outcome.actions());
    assertEquals("Holding: max_open_executors is reached.", outcome.summary());
    assertEquals("Holding: max_open_executors is reached.\nOne grid already runs.", outcome.response());
  }

  @Test
  void shouldPassExecutorConfigWithExactDecimals() throws Exception {
    stub.thenToolCall("create_executor", CREATE_ARGS, 10, 1).thenText("Opened a long.", 10, 1);

    decide(Ticks.tick(2));

    final Object config = tools.calls().get(0).args().get(0);
    assertEquals(Map.of("type", "position_executor", "connector_name", "binance_perpetual",
        "trading_pair", "SOL-USDT", "side", "BUY", "amount", new BigDecimal("0.5")), config);
  }

  @Test
  void shouldPromptWithInstructionsConfigsLearningsJournalAndObservation() throws Exception {
    stub.thenText("Nothing to do.", 10, 1);

    decide(Ticks.tick(2));

    final StubChatServer.Request request = stub.requests().get(0);
    assertEquals(List.of("system", "user"), request.roles());
    assertEquals("stub-model", request.body().path("model").asText());
    final String system = request.messages().get(0).path("content").asText();
    assertTrue(system.contains(Ticks.INSTRUCTIONS), system);
    assertTrue(system.contains("Grid Market Maker") && system.contains("binance_perpetual"), system);
    assertTrue(system.contains("You act only through tools"), system);
    assertTrue(system.contains("Limits are the user's"), system);
    final String user = request.messages().get(1).path("content").asText();
    assertTrue(user.contains("\"spread_percentage\" : 0.3"), user);
    assertTrue(user.contains(Ticks.LEARNING), user);
    assertTrue(user.contains(Ticks.JOURNAL), user);
    assertTrue(user.contains("\"bid\" : 150.10"), user);
    assertTrue(user.contains("\"fees_quote\" : 0.00000001"), "decimals are plain: " + user);
    assertTrue(user.contains("\"max_open_executors\" : 1"), "risk and limits are observed: " + user);
    final List<String> offered = new java.util.ArrayList<>();
    request.body().path("tools").forEach(t -> offered.add(t.path("function").path("name").asText()));
    assertEquals(ToolCatalog.names(), offered);
  }

  @Test
  void shouldAnswerMalformedArgumentsWithInvalidToolCall() throws Exception {
    stub.thenToolCall("create_executor", "{\"executor_config\": {\"type\": ", 10, 1)
        .thenText("Sorry, retrying next tick.", 10, 1);

    final PolicyOutcome outcome = decide(Ticks.tick(2));

    final JsonNode result = toolResult(stub.requests().get(1), 0);
    assertFalse(result.path("ok").asBoolean());
    assertEquals("INVALID_TOOL_CALL", result.path("code").asText());
    assertTrue(result.path("message").asText().contains("not valid JSON"), result.toString());
    assertEquals(List.of(), tools.calls());
    assertEquals(0, outcome.actions());
  }

  @Test
  void shouldAnswerUnknownToolsAndMissingArgumentsWithInvalidToolCall() throws Exception {
    stub.thenToolCall("open_position", "{}", 10, 1)
        .thenToolCall("stop_executor", "{\"executor_id\":\"ex-0\"}", 10, 1)
        .thenText("Done.", 10, 1);

    decide(Ticks.tick(2));

    final JsonNode unknown = toolResult(stub.requests().get(1), 0);
    assertEquals("INVALID_TOOL_CALL", unknown.path("code").asText());
    assertTrue(unknown.path("message").asText().contains("no tool 'open_position'"), unknown.toString());
    final JsonNode missing = toolResult(stub.requests().get(2), 1);
    assertEquals("INVALID_TOOL_CALL", missing.path("code").asText());
    assertTrue(missing.path("message").asText().contains("keep_position"), missing.toString());
  }

  @Test
  void shouldReplayTheSessionsConversationOnTheNextTick() throws Exception {
    stub.thenToolCall("get_risk_state", "{}", 10, 1).thenText("Holding.", 10, 1)
        .thenText("Still holding.", 10, 1);
    decide(Ticks.tick(2));
    policy.close();
    policy = policy(8); // a restarted agent: a new policy on the same store

    decide(Ticks.tick(3));

    final StubChatServer.Request next = stub.requests().get(2);
    assertEquals(List.of("system", "user", "assistant", "tool", "assistant", "user"), next.roles());
    final List<JsonNode> messages = next.messages();
    assertTrue(messages.get(1).path("content").asText().startsWith("Tick 2 of session 1"));
    assertEquals("get_risk_state", messages.get(2).path("tool_calls").get(0).path("function").path("name").asText());
    assertEquals("call_1", messages.get(3).path("tool_call_id").asText());
    assertEquals("Holding.", messages.get(4).path("content").asText());
    assertTrue(messages.get(5).path("content").asText().startsWith("Tick 3 of session 1"));
    assertEquals(6, store.load(Ticks.AGENT, 1).toCompletableFuture().get().size());
  }

  @Test
  void shouldSendTheKeyAsBearerButNeverShowIt() {
    final String key = "sk-test-secret-123";
    stub.thenJson(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\","
        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");

    final Throwable failure = failure(Ticks.tick(2));

    assertEquals("Bearer " + key, stub.requests().get(0).authorization());
    assertTrue(failure.getMessage().contains("HTTP 401"), failure.getMessage());
    assertTrue(failure.getMessage().contains(stub.baseUrl() + "/chat/completions"), failure.getMessage());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(key), t.toString());
    }
    assertFalse(policy.toString().contains(key), policy.toString());
    assertFalse(Ticks.settings(stub.baseUrl(), 8).toString().contains(key));
  }

  @Test
  void shouldCallAnUnpricedEndpointWithoutKeyOrUsage() throws Exception {
    policy.close();
    policy = new LlmPolicy(new LlmSettings(stub.baseUrl(), "local-model", "", 8, BigDecimal.ZERO,
        BigDecimal.ZERO, Duration.ofSeconds(10)), store);
    stub.thenJson(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Holding.\"}}]}");

    final PolicyOutcome outcome = decide(Ticks.tick(2));

    assertEquals(null, stub.requests().get(0).authorization());
    assertEquals(new BigDecimal("0.00000000"), outcome.costUsd());
    assertEquals("Holding.", outcome.summary());
  }

  @Test
  void shouldFailAPricedTickWhoseAnswerHasNoUsage() {
    stub.thenJson(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Holding.\"}}]}");

    final Throwable failure = failure(Ticks.tick(2));

    assertTrue(failure.getMessage().contains("has no usage"), failure.getMessage());
  }

  @Test
  void shouldEndTheTickWhenToolRoundsRunOut() throws Exception {
    policy.close();
    policy = policy(3);
    stub.thenToolCall("get_markets", "{}", 100, 10).thenToolCall("get_markets", "{}", 100, 10)
        .thenToolCall("get_markets", "{}", 100, 10).thenText("never asked for", 1, 1);

    final PolicyOutcome outcome = decide(Ticks.tick(2));

    assertEquals(3, stub.requests().size());
    assertEquals("Stopped after 3 tool rounds without a final answer from the model.", outcome.summary());
    // 300 × 2.50 / 1M + 30 × 10 / 1M
    assertEquals(new BigDecimal("0.00105000"), outcome.costUsd());
    assertEquals(0, outcome.actions());
    final List<ChatTurn> stored = store.load(Ticks.AGENT, 1).toCompletableFuture().get();
    assertEquals(ChatTurn.TOOL, stored.get(stored.size() - 1).role(), "every call stays answered");
  }

  @Test
  void shouldFailTheTickOnServerError() {
    stub.thenJson(500, "{\"error\":{\"message\":\"overloaded\"}}");

    final Throwable failure = failure(Ticks.tick(2));

    assertTrue(failure.getMessage().contains("HTTP 500") && failure.getMessage().contains("overloaded"),
        failure.getMessage());
    assertTrue(store.load(Ticks.AGENT, 1).toCompletableFuture().join().isEmpty(), "a failed tick stores nothing");
  }

  @Test
  void shouldFailTheTickOnAnUnparseableAnswer() {
    stub.thenJson(200, "<html>gateway</html>");

    final Throwable failure = failure(Ticks.tick(2));

    assertTrue(failure.getMessage().startsWith("unparseable answer from " + stub.baseUrl()), failure.getMessage());
  }

  @Test
  void shouldFailTheTickWhenTheEndpointDoesNotAnswerInTime() {
    policy.close();
    final LlmSettings quick = new LlmSettings(stub.baseUrl(), "stub-model", "sk-test-secret-123", 8,
        BigDecimal.ONE, BigDecimal.ONE, Duration.ofMillis(300));
    policy = new LlmPolicy(quick, store);
    stub.thenSilence();

    final Throwable failure = failure(Ticks.tick(2));

    assertTrue(failure.getMessage().contains("did not answer within 300 ms"), failure.getMessage());
  }

  private LlmPolicy policy(final int maxToolRounds) {
    return new LlmPolicy(Ticks.settings(stub.baseUrl(), maxToolRounds), store);
  }

  private PolicyOutcome decide(final TickContext tick) throws Exception {
    return policy.decide(tick, tools).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Throwable failure(final TickContext tick) {
    final ExecutionException e = assertThrows(ExecutionException.class,
        () -> policy.decide(tick, tools).toCompletableFuture().get(10, TimeUnit.SECONDS));
    return assertInstanceOf(LlmCallException.class, e.getCause());
  }

  /** The content of the {@code index}-th tool message of {@code request}, as JSON. */
  private static JsonNode toolResult(final StubChatServer.Request request, final int index) throws Exception {
    final List<JsonNode> results = request.messages().stream()
        .filter(m -> m.path("role").asText().equals("tool")).toList();
    return JSON.readTree(results.get(index).path("content").asText());
  }
}
