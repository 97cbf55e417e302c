package dev.osprey.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.policy.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolCallRunnerTest {
  private final RecordingAgentTools tools = new RecordingAgentTools();
  private final ToolCallRunner runner = new ToolCallRunner(Ticks.observation(), tools);

  @Test
  void shouldAnswerReadsFromTheObservation() {
    final ToolResult markets = run("get_markets", "{}");
    final ToolResult executors = run("list_executors", "");
    final ToolResult risk = run("get_risk_state", "{}");

    assertEquals(1, ((List<?>) markets.data().get("markets")).size());
    assertEquals("ex-0", ((Map<?, ?>) ((List<?>) executors.data().get("executors")).get(0)).get("id"));
    assertEquals("ACTIVE", risk.data().get("trading_state"));
    assertEquals(Map.of("max_single_order_quote", new BigDecimal("100"), "max_open_executors", 1),
        risk.data().get("limits"));
    assertEquals(0, runner.actions());
    assertEquals(List.of(), tools.calls());
  }

  @Test
  void shouldGiveTheLatestCandlesOfAnObservedMarket() {
    final ToolResult candles = run("get_candles",
        "{\"connector\":\"binance_perpetual\",\"trading_pair\":\"SOL-USDT\",\"limit\":5}");
    final ToolResult huge = run("get_candles",
        "{\"connector\":\"binance_perpetual\",\"trading_pair\":\"SOL-USDT\",\"limit\":99999999999999999999}");
    final ToolResult unknown = run("get_candles", "{\"connector\":\"okx\",\"trading_pair\":\"SOL-USDT\"}");

    assertTrue(candles.ok());
    assertEquals(1, ((List<?>) candles.data().get("candles_1m")).size());
    assertEquals(1, ((List<?>) huge.data().get("candles_1m")).size());
    assertEquals("NOT_FOUND", unknown.code());
  }

  @Test
  void shouldPassActionsOnAndCountThem() {
    run("stop_executor", "{\"executor_id\":\"ex-0\",\"keep_position\":true}");
    run("suggest_config", "{\"key\":\"spread_percentage\",\"value\":0.5,\"reason\":\"ATR is 3%\"}");
    run("add_learning", "{\"text\":\"wide spreads pay in Asian hours\"}");
    run("retire_learning", "{\"text\":\"old\"}");
    run("run_routine", "{\"name\":\"atr\"}");

    assertEquals(List.of(
        new RecordingAgentTools.Call("stopExecutor", List.of("ex-0", true)),
        new RecordingAgentTools.Call("suggestConfig", List.of("spread_percentage", new BigDecimal("0.5"), "ATR is 3%")),
        new RecordingAgentTools.Call("addLearning", List.of("wide spreads pay in Asian hours")),
        new RecordingAgentTools.Call("retireLearning", List.of("old")),
        new RecordingAgentTools.Call("runRoutine", List.of("atr", Map.of()))), tools.calls());
    assertEquals(5, runner.actions());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "get_candles    | {\"connector\":\"x\"}                                   | get_candles needs trading_pair",
      "get_candles    | {\"connector\":\"x\",\"trading_pair\":\"y\",\"limit\":0} | limit must be at least 1",
      "get_candles    | {\"connector\":\"x\",\"trading_pair\":\"y\",\"limit\":-99999999999999999999} | limit must be at least 1",
      "get_candles    | {\"connector\":\"x\",\"trading_pair\":\"y\",\"limit\":\"5\"} | limit must be an integer",
      "stop_executor  | {\"executor_id\":\"e\",\"keep_position\":\"yes\"}       | keep_position must be a boolean",
      "create_executor| {\"executor_config\":[1]}                              | executor_config must be an object",
      "create_executor| {\"config\":{}}                                         | create_executor has no argument 'config'",
      "add_learning   | [\"text\"]                                              | must be a JSON object",
      "add_learning   | {\"text\":                                              | not valid JSON",
      "sell_everything| {}                                                      | there is no tool 'sell_everything'"})
  void shouldRefuseCallsThatDoNotFitTheirSchema(final String tool, final String args, final String problem) {
    final ToolResult result = run(tool, args);

    assertFalse(result.ok());
    assertEquals("INVALID_TOOL_CALL", result.code());
    assertTrue(result.message().contains(problem), result.message());
    assertEquals(0, runner.actions());
    assertEquals(List.of(), tools.calls());
  }

  private ToolResult run(final String tool, final String args) {
    return runner.run(new ToolCall("call", tool, args)).toCompletableFuture().join();
  }
}
