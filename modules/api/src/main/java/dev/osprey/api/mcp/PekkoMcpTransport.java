package dev.osprey.api.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import reactor.core.publisher.Mono;

/**
 * The MCP SDK's stateless Streamable HTTP server transport on a Pekko HTTP route ({@code POST
 * /mcp}): each POST carries one JSON-RPC message; a request is answered with its JSON-RPC response as
 * {@code application/json} (Streamable HTTP lets a server answer without SSE), a notification or a
 * response with 202 and no body. Stateless: no {@code Mcp-Session-Id}, so any node of the cluster
 * can answer any request. Who may do what is the gateways' business: an agent harness's route tree
 * (and so its MCP server) runs over gateways scoped to its controllers.
 */
public final class PekkoMcpTransport extends AllDirectives implements McpStatelessServerTransport {
  private final McpJsonMapper json;
  private volatile McpStatelessServerHandler handler;

  public PekkoMcpTransport(final McpJsonMapper json) {
    this.json = json;
  }

  @Override
  public void setMcpHandler(final McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }

  /** {@code POST /mcp}; other methods fall through to the API's 405. */
  public Route route() {
    return path("mcp", () -> post(() -> extractRequest(request ->
        entity(Unmarshaller.entityToString(), body -> completeWithFuture(answer(request, body))))));
  }

  private CompletionStage<HttpResponse> answer(final HttpRequest request, final String body) {
    final McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, body);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.completedFuture(jsonRpcError(McpSchema.ErrorCodes.PARSE_ERROR,
          "not a JSON-RPC message: " + e.getMessage()));
    }
    try {
      // A message the SDK cannot handle (unknown method, malformed params) is the client's error:
      // a JSON-RPC error with 400, never a 500.
      return dispatch(message).exceptionally(e -> jsonRpcError(McpSchema.ErrorCodes.INVALID_PARAMS,
          String.valueOf((e.getCause() != null ? e.getCause() : e).getMessage())));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(jsonRpcError(McpSchema.ErrorCodes.INVALID_REQUEST,
          String.valueOf(e.getMessage())));
    }
  }

  private CompletableFuture<HttpResponse> dispatch(final McpSchema.JSONRPCMessage message) {
    final McpTransportContext context = McpTransportContext.create(
        Map.of());
    if (message instanceof McpSchema.JSONRPCRequest call) {
      return handler.handleRequest(context, call).toFuture().thenApply(this::ok);
    }
    if (message instanceof McpSchema.JSONRPCNotification note) {
      return handler.handleNotification(context, note).toFuture()
          .thenApply(done -> HttpResponse.create().withStatus(StatusCodes.ACCEPTED));
    }
    // A client's response to a server request: a stateless server sends none, so nothing waits.
    return CompletableFuture.completedFuture(HttpResponse.create().withStatus(StatusCodes.ACCEPTED));
  }

  private HttpResponse ok(final McpSchema.JSONRPCResponse response) {
    try {
      return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, json.writeValueAsBytes(response));
    } catch (IOException e) {
      return jsonRpcError(McpSchema.ErrorCodes.INTERNAL_ERROR, "cannot write the response: " + e.getMessage());
    }
  }

  private HttpResponse jsonRpcError(final int code, final String message) {
    final McpSchema.JSONRPCResponse error = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, null, null,
        new McpSchema.JSONRPCResponse.JSONRPCError(code, message, null));
    try {
      return HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST)
          .withEntity(ContentTypes.APPLICATION_JSON, json.writeValueAsBytes(error));
    } catch (IOException e) {
      return HttpResponse.create().withStatus(StatusCodes.INTERNAL_SERVER_ERROR);
    }
  }
}
