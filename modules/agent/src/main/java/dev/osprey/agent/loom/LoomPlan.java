package dev.osprey.agent.loom;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plan of spec 003 as it arrives on {@code plan.ready}: {@code {symbol, action, confidence,
 * reasoning, sources}}. Read leniently where the spec is loose (the action's case, a confidence
 * given as a string) and strictly where an order depends on it.
 *
 * @param action as written, upper-cased (BUY, SELL, HOLD, or anything else, which is an error)
 */
public record LoomPlan(String symbol, String action, BigDecimal confidence, String reasoning) {

  /** A plan, or why the message is not one (with its symbol when it has one, to answer on). */
  public sealed interface Read permits Valid, Malformed {}

  public record Valid(LoomPlan plan) implements Read {}

  public record Malformed(Optional<String> symbol, String problem) implements Read {}

  public static Read read(final Map<String, Object> message) {
    final Object s = message.get("symbol");
    final Optional<String> symbol = s instanceof String text && text.matches("[A-Za-z0-9]{1,20}")
        ? Optional.of(text.toUpperCase(Locale.ROOT)) : Optional.empty();
    if (symbol.isEmpty()) {
      return new Malformed(Optional.empty(), "symbol must be 1-20 letters and digits, e.g. BTC");
    }
    if (!(message.get("action") instanceof String action) || action.isBlank()) {
      return new Malformed(symbol, "action must be BUY, SELL or HOLD");
    }
    final BigDecimal confidence;
    try {
      confidence = new BigDecimal(String.valueOf(message.get("confidence")));
    } catch (NumberFormatException e) {
      return new Malformed(symbol, "confidence must be a number from 0 to 1");
    }
    if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
      return new Malformed(symbol, "confidence must be a number from 0 to 1");
    }
    final Object reasoning = message.get("reasoning");
    return new Valid(new LoomPlan(symbol.get(), action.strip().toUpperCase(Locale.ROOT), confidence,
        reasoning == null ? "" : reasoning.toString()));
  }
}
