package dev.osprey.json;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field schemas of {@code GET /executors/types/{type}/config}: names and JSON types come from
 * the config records themselves (so they cannot drift from what the API accepts); required,
 * default, description and constraints come from {@link ExecutorDocs}, which a test keeps complete.
 */
public final class ExecutorSchemas {
  private ExecutorSchemas() {}

  /** One field of a schema. */
  public record Field(
      String name, String type, boolean required, Object defaultValue, String description,
      String constraints, List<String> enumValues) {}

  /** The schema of one executor type. */
  public record Schema(
      String executorType, String configClass, String description, String useCase, List<Field> fields,
      Map<String, List<Field>> nestedTypes) {}

  public static Optional<Schema> of(final String type) {
    final ExecutorDocs.TypeDoc doc = ExecutorDocs.TYPES.get(type);
    if (doc == null) {
      return Optional.empty();
    }
    final Map<String, List<Field>> nested = new LinkedHashMap<>();
    final List<Field> fields = fields(doc.configClass(), doc, nested);
    return Optional.of(new Schema(type, doc.configClass().getSimpleName(), doc.description(), doc.useCase(),
        fields, nested));
  }

  private static List<Field> fields(
      final Class<?> record, final ExecutorDocs.TypeDoc doc, final Map<String, List<Field>> nested) {
    final List<Field> out = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      final com.fasterxml.jackson.annotation.JsonProperty renamed =
          c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      final String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : snake(c.getName());
      final ExecutorDocs.FieldDoc f = doc.field(record, name);
      final Class<?> raw = c.getType();
      final List<String> enums = new ArrayList<>();
      if (raw.isEnum()) {
        for (Object e : raw.getEnumConstants()) {
          enums.add(((Enum<?>) e).name());
        }
      }
      if (raw.isRecord() && !isValue(raw) && !nested.containsKey(raw.getSimpleName())) {
        nested.put(raw.getSimpleName(), List.of());   // placeholder against cycles
        nested.put(raw.getSimpleName(), fields(raw, doc, nested));
      }
      out.add(new Field(name, jsonType(raw, c.getGenericType()), f.required(), f.defaultValue(), f.description(),
          f.constraints(), enums.isEmpty() ? null : enums));
    }
    return out;
  }

  private static boolean isValue(final Class<?> raw) {
    return raw == Price.class || raw == Quantity.class || raw == QuoteAmount.class || raw == TradingPair.class
        || raw == dev.osprey.domain.order.ClientOrderId.class;
  }

  static String jsonType(final Class<?> raw, final Type generic) {
    if (raw == BigDecimal.class || raw == Price.class || raw == Quantity.class || raw == QuoteAmount.class) {
      return "decimal";
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "integer";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "boolean";
    }
    if (raw == String.class) {
      return "string";
    }
    if (Map.class.isAssignableFrom(raw)) {
      return "object";
    }
    if (raw == TradingPair.class) {
      return "trading_pair";
    }
    if (raw == Instant.class) {
      return "epoch_seconds";
    }
    if (raw.isEnum()) {
      return "enum";
    }
    if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> item) {
      return "list[" + jsonType(item, item) + "]";
    }
    return raw.getSimpleName();
  }

  static String snake(final String camel) {
    final StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        b.append('_').append(Character.toLowerCase(ch));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** Every documented type with its description and use case, in the reference's order. */
  public static List<Map<String, String>> available() {
    final List<Map<String, String>> out = new ArrayList<>();
    for (ExecutorDocs.TypeDoc d : ExecutorDocs.TYPES.values()) {
      final Map<String, String> m = new LinkedHashMap<>();
      m.put("type", d.type());
      m.put("description", d.description());
      m.put("use_case", d.useCase());
      out.add(m);
    }
    return out;
  }

  /** For the docs test: the config class of every documented type. */
  static Map<String, Class<? extends ExecutorConfig>> configClasses() {
    final Map<String, Class<? extends ExecutorConfig>> out = new LinkedHashMap<>();
    ExecutorDocs.TYPES.forEach((k, v) -> out.put(k, v.configClass()));
    return out;
  }
}
