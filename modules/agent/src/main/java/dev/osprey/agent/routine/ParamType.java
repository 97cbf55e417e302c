package dev.osprey.agent.routine;

import dev.osprey.agent.market.CandleInterval;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The type of a routine parameter, and how a JSON-like value (what Jackson gives for a JSON body
 * or an LLM's tool call) becomes the Java value a routine reads.
 */
public enum ParamType {
  /** A JSON string, read as {@link String}. */
  STRING("string"),
  /** A whole JSON number within {@code int} range ({@code 14} or {@code 14.0}), read as Integer. */
  INTEGER("integer"),
  /**
   * A JSON number or a decimal string ({@code "0.1"}), read as {@link BigDecimal}. Strings are
   * accepted because JSON APIs commonly send decimals as strings to keep their exact digits.
   */
  DECIMAL("number"),
  /** A JSON boolean, read as Boolean. */
  BOOLEAN("boolean"),
  /** A candle interval label ({@code 1m} … {@code 1d}), read as {@link CandleInterval}. */
  INTERVAL("string");

  private final String jsonType;

  ParamType(final String jsonType) {
    this.jsonType = jsonType;
  }

  /** The JSON schema {@code type} of this parameter type. */
  public String jsonType() {
    return jsonType;
  }

  /**
   * Converts a JSON-like value to this type's Java value.
   *
   * @param value a non-null String, Number or Boolean
   * @return a String, Integer, BigDecimal, Boolean or CandleInterval
   * @throws IllegalArgumentException whose message is the broken rule, e.g. {@code must be an
   *     integer}, phrased to follow the parameter's name
   */
  public Object coerce(final Object value) {
    return switch (this) {
      case STRING -> requireString(value, "must be a string");
      case INTEGER -> toInteger(value);
      case DECIMAL -> toDecimal(value);
      case BOOLEAN -> {
        if (value instanceof Boolean) {
          yield value;
        }
        throw new IllegalArgumentException("must be true or false");
      }
      case INTERVAL -> {
        final String rule = "must be one of " + CandleInterval.labels();
        try {
          yield CandleInterval.parse(requireString(value, rule));
        } catch (IllegalArgumentException notAnInterval) {
          throw new IllegalArgumentException(rule, notAnInterval);
        }
      }
    };
  }

  private static String requireString(final Object value, final String rule) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(rule);
  }

  private static Integer toInteger(final Object value) {
    final BigDecimal number = exactNumber(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("must be an integer");
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException outOfRange) {
      throw new IllegalArgumentException(
          "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE,
          outOfRange);
    }
  }

  private static BigDecimal toDecimal(final Object value) {
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("must be a decimal number", notANumber);
      }
    }
    final BigDecimal number = exactNumber(value);
    if (number == null) {
      throw new IllegalArgumentException("must be a decimal number");
    }
    return number;
  }

  /**
   * The exact decimal of a JSON number, or null for anything else. A double from a JSON parser
   * not configured for BigDecimal is taken at its shortest decimal form ({@code 0.1} stays 0.1),
   * which is the digits the JSON text had.
   */
  private static BigDecimal exactNumber(final Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      final double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return null;
  }
}
