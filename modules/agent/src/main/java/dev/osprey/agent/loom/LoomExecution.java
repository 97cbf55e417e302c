package dev.osprey.agent.loom;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec 003's execution result, published on {@code execution.{symbol}}.
 *
 * @param planAction the plan's action, null when the plan had none
 * @param status success, error, hold or skipped
 * @param orderId the order executor that carries the order (Osprey places orders through
 *     executors), null when no order was placed
 * @param orderSize in base currency, null when the plan was not sized
 * @param executionTimeMs when it was executed, epoch milliseconds
 */
public record LoomExecution(
    String symbol, String planAction, BigDecimal planConfidence, boolean executed, String status,
    String orderId, BigDecimal orderSize, String message, long executionTimeMs) {

  public static final String SUCCESS = "success";
  public static final String ERROR = "error";
  public static final String HOLD = "hold";
  public static final String SKIPPED = "skipped";

  /** The spec's JSON fields, in its order. */
  public Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", symbol);
    m.put("plan_action", planAction);
    m.put("plan_confidence", planConfidence);
    m.put("executed", executed);
    m.put("status", status);
    m.put("order_id", orderId);
    m.put("order_size", orderSize);
    m.put("message", message);
    m.put("execution_time_ms", executionTimeMs);
    return m;
  }
}
