package dev.osprey.api.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.EntityError;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * One MCP tool call: its arguments as a Jackson tree, and
 * how gateway answers become tool results. A refusal (risk, scope, input) is a result with {@code
 * isError: true} whose text starts with the reason code ({@code MAX_OPEN_EXECUTORS: …}), as MCP
 * asks for errors the model should see, not a JSON-RPC error.
 */
final class ToolCall {
  /** A refusal while running a tool, carried to the result as code and message. */
  static final class Refused extends RuntimeException {
    private final String code;

    Refused(final String code, final String message) {
      super(message);
      this.code = code;
    }
  }

  private final ObjectMapper mapper;
  private final Duration timeout;
  final JsonNode args;

  private ToolCall(final ObjectMapper mapper, final Duration timeout, final JsonNode args) {
    this.mapper = mapper;
    this.timeout = timeout;
    this.args = args;
  }

  /** A tool handler for the SDK: runs {@code body} and turns its answer or refusal into a result. */
  static BiFunction<McpTransportContext, McpSchema.CallToolRequest, CallToolResult> handler(
      final ObjectMapper mapper, final Duration timeout, final java.util.function.Function<ToolCall, Object> body) {
    return (context, request) -> {
      final Map<String, Object> raw = request.arguments() == null ? Map.of() : request.arguments();
      final ToolCall call = new ToolCall(mapper, timeout, mapper.valueToTree(raw));
      try {
        return call.result(body.apply(call));
      } catch (Refused e) {
        return error(e.code, e.getMessage());
      } catch (FieldViolation.Invalid e) {
        return error("INVALID_REQUEST", e.getMessage());
      } catch (IllegalArgumentException e) {
        return error("INVALID_REQUEST", e.getMessage());
      }
    };
  }

  /** The gateway's answer, waited for; its failure as a {@link Refused} with the engine's code. */
  <T> T await(final CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      final Throwable cause = e.getCause();
      if (cause instanceof EntityError.GatewayException g) {
        throw new Refused(g.error().code(), g.error().message());
      }
      if (cause instanceof FieldViolation.Invalid inv) {
        throw inv;
      }
      if (cause instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new Refused("INTERNAL", String.valueOf(cause));
    } catch (TimeoutException e) {
      throw new Refused("TIMEOUT", "the cluster did not answer in time; the request may still complete");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused("INTERRUPTED", "interrupted");
    }
  }

  /** A required string argument. */
  String text(final String name) {
    final JsonNode n = args.get(name);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new FieldViolation.Invalid(name, "is required: a string");
    }
    return n.asText();
  }

  private CallToolResult result(final Object value) {
    try {
      return CallToolResult.builder().addTextContent(mapper.writeValueAsString(value)).isError(false).build();
    } catch (JsonProcessingException e) {
      return error("INTERNAL", "cannot write the result: " + e.getOriginalMessage());
    }
  }

  private static CallToolResult error(final String code, final String message) {
    return CallToolResult.builder().addTextContent(code + ": " + message).isError(true).build();
  }
}
