package dev.osprey.api.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.json.ExecutorSchemas;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of {@code executor_config}, one per executor type, translated from {@link
 * ExecutorSchemas} (field names and types read from the config records, docs from {@code
 * ExecutorDocs}) so the OpenAPI document and {@code GET /executors/types/{type}/config} cannot
 * disagree.
 */
final class ExecutorConfigSchemas {
  private ExecutorConfigSchemas() {}

  /**
   * Adds {@code ExecutorConfig} (one of the types, told apart by {@code type}), each type's
   * config and their nested records to {@code components}.
   */
  static void addTo(final ObjectNode components) {
    final ObjectNode oneOf = Schemas.F.objectNode();
    final ArrayNode options = oneOf.putArray("oneOf");
    final ObjectNode mapping = oneOf.putObject("discriminator").put("propertyName", "type").putObject("mapping");
    for (Map<String, String> available : ExecutorSchemas.available()) {
      final ExecutorSchemas.Schema s = ExecutorSchemas.of(available.get("type")).orElseThrow();
      final Schemas.Obj config = Schemas.object(true)
          .description(s.description() + ". Use: " + s.useCase())
          .prop("type", Schemas.string().put("const", s.executorType()))
          .required("type");
      addFields(config, s.fields());
      components.set(s.configClass(), config.build());
      s.nestedTypes().forEach((name, fields) -> {
        if (!components.has(name)) {
          final Schemas.Obj nested = Schemas.object(true);
          addFields(nested, fields);
          components.set(name, nested.build());
        }
      });
      options.add(Schemas.ref(s.configClass()));
      mapping.put(s.executorType(), "#/components/schemas/" + s.configClass());
    }
    components.set("ExecutorConfig", oneOf);
  }

  private static void addFields(final Schemas.Obj object, final List<ExecutorSchemas.Field> fields) {
    for (ExecutorSchemas.Field f : fields) {
      final ObjectNode schema = schemaOf(f.type(), f.enumValues());
      final StringBuilder doc = new StringBuilder(f.description() == null ? "" : f.description());
      if (f.constraints() != null) {
        doc.append(doc.length() == 0 ? "" : ". ").append("Constraints: ").append(f.constraints());
      }
      if (f.defaultValue() != null) {
        doc.append(doc.length() == 0 ? "" : ". ").append("Default: ").append(f.defaultValue());
      }
      // A $ref sibling keyword is allowed in 3.1; the description says what the field is for.
      schema.put("description", doc.toString());
      object.prop(f.name(), schema);
      if (f.required()) {
        object.required(f.name());
      }
    }
  }

  /** The JSON Schema of one of {@link ExecutorSchemas}' field types. */
  static ObjectNode schemaOf(final String type, final List<String> enumValues) {
    if (type.startsWith("list[") && type.endsWith("]")) {
      return Schemas.array(schemaOf(type.substring(5, type.length() - 1), null));
    }
    switch (type) {
      case "decimal":
        return Schemas.decimal();
      case "integer":
        return Schemas.integer();
      case "boolean":
        return Schemas.bool();
      case "string":
        return Schemas.string();
      case "object":
        return Schemas.type("object");
      case "trading_pair":
        return Schemas.pattern(Schemas.PAIR_PATTERN);
      case "epoch_seconds":
        return Schemas.type("number");
      case "enum":
        return enumValues == null ? Schemas.string() : Schemas.enumOf(enumValues);
      default:
        // Any other name is a nested record, a component of its own.
        return Schemas.ref(type);
    }
  }
}
