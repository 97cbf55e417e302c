package dev.osprey.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call, checked against the tool's schema: a JSON object, no unknown
 * keys, every required key present, every value of its declared type. Numbers the model writes with
 * a fraction are read as {@link java.math.BigDecimal}.
 */
final class ToolArguments {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JsonNode args;

  private ToolArguments(final JsonNode args) {
    this.args = args;
  }

  static ToolArguments parse(final ToolSpec spec, final String json) throws InvalidToolCall {
    final JsonNode args = readObject(spec, json);
    final Map<?, ?> properties = (Map<?, ?>) spec.parameters().get("properties");
    refuseUnknown(spec, args, properties);
    refuseMissing(spec, args);
    for (Map.Entry<?, ?> property : properties.entrySet()) {
      checkValue(spec, property.getKey().toString(), (Map<?, ?>) property.getValue(), args);
    }
    return new ToolArguments(args);
  }

  String text(final String key) {
    return args.path(key).asText();
  }

  boolean flag(final String key) {
    return args.path(key).asBoolean();
  }

  /** An integer argument, at most {@link Integer#MAX_VALUE} (a larger one means "all"). */
  Optional<Integer> integer(final String key) {
    final JsonNode value = args.path(key);
    if (!value.isIntegralNumber()) {
      return Optional.empty();
    }
    return Optional.of(value.canConvertToInt() ? value.intValue() : Integer.MAX_VALUE);
  }

  /** An object argument as plain maps, lists, strings and numbers; empty when absent. */
  Map<String, Object> object(final String key) {
    final JsonNode value = args.path(key);
    return value.isObject() ? LlmJson.MAPPER.convertValue(value, MAP) : Map.of();
  }

  /** Any argument as plain Java values (string, number, boolean, list, map). */
  Object value(final String key) {
    return LlmJson.MAPPER.convertValue(args.path(key), Object.class);
  }

  private static JsonNode readObject(final ToolSpec spec, final String json)
      throws InvalidToolCall {
    if (json == null || json.isBlank()) {
      // Models send "" for a tool without parameters.
      return LlmJson.MAPPER.createObjectNode();
    }
    final JsonNode node;
    try {
      node = LlmJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidToolCall("the arguments of " + spec.name() + " are not valid JSON ("
          + e.getOriginalMessage() + ")");
    }
    if (!node.isObject()) {
      throw new InvalidToolCall("the arguments of " + spec.name() + " must be a JSON object, got "
          + json);
    }
    return node;
  }

  private static void refuseUnknown(
      final ToolSpec spec, final JsonNode args, final Map<?, ?> properties)
      throws InvalidToolCall {
    final Iterator<String> names = args.fieldNames();
    while (names.hasNext()) {
      final String name = names.next();
      if (!properties.containsKey(name)) {
        throw new InvalidToolCall(spec.name() + " has no argument '" + name + "' (its arguments: "
            + String.join(", ", properties.keySet().stream().map(Object::toString).toList()) + ")");
      }
    }
  }

  private static void refuseMissing(final ToolSpec spec, final JsonNode args)
      throws InvalidToolCall {
    final List<String> missing = new ArrayList<>();
    for (Object required : (List<?>) spec.parameters().get("required")) {
      if (absent(args.path(required.toString()))) {
        missing.add(required.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidToolCall(spec.name() + " needs " + String.join(", ", missing));
    }
  }

  /** The value's JSON type, and its minimum for a number that has one. */
  private static void checkValue(final ToolSpec spec, final String name, final Map<?, ?> schema,
      final JsonNode args) throws InvalidToolCall {
    final JsonNode value = args.path(name);
    final Object type = schema.get("type");
    if (absent(value) || type == null) {
      return;
    }
    if (!fits(value, type.toString())) {
      throw new InvalidToolCall(spec.name() + ": " + name + " must be " + article(type.toString())
          + ", got " + value);
    }
    final Object minimum = schema.get("minimum");
    if (minimum != null && value.decimalValue().compareTo(new BigDecimal(minimum.toString())) < 0) {
      throw new InvalidToolCall(
          spec.name() + ": " + name + " must be at least " + minimum + ", got " + value);
    }
  }

  private static boolean absent(final JsonNode value) {
    return value.isMissingNode() || value.isNull();
  }

  private static boolean fits(final JsonNode value, final String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      default -> true;
    };
  }

  private static String article(final String type) {
    return ("integer".equals(type) || "object".equals(type) ? "an " : "a ") + type;
  }
}
