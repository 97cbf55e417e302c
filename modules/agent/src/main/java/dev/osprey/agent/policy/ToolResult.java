package dev.osprey.agent.policy;

import dev.osprey.agent.routine.NotEnoughDataException;
import dev.osprey.agent.routine.RoutineArgsException;
import dev.osprey.agent.routine.RoutineResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent tool answered. A refusal is not an exception: it comes back to the policy (and to
 * an LLM as the tool call's result) with a machine-readable code, e.g. {@code MAX_OPEN_EXECUTORS}
 * from the risk supervisor, and a sentence naming the limit and the numbers.
 *
 * @param ok whether the action was carried out
 * @param code {@code OK}, or why not (a risk reason code, {@code INVALID_CONFIG}, {@code NOT_FOUND},
 *     {@code FORBIDDEN}, {@code UNAVAILABLE}, …)
 * @param data what the tool returns (e.g. the created executor's id)
 */
public record ToolResult(boolean ok, String code, String message, Map<String, Object> data) {

  public ToolResult {
    data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static ToolResult ok(final String message, final Map<String, Object> data) {
    return new ToolResult(true, "OK", message, data);
  }

  public static ToolResult refused(final String code, final String message) {
    return new ToolResult(false, code, message, Map.of());
  }

  /**
   * A routine's run as a tool result: its summary and outputs, or a refusal saying why it did not
   * run ({@code UNKNOWN_ROUTINE}, {@code INVALID_ARGS}, {@code NOT_ENOUGH_DATA}, else {@code
   * UNAVAILABLE}).
   *
   * @param error what the run failed with, or null
   */
  public static ToolResult ofRoutine(final String name, final RoutineResult result, final Throwable error) {
    if (error == null) {
      return ok(result.summary().orElse(name + " ran"), result.outputs());
    }
    final Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof java.util.NoSuchElementException) {
      return refused("UNKNOWN_ROUTINE", e.getMessage());
    }
    if (e instanceof RoutineArgsException) {
      return refused("INVALID_ARGS", e.getMessage());
    }
    if (e instanceof NotEnoughDataException) {
      return refused("NOT_ENOUGH_DATA", e.getMessage());
    }
    return refused("UNAVAILABLE", name + " failed: " + e.getMessage());
  }

  /** As a JSON-like map: what an LLM gets back as the tool call's content. */
  public Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("code", code);
    m.put("message", message);
    if (!data.isEmpty()) {
      m.put("data", data);
    }
    return m;
  }
}
