package dev.osprey.engine.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.AgentDefinition;
import dev.osprey.domain.risk.RiskLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's definition as its journal keeps it. The configs travel as JSON text with decimals kept
 * exact (a {@code Map<String, Object>} through CBOR would turn 0.3 into a double), and nothing is
 * validated when it is read back: a rule tightened later must not make an old agent fail to recover.
 * The limits are here as agent.md gave them; the risk supervisor holds the ones in force.
 */
public record AgentSpec(
    String slug,
    String name,
    String description,
    long tickIntervalSeconds,
    List<String> connectors,
    String configsJson,
    RiskLimits limits,
    String policy,
    String instructions) {

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  public static AgentSpec of(final AgentDefinition d) {
    return new AgentSpec(d.slug(), d.name(), d.description(), d.tickInterval().toSeconds(), d.connectors(),
        toJson(d.configs()), d.limits(), d.policy(), d.instructions());
  }

  public AgentDefinition definition() {
    return new AgentDefinition(slug, name, description, Duration.ofSeconds(tickIntervalSeconds), connectors,
        configs(), limits, policy, instructions);
  }

  public Map<String, Object> configs() {
    return fromJson(configsJson);
  }

  /** A value as JSON text, decimals exact: how configs and suggestions are journaled. */
  public static String toJson(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Object> fromJson(final String json) {
    try {
      final Map<String, Object> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
      return m == null ? new LinkedHashMap<>() : m;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored configs are not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A persisted JSON value (a suggestion's), as plain maps, lists, strings and decimals. */
  public static Object valueOf(final String json) {
    return valueFromJson(json);
  }

  static Object valueFromJson(final String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
