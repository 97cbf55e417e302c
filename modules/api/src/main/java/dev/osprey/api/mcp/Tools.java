package dev.osprey.api.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds tool specifications whose handlers run as {@link ToolCall}s. */
final class Tools {
  static final Map<String, Object> STRING = Map.of("type", "string");
  private final ObjectMapper mapper;
  private final Duration timeout;

  Tools(final ObjectMapper mapper, final Duration timeout) {
    this.mapper = mapper;
    this.timeout = timeout;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  SyncToolSpecification tool(final String name, final String description, final McpSchema.JsonSchema input,
      final Function<ToolCall, Object> body) {
    return SyncToolSpecification.builder()
        .tool(McpSchema.Tool.builder().name(name).description(description).inputSchema(input).build())
        .callHandler(ToolCall.handler(mapper, timeout, body))
        .build();
  }

  /** An object schema with these properties, {@code required} among them. */
  static McpSchema.JsonSchema schema(final Map<String, Object> properties, final String... required) {
    return new McpSchema.JsonSchema("object", new LinkedHashMap<>(properties), List.of(required), null, null, null);
  }
}
