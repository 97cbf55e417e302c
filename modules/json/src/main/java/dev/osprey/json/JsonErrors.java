package dev.osprey.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.osprey.domain.FieldViolation;

/** Turns Jackson's binding failures into a {@link FieldViolation} naming the JSON field and the rule. */
public final class JsonErrors {
  private JsonErrors() {}

  public static FieldViolation violation(final String prefix, final JsonProcessingException e) {
    final String field = join(prefix, e instanceof JsonMappingException m ? path(m) : "");
    return new FieldViolation(field.isEmpty() ? "body" : field, rule(e));
  }

  private static String rule(final JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "is not a known field";
    }
    if (e instanceof InvalidTypeIdException t) {
      return "unknown type '" + t.getTypeId() + "'";
    }
    if (e instanceof ValueInstantiationException v) {
      final Throwable cause = rootCause(v);
      return cause.getMessage() == null ? "is invalid" : cause.getMessage();
    }
    if (e instanceof InvalidFormatException f) {
      final Throwable cause = rootCause(f);
      if (cause != f && cause.getMessage() != null) {
        return cause.getMessage();
      }
      return "'" + f.getValue() + "' is not a valid " + simpleType(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      final Throwable cause = rootCause(m);
      if (cause != m && cause.getMessage() != null) {
        return cause.getMessage();
      }
      return "must be a " + simpleType(m.getTargetType());
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
      return iae.getMessage();
    }
    return "is not valid JSON: " + e.getOriginalMessage();
  }

  private static Throwable rootCause(final Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String simpleType(final Class<?> type) {
    if (type == null) {
      return "value";
    }
    final String n = type.getSimpleName();
    switch (n) {
      case "BigDecimal", "Price", "Quantity", "QuoteAmount":
        return "decimal number";
      case "Integer", "int", "Long", "long":
        return "whole number";
      case "Boolean", "boolean":
        return "boolean";
      case "String":
        return "string";
      case "List":
        return "list";
      default:
        return n;
    }
  }

  private static String path(final JsonMappingException m) {
    final StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String join(final String prefix, final String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? prefix : prefix + "." + path;
  }
}
