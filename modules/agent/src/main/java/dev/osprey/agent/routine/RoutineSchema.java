package dev.osprey.agent.routine;

import dev.osprey.agent.market.CandleInterval;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routine described as plain maps and lists (ready for Jackson): its name, description and a
 * JSON-schema object of its parameters. The same shape serves the HTTP listing of routines and
 * LLM tool definitions, whose {@code parameters} field takes exactly such a schema.
 */
public final class RoutineSchema {
  private RoutineSchema() {}

  /**
   * Describes one routine.
   *
   * @return {@code {name, description, parameters: {type: object, properties, required,
   *     additionalProperties: false}}}, keys in that order
   */
  public static Map<String, Object> of(final Routine routine) {
    final Map<String, Object> properties = new LinkedHashMap<>();
    for (final RoutineParam param : routine.params()) {
      properties.put(param.name(), property(param));
    }
    final Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("type", "object");
    parameters.put("properties", properties);
    parameters.put(
        "required",
        routine.params().stream().filter(RoutineParam::required).map(RoutineParam::name).toList());
    // unknown arguments are refused by RoutineArgs, so the schema says so too
    parameters.put("additionalProperties", false);

    final Map<String, Object> description = new LinkedHashMap<>();
    description.put("name", routine.name());
    description.put("description", routine.description());
    description.put("parameters", parameters);
    return description;
  }

  private static Map<String, Object> property(final RoutineParam param) {
    final Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", param.type().jsonType());
    if (param.type() == ParamType.INTERVAL) {
      final List<String> labels =
          Arrays.stream(CandleInterval.values()).map(CandleInterval::label).toList();
      property.put("enum", labels);
    }
    property.put("description", param.description());
    if (param.defaultValue() != null) {
      property.put("default", param.defaultValue());
    }
    return property;
  }
}
