package dev.osprey.agent.routine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named, typed parameter of a routine, as callers (HTTP clients, LLM tool calls) see it.
 *
 * @param name snake_case, as written in JSON ({@code trading_pair})
 * @param type how the JSON value is read
 * @param required whether a call must give it; a required parameter has no default
 * @param defaultValue the JSON-like value used when an optional parameter is absent (for example
 *     {@code "1m"} or {@code 14}), or null for none; it must be valid for {@code type}
 * @param description one line for listings and LLM tool definitions
 */
public record RoutineParam(
    String name, ParamType type, boolean required, Object defaultValue, String description) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public RoutineParam {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("parameter name must be snake_case: " + name);
    }
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("required parameter " + name + " cannot have a default");
    }
    if (defaultValue != null) {
      try {
        type.coerce(defaultValue);
      } catch (IllegalArgumentException invalid) {
        throw new IllegalArgumentException(
            "default of " + name + " " + invalid.getMessage(), invalid);
      }
    }
  }

  /** A parameter every call must give. */
  public static RoutineParam required(
      final String name, final ParamType type, final String description) {
    return new RoutineParam(name, type, true, null, description);
  }

  /** A parameter that takes {@code defaultValue} when a call leaves it out (null: no value). */
  public static RoutineParam optional(
      final String name,
      final ParamType type,
      final Object defaultValue,
      final String description) {
    return new RoutineParam(name, type, false, defaultValue, description);
  }
}
