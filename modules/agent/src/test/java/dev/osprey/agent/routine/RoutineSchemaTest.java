package dev.osprey.agent.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RoutineSchemaTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldRenderAsAnLlmToolDefinition() throws JsonProcessingException {
    assertEquals(
        "{\"name\":\"alert\","
            + "\"description\":\"Raise an alert for the operator at INFO, WARN or CRITICAL level\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{"
            + "\"level\":{\"type\":\"string\",\"description\":\"INFO, WARN or CRITICAL\","
            + "\"default\":\"INFO\"},"
            + "\"message\":{\"type\":\"string\","
            + "\"description\":\"what happened, for a human, at most 1000 characters\"}},"
            + "\"required\":[\"message\"],\"additionalProperties\":false}}",
        json.writeValueAsString(RoutineSchema.of(new AlertRoutine())));
  }

  @Test
  void shouldListIntervalsAsAnEnumWithTheirDefault() throws JsonProcessingException {
    assertEquals(
        "{\"type\":\"string\",\"enum\":[\"1m\",\"5m\",\"15m\",\"1h\",\"4h\",\"1d\"],"
            + "\"description\":\"candle length: 1m, 5m, 15m, 1h, 4h, 1d\",\"default\":\"1m\"}",
        json.readTree(json.writeValueAsString(RoutineSchema.of(IndicatorRoutine.rsi())))
            .at("/parameters/properties/interval")
            .toString());
  }
}
