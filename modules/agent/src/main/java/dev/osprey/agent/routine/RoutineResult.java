package dev.osprey.agent.routine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a routine produced: named outputs in the order the routine put them, and optionally one
 * line for a human (a journal, a chat reply).
 *
 * @param outputs numbers as {@link BigDecimal} (never binary floating point), texts as String,
 *     flags as Boolean; ordered, unmodifiable
 * @param summary one human-readable line, if the routine has one
 */
public record RoutineResult(Map<String, Object> outputs, Optional<String> summary) {

  public RoutineResult {
    Objects.requireNonNull(summary, "summary");
    final Map<String, Object> copy = new LinkedHashMap<>();
    outputs.forEach(
        (name, value) -> {
          if (!(value instanceof BigDecimal
              || value instanceof String
              || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                "output " + name + " must be a BigDecimal, String or Boolean, got " + value);
          }
          copy.put(name, value);
        });
    outputs = Collections.unmodifiableMap(copy);
  }

  /** Outputs with a summary line. */
  public static RoutineResult of(final Map<String, Object> outputs, final String summary) {
    return new RoutineResult(outputs, Optional.of(summary));
  }
}
