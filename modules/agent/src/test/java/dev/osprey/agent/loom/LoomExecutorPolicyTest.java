package dev.osprey.agent.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.LoomToml;
import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.agent.policy.Trigger;
import dev.osprey.domain.risk.RiskLimits;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Plans in, spec 003's results out: every row of the spec's error table, sizing and spans. */
class LoomExecutorPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  /** Tools that answer creates as told and record creates and publications. */
  private static final class Tools implements AgentTools {
    final List<Map<String, Object>> creates = new ArrayList<>();
    final List<Map.Entry<String, Map<String, Object>>> published = new ArrayList<>();
    ToolResult answer = ToolResult.ok("created", Map.of("executor_id", "executor-agent:s1:t1:0"));

    @Override
    public CompletionStage<ToolResult> createExecutor(final Map<String, Object> config) {
      creates.add(config);
      return CompletableFuture.completedFuture(answer);
    }

    @Override
    public CompletionStage<ToolResult> publish(final String topic, final Map<String, Object> message) {
      published.add(Map.entry(topic, message));
      return CompletableFuture.completedFuture(ToolResult.ok("published", Map.of()));
    }

    @Override
    public CompletionStage<ToolResult> stopExecutor(final String id, final boolean keep) {
      throw new AssertionError();
    }

    @Override
    public CompletionStage<ToolResult> suggestConfig(final String key, final Object value, final String reason) {
      throw new AssertionError();
    }

    @Override
    public CompletionStage<ToolResult> addLearning(final String text) {
      throw new AssertionError();
    }

    @Override
    public CompletionStage<ToolResult> retireLearning(final String text) {
      throw new AssertionError();
    }

    @Override
    public CompletionStage<ToolResult> runRoutine(final String name, final Map<String, Object> args) {
      throw new AssertionError();
    }
  }

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LoomExecutorPolicy policy = new LoomExecutorPolicy(OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build());
  private final Tools tools = new Tools();

  private PolicyOutcome plan(final boolean trading, final Map<String, Object> message) {
    final AgentDefinition d = LoomToml.parse("[agents.executor-agent]\nenable_trading = " + trading + "\n")
        .definition("executor-agent");
    final Observation obs = new Observation(NOW, List.of(), List.of(), List.of(), new ObservedRisk(RiskLimits.NONE,
        "ACTIVE", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO));
    final TickContext tick = new TickContext("executor-agent", 1, 1, NOW, d, new LinkedHashMap<>(d.configs()),
        List.of(), "", obs, Optional.of(new Trigger("plan.ready", message, NOW)));
    return policy.decide(tick, tools).toCompletableFuture().join();
  }

  private static Map<String, Object> btc(final String action, final Object confidence) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", "BTC");
    m.put("action", action);
    m.put("confidence", confidence);
    m.put("reasoning", "Strong uptrend with bullish sentiment");
    m.put("sources", Map.of("trend", Map.of()));
    return m;
  }

  /** The one result published since the last call, on execution.btc. */
  private Map<String, Object> result() {
    assertEquals(1, tools.published.size());
    final Map.Entry<String, Map<String, Object>> published = tools.published.remove(0);
    assertEquals("execution.btc", published.getKey());
    return published.getValue();
  }

  private static Map<String, Object> expected(final String action, final String confidence, final boolean executed,
      final String status, final String orderId, final String size, final String message) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", "BTC");
    m.put("plan_action", action);
    m.put("plan_confidence", confidence == null ? null : new BigDecimal(confidence));
    m.put("executed", executed);
    m.put("status", status);
    m.put("order_id", orderId);
    m.put("order_size", size == null ? null : new BigDecimal(size));
    m.put("message", message);
    m.put("execution_time_ms", NOW.toEpochMilli());
    return m;
  }

  @Test
  void shouldPlaceAMarketOrderSizedByConfidenceWithTradingEnabled() {
    final PolicyOutcome out = plan(true, btc("BUY", new BigDecimal("0.85")));
    assertEquals(List.of(Map.of("type", "order_executor", "connector_name", "okx", "trading_pair", "BTC-USDT",
        "side", "BUY", "amount", "0.0073", "execution_strategy", "MARKET")), tools.creates);
    assertEquals(expected("BUY", "0.85", true, "success", "executor-agent:s1:t1:0", "0.0073",
        "Order placed: BUY 0.0073 BTC-USDT"), result());
    assertEquals(2, out.actions());
    final List<SpanData> finished = spans.getFinishedSpanItems();
    assertEquals(List.of("executor.execute_plan", "executor.on_plan_event"), finished.stream().map(SpanData::getName).toList());
    final SpanData execute = finished.get(0);
    assertEquals(finished.get(1).getSpanId(), execute.getParentSpanId());
    assertEquals("BUY", execute.getAttributes().get(AttributeKey.stringKey("action")));
    assertEquals("0.85", execute.getAttributes().get(AttributeKey.stringKey("confidence")));
    assertEquals("success", execute.getAttributes().get(AttributeKey.stringKey("status")));
    assertEquals("executor-agent:s1:t1:0", execute.getAttributes().get(AttributeKey.stringKey("order_id")));
  }

  @Test
  void shouldOnlySimulateWithTradingDisabled() {
    plan(false, btc("SELL", "0.9"));
    assertEquals(List.of(), tools.creates);
    assertEquals(expected("SELL", "0.9", false, "skipped", null, "0.0082",
        "Trading disabled: would SELL 0.0082 BTC-USDT"), result());
  }

  @Test
  void shouldHoldOnHoldAndSkipBelowHalfConfidence() {
    plan(true, btc("hold", "0.95"));
    assertEquals(expected("HOLD", "0.95", false, "hold", null, null, "HOLD: no order"), result());
    plan(true, btc("BUY", "0.49"));
    assertEquals(expected("BUY", "0.49", false, "skipped", null, null, "Confidence 0.49 is below 0.5: no order"),
        result());
    assertEquals(List.of(), tools.creates);
  }

  @Test
  void shouldAnswerErrorsForAnUnknownActionAMalformedPlanAndARefusedOrder() {
    plan(true, btc("SHORT", "0.9"));
    assertEquals(expected("SHORT", "0.9", false, "error", null, null, "Unknown action: SHORT"), result());
    plan(true, btc("BUY", "very"));
    assertEquals(expected(null, null, false, "error", null, null,
        "Malformed plan: confidence must be a number from 0 to 1"), result());
    tools.answer = ToolResult.refused("MAX_SINGLE_ORDER", "max_single_order_quote 100 exceeded: order 640.5");
    plan(true, btc("BUY", "0.8"));
    assertEquals(expected("BUY", "0.8", false, "error", null, "0.0064",
        "Order failed: MAX_SINGLE_ORDER: max_single_order_quote 100 exceeded: order 640.5"), result());
  }

  @Test
  void shouldAnswerAPlanWithoutASymbolOnExecutionUnknown() {
    plan(true, Map.of("action", "BUY", "confidence", 0.9));
    assertEquals("execution.unknown", tools.published.get(0).getKey());
    assertEquals("Malformed plan: symbol must be 1-20 letters and digits, e.g. BTC",
        tools.published.get(0).getValue().get("message"));
  }
}
