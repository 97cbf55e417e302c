package dev.osprey.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool call of an assistant turn, as the model wrote it.
 *
 * @param id the model's id for the call; the tool turn answering it carries the same id
 * @param name the tool's name, as the model spelled it (maybe not one of ours)
 * @param argumentsJson the arguments verbatim (maybe not valid JSON)
 */
public record ToolCall(String id, String name, String argumentsJson) {

  /** Calls as the chat-completions wire format lists them: what {@link ChatTurn} stores. */
  static String toJson(final List<ToolCall> calls) {
    final List<Map<String, Object>> wire = new ArrayList<>();
    for (ToolCall call : calls) {
      final Map<String, Object> function = new LinkedHashMap<>();
      function.put("name", call.name());
      function.put("arguments", call.argumentsJson());
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", call.id());
      m.put("type", "function");
      m.put("function", function);
      wire.add(m);
    }
    return LlmJson.write(wire);
  }

  /** The calls {@link #toJson} wrote. */
  static List<ToolCall> fromJson(final String json) {
    try {
      final List<ToolCall> calls = new ArrayList<>();
      for (JsonNode node : LlmJson.MAPPER.readTree(json)) {
        final JsonNode function = node.path("function");
        calls.add(new ToolCall(node.path("id").asText(), function.path("name").asText(),
            function.path("arguments").asText()));
      }
      return calls;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "stored tool calls are not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
