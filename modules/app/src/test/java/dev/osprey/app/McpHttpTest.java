package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MCP server at {@code /mcp}, driven by the MCP Java SDK's own client over Streamable HTTP with
 * basic authentication: it lists the tools, a risk denial comes back as a tool error carrying the
 * reason code, and an agent user cannot act for a controller it is not bound to.
 */
class McpHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-02T12:00:00Z");
  private static final String HARNESS = HttpNode.basic("harness", "harness-password");
  private static final Map<String, Object> LIMIT_BUY = Map.of("type", "order_executor", "connector_name", "paper",
      "trading_pair", "MCPX-USDT", "side", "BUY", "amount", "1", "execution_strategy", "LIMIT", "price", "50");
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK, ConfigFactory.parseString("""
      osprey.auth.agents = [{username = "harness", password = "harness-password", controllers = ["mcp-a"]}]
      """));

  @BeforeAll
  static void start() throws Exception {
    node.send("POST", "/paper/markets/MCPX-USDT/quote", "{\"price\": \"100\"}");
  }

  private static McpSyncClient client(final String authorization) {
    final HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(node.baseUri())
        .endpoint("/mcp")
        .requestBuilder(HttpRequest.newBuilder().header("Authorization", authorization))
        .build();
    final McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static String text(final McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void shouldListTheExecutorAndAgentTools() {
    try (McpSyncClient client = client(HttpNode.ADMIN)) {
      final Set<String> names = new TreeSet<>();
      client.listTools().tools().forEach(t -> names.add(t.name()));
      assertEquals(new TreeSet<>(List.of("create_executor", "stop_executor", "get_executor", "search_executors",
          "get_positions", "get_risk_state", "list_agents", "get_agent", "start_session", "pause_session",
          "resume_session", "stop_session", "get_agent_file")), names);
    }
  }

  @Test
  void shouldAnswerARiskDenialAsAToolErrorWithItsReasonCode() throws Exception {
    final HttpResponse<String> limits = node.send("PUT", "/controllers/mcp-denied/limits", "{\"max_open_executors\": 0}");
    assertEquals(200, limits.statusCode(), limits.body());
    try (McpSyncClient client = client(HttpNode.ADMIN)) {
      final McpSchema.CallToolResult denied = client.callTool(new McpSchema.CallToolRequest("create_executor",
          Map.of("controller_id", "mcp-denied", "executor_config", LIMIT_BUY)));
      assertTrue(denied.isError(), text(denied));
      assertTrue(text(denied).startsWith("MAX_OPEN_EXECUTORS: "), text(denied));
    }
  }

  @Test
  void shouldActForTheBoundControllersOfAnAgentUserOnly() {
    try (McpSyncClient client = client(HARNESS)) {
      final McpSchema.CallToolResult other = client.callTool(new McpSchema.CallToolRequest("create_executor",
          Map.of("controller_id", "mcp-b", "executor_config", LIMIT_BUY)));
      assertTrue(other.isError(), text(other));
      assertEquals("FORBIDDEN: user harness may act for controllers [mcp-a] only: not mcp-b", text(other));
      final McpSchema.CallToolResult risk = client.callTool(new McpSchema.CallToolRequest("get_risk_state",
          Map.of("controller_id", "mcp-b")));
      assertTrue(risk.isError(), text(risk));

      final McpSchema.CallToolResult own = client.callTool(new McpSchema.CallToolRequest("create_executor",
          Map.of("controller_id", "mcp-a", "executor_config", LIMIT_BUY)));
      assertFalse(own.isError(), text(own));
      assertTrue(text(own).contains("\"controller_id\":\"mcp-a\""), text(own));
    }
  }
}
