package dev.osprey.agent.loom;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.NamedPolicy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.agent.policy.Trigger;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Loom executor agent of spec 003 as an Osprey policy: each plan that arrives on its topics
 * (a tick the message triggered) is sized by confidence and, with trading enabled, placed as a
 * MARKET order executor for {@code {symbol}-{quote}} on its connector, through the agent's risk
 * supervisor; the result, in the spec's format, is published on {@code execution.{symbol}}.
 *
 * <p>As the spec: HOLD answers {@code hold}; a confidence below 0.5 and disabled trading answer
 * {@code skipped} (the latter logged {@code SIMULATED}); an unknown action, a malformed plan, a
 * refused order (a risk denial's reason code, an unknown connector) answer {@code error}. Log lines
 * carry the {@code [executor]} prefix; spans {@code executor.on_plan_event} and {@code
 * executor.execute_plan} carry action, confidence, status and order id.
 *
 * <p>Configs: {@code topics}, {@code enable_trading} [false], {@code min_order_size} [0.001],
 * {@code max_order_size} [0.01], {@code connector} [the first of the agent's connectors, else
 * okx], {@code quote} [USDT].
 */
public final class LoomExecutorPolicy extends NamedPolicy {
  public static final String NAME = dev.osprey.agent.files.LoomToml.POLICY;
  private static final Logger LOG = LoggerFactory.getLogger("osprey.loom.executor");
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final OpenTelemetry telemetry;

  public LoomExecutorPolicy() {
    this(null);
  }

  /** @param telemetry where spans go; null for the global one (a no-op unless configured) */
  public LoomExecutorPolicy(final OpenTelemetry telemetry) {
    super(NAME);
    this.telemetry = telemetry;
  }

  @Override
  public CompletionStage<PolicyOutcome> decide(final TickContext tick, final AgentTools tools) {
    if (tick.trigger().isEmpty()) {
      return CompletableFuture.completedFuture(PolicyOutcome.rule("waiting for plans on "
          + String.join(", ", topics(tick)), 0));
    }
    final Trigger trigger = tick.trigger().get();
    final Tracer tracer = (telemetry == null ? GlobalOpenTelemetry.get() : telemetry).getTracer("dev.osprey.loom");
    final Span received = tracer.spanBuilder("executor.on_plan_event")
        .setAttribute("topic", trigger.topic()).startSpan();
    final Span execute = tracer.spanBuilder("executor.execute_plan")
        .setParent(Context.current().with(received)).startSpan();
    return execute(tick, trigger, tools).thenCompose(result -> {
      execute.setAttribute("action", String.valueOf(result.planAction()));
      execute.setAttribute("confidence", result.planConfidence() == null ? "" : result.planConfidence().toPlainString());
      execute.setAttribute("status", result.status());
      execute.setAttribute("order_id", result.orderId() == null ? "" : result.orderId());
      execute.end();
      log(result);
      final String topic = "execution." + (result.symbol() == null ? "unknown" : result.symbol().toLowerCase(Locale.ROOT));
      return tools.publish(topic, result.toMap()).thenApply(published -> {
        received.end();
        final int actions = (result.orderId() == null ? 0 : 1) + (published.ok() ? 1 : 0);
        return PolicyOutcome.rule("plan " + result.symbol() + " " + result.planAction() + " "
            + (result.planConfidence() == null ? "-" : result.planConfidence().toPlainString()) + ": " + result.status()
            + " (" + result.message() + ")" + (published.ok() ? "; published on " + topic
                : "; not published: " + published.code() + " " + published.message()), actions);
      });
    }).whenComplete((outcome, error) -> {
      if (error != null) {
        execute.end();
        received.end();
      }
    });
  }

  private CompletionStage<LoomExecution> execute(final TickContext tick, final Trigger trigger, final AgentTools tools) {
    final long at = tick.now().toEpochMilli();
    final LoomPlan.Read read = LoomPlan.read(trigger.message());
    if (read instanceof LoomPlan.Malformed m) {
      return done(new LoomExecution(m.symbol().orElse(null), null, null, false, LoomExecution.ERROR, null, null,
          "Malformed plan: " + m.problem(), at));
    }
    final LoomPlan plan = ((LoomPlan.Valid) read).plan();
    final String action = plan.action();
    if (action.equals("HOLD")) {
      return done(result(plan, false, LoomExecution.HOLD, null, null, "HOLD: no order", at));
    }
    if (!action.equals("BUY") && !action.equals("SELL")) {
      return done(result(plan, false, LoomExecution.ERROR, null, null, "Unknown action: " + action, at));
    }
    if (plan.confidence().compareTo(HALF) < 0) {
      return done(result(plan, false, LoomExecution.SKIPPED, null, null,
          "Confidence " + plan.confidence().toPlainString() + " is below 0.5: no order", at));
    }
    final BigDecimal size = LoomSizing.size(plan.confidence(), tick.decimal("min_order_size", new BigDecimal("0.001")),
        tick.decimal("max_order_size", new BigDecimal("0.01")));
    final String pair = plan.symbol() + "-" + tick.config("quote", "USDT");
    final String order = action + " " + size.toPlainString() + " " + pair;
    if (!Boolean.parseBoolean(tick.config("enable_trading", "false"))) {
      return done(result(plan, false, LoomExecution.SKIPPED, null, size, "Trading disabled: would " + order, at));
    }
    final Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "order_executor");
    config.put("connector_name", connector(tick));
    config.put("trading_pair", pair);
    config.put("side", action);
    config.put("amount", size.toPlainString());
    config.put("execution_strategy", "MARKET");
    return tools.createExecutor(config).thenApply((ToolResult r) -> r.ok()
        ? result(plan, true, LoomExecution.SUCCESS, String.valueOf(r.data().get("executor_id")), size,
            "Order placed: " + order, at)
        : result(plan, false, LoomExecution.ERROR, null, size, "Order failed: " + r.code() + ": " + r.message(), at));
  }

  private static LoomExecution result(final LoomPlan plan, final boolean executed, final String status,
      final String orderId, final BigDecimal size, final String message, final long at) {
    return new LoomExecution(plan.symbol(), plan.action(), plan.confidence(), executed, status, orderId, size, message,
        at);
  }

  private static String connector(final TickContext tick) {
    final List<String> connectors = tick.definition().connectors();
    return tick.config("connector", connectors.isEmpty() ? "okx" : connectors.get(0));
  }

  @SuppressWarnings("unchecked")
  private static List<String> topics(final TickContext tick) {
    return tick.configs().get("topics") instanceof List<?> l ? (List<String>) l : List.of("plan.ready");
  }

  /** The spec's log lines: SIMULATED when trading is disabled, EXECUTED for an order, ERROR for a failure. */
  private static void log(final LoomExecution r) {
    if (r.status().equals(LoomExecution.ERROR)) {
      LOG.warn("[executor] ERROR {}: {}", r.symbol(), r.message());
    } else if (r.executed()) {
      LOG.info("[executor] EXECUTED {} ({}, confidence {})", r.message(), r.orderId(), r.planConfidence());
    } else if (r.status().equals(LoomExecution.SKIPPED) && r.orderSize() != null) {
      LOG.info("[executor] SIMULATED {} (confidence {})", r.message(), r.planConfidence());
    } else {
      LOG.info("[executor] {} {}: {}", r.status().toUpperCase(Locale.ROOT), r.symbol(), r.message());
    }
  }

  private static CompletionStage<LoomExecution> done(final LoomExecution r) {
    return CompletableFuture.completedFuture(r);
  }
}
