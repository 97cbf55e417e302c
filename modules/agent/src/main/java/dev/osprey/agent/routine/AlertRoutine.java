package dev.osprey.agent.routine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code alert} routine: records an alert, stamped with the context's clock, in the
 * context's {@link AlertSink}. Outputs {@code level} and {@code at} (ISO-8601).
 */
public final class AlertRoutine extends DescribedRoutine {
  /** The longest message accepted: an alert is a line for a human, and sinks keep many. */
  public static final int MAX_MESSAGE_CHARS = 1000;

  public AlertRoutine() {
    super(
        "alert",
        "Raise an alert for the operator at INFO, WARN or CRITICAL level",
        List.of(
            RoutineParam.optional(
                "level", ParamType.STRING, AlertLevel.INFO.name(), "INFO, WARN or CRITICAL"),
            RoutineParam.required(
                "message",
                ParamType.STRING,
                "what happened, for a human, at most " + MAX_MESSAGE_CHARS + " characters")));
  }

  @Override
  public RoutineResult run(final RoutineArgs args, final RoutineContext ctx) {
    final AlertLevel level = args.parse("level", AlertLevel::parse);
    final String message = args.text("message", MAX_MESSAGE_CHARS);
    final Instant at = ctx.clock().instant();

    ctx.alerts().record(new Alert(at, level, message));
    final Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("level", level.name());
    outputs.put("at", at.toString());
    return RoutineResult.of(outputs, level + " alert recorded at " + at);
  }
}
