package dev.osprey.agent.routine;

import dev.osprey.agent.market.CandleInterval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validated arguments of one routine call: every value has its parameter's Java type, and
 * absent optional parameters hold their defaults. Built only by {@link #of}, which checks a
 * JSON-like map against the routine's parameters.
 *
 * <p>The typed getters ({@link #string}, {@link #integer} …) expect the routine to read its own
 * parameters with their declared types; anything else is a bug in the routine and throws {@link
 * IllegalStateException}. The checking getters ({@link #text}, {@link #integerBetween}, {@link
 * #parse}) add a routine's own rules and throw {@link RoutineArgsException} naming the field.
 */
public final class RoutineArgs {
  private final Map<String, Object> values;

  private RoutineArgs(final Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Checks {@code raw} against {@code params}. A key whose value is null counts as absent, as in
   * JSON where {@code "period": null} and no {@code period} mean the same.
   *
   * @param params the routine's parameters
   * @param raw the call's arguments, JSON-like (String, Number, Boolean); null for none
   * @return the typed arguments, defaults filled in
   * @throws RoutineArgsException listing every missing required, wrongly typed and unknown field
   */
  public static RoutineArgs of(final List<RoutineParam> params, final Map<String, ?> raw) {
    final Map<String, ?> given = raw == null ? Map.of() : raw;
    final Map<String, Object> values = new LinkedHashMap<>();
    final List<RoutineArgsException.Violation> violations = new ArrayList<>();
    for (final RoutineParam param : params) {
      final Object value = given.get(param.name());
      if (value == null && param.required()) {
        violations.add(new RoutineArgsException.Violation(param.name(), "is required"));
      } else if (value != null || param.defaultValue() != null) {
        try {
          final Object chosen = value != null ? value : param.defaultValue();
          values.put(param.name(), param.type().coerce(chosen));
        } catch (IllegalArgumentException wrongType) {
          violations.add(new RoutineArgsException.Violation(param.name(), wrongType.getMessage()));
        }
      }
    }
    final List<String> known = params.stream().map(RoutineParam::name).toList();
    for (final String key : given.keySet()) {
      if (!known.contains(key)) {
        violations.add(
            new RoutineArgsException.Violation(
                key,
                "is not a parameter (expected "
                    + (known.isEmpty() ? "none" : "one of " + String.join(", ", known))
                    + ")"));
      }
    }
    if (!violations.isEmpty()) {
      throw new RoutineArgsException(violations);
    }
    return new RoutineArgs(values);
  }

  /** Whether the parameter has a value (given, or defaulted). */
  public boolean has(final String name) {
    return values.containsKey(name);
  }

  /** Every value, in parameter order, for journals and summaries. */
  public Map<String, Object> values() {
    return values;
  }

  public String string(final String name) {
    return get(name, String.class);
  }

  public int integer(final String name) {
    return get(name, Integer.class);
  }

  public BigDecimal decimal(final String name) {
    return get(name, BigDecimal.class);
  }

  public boolean bool(final String name) {
    return get(name, Boolean.class);
  }

  public CandleInterval interval(final String name) {
    return get(name, CandleInterval.class);
  }

  /**
   * A string parameter that must not be blank and may be at most {@code maxChars} long.
   *
   * @throws RoutineArgsException naming the field when it is blank or too long
   */
  public String text(final String name, final int maxChars) {
    final String text = string(name);
    if (text.isBlank()) {
      throw RoutineArgsException.of(name, "must not be blank");
    }
    if (text.length() > maxChars) {
      throw RoutineArgsException.of(name, "must be at most " + maxChars + " characters");
    }
    return text;
  }

  /**
   * An integer parameter within {@code [min, max]}.
   *
   * @throws RoutineArgsException naming the field when it is outside
   */
  public int integerBetween(final String name, final int min, final int max) {
    final int value = integer(name);
    if (value < min || value > max) {
      throw RoutineArgsException.of(name, "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * A string parameter read by a parser that rejects bad text with {@link
   * IllegalArgumentException} (for example {@code TradingPair::parse}).
   *
   * @throws RoutineArgsException naming the field, with the parser's message as the rule
   */
  public <T> T parse(final String name, final Function<String, T> parser) {
    try {
      return parser.apply(string(name));
    } catch (IllegalArgumentException invalid) {
      throw RoutineArgsException.of(
          name, invalid.getMessage() != null ? invalid.getMessage() : "is not valid");
    }
  }

  private <T> T get(final String name, final Class<T> type) {
    final Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("routine read parameter " + name + ", which has no value");
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "routine read parameter " + name + " as " + type.getSimpleName() + ", it is a "
              + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }

  /** Names only: values may be secrets (a webhook URL's token, its body) and must not be logged. */
  @Override
  public String toString() {
    return values.keySet().stream().collect(Collectors.joining(", ", "RoutineArgs[", "]"));
  }
}
