package dev.osprey.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.FieldViolation;
import java.util.function.Predicate;

/**
 * Optional fields of a JSON request body: absent and {@code null} both mean "not given", and a
 * value of another type is refused with the field's name.
 */
public final class JsonFields {
  private JsonFields() {}

  /**
   * The value of {@code field}, or null when it is not given.
   *
   * @throws FieldViolation.Invalid ({@code rule}) when it is given but not of {@code type}
   */
  public static JsonNode optional(
      final JsonNode body, final String field, final Predicate<JsonNode> type, final String rule) {
    final JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!type.test(n)) {
      throw new FieldViolation.Invalid(field, rule);
    }
    return n;
  }

  /** The string {@code field}, or null when it is not given. */
  public static String optionalText(final JsonNode body, final String field) {
    final JsonNode n = optional(body, field, JsonNode::isTextual, "must be a string");
    return n == null ? null : n.asText();
  }

  /** The boolean {@code field}, false when it is not given. */
  public static boolean optionalFlag(final JsonNode body, final String field) {
    final JsonNode n = optional(body, field, JsonNode::isBoolean, "must be true or false");
    return n != null && n.asBoolean();
  }
}
