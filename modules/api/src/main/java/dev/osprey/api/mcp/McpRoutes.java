package dev.osprey.api.mcp;

import dev.osprey.api.openapi.ApiSpec;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The node's MCP server at {@code POST /mcp} (Streamable HTTP, stateless): the executor and agent
 * tools, behind the API's basic authentication, each acting only for the caller's controllers.
 */
public final class McpRoutes {
  private final PekkoMcpTransport transport;
  private final McpStatelessSyncServer server;

  public McpRoutes(final ExecutorTools executorTools, final AgentTools agentTools) {
    final Jackson2McpJsonMapper json = new Jackson2McpJsonMapper();
    this.transport = new PekkoMcpTransport(json);
    final List<SyncToolSpecification> tools = new ArrayList<>(executorTools.specifications());
    tools.addAll(agentTools.specifications());
    this.server = McpServer.sync(transport)
        .serverInfo("osprey", ApiSpec.VERSION)
        .jsonMapper(json)
        .jsonSchemaValidator(new TrustingSchemaValidator())
        .validateToolInputs(false)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(tools)
        .build();
  }

  public Route routes() {
    return transport.route();
  }

  /** The server, for a clean shutdown. */
  public McpStatelessSyncServer server() {
    return server;
  }
}
