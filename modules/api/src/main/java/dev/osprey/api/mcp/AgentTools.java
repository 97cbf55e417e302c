package dev.osprey.api.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.agents.AgentFilesCodec;
import dev.osprey.api.agents.AgentJson;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentProtocol.SessionAction;
import dev.osprey.engine.agent.AgentView;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent tools of the MCP server, on the same gateway as {@code /agents}: list and read agents,
 * start, pause, resume and stop their sessions, read one of their files. An agent's id is its
 * controller id, so the caller's controllers are the agents it may use.
 */
public final class AgentTools {
  private final Tools tools;
  private final AgentGateway agents;
  private final String by;
  private final AgentFilesCodec files;

  /** @param by who acts (the authenticated user), recorded on the session changes it makes */
  public AgentTools(final ObjectMapper mapper, final Duration timeout, final AgentGateway agents,
      final AgentFilesCodec files, final String by) {
    this.by = by;
    this.tools = new Tools(mapper, timeout);
    this.agents = agents;
    this.files = files;
  }

  public List<SyncToolSpecification> specifications() {
    final List<SyncToolSpecification> out = new ArrayList<>();
    out.add(tools.tool("list_agents", "The agents the caller may act for", Tools.schema(Map.of()), this::list));
    out.add(tools.tool("get_agent", "One agent: spec, session, suggestions, numbers",
        Tools.schema(Map.of("agent_id", Tools.STRING), "agent_id"), this::get));
    for (SessionAction action : SessionAction.values()) {
      final String verb = action.name().toLowerCase(Locale.ROOT);
      out.add(tools.tool(verb + "_session", "The agent's session: " + verb,
          Tools.schema(Map.of("agent_id", Tools.STRING), "agent_id"), call -> session(call, action)));
    }
    out.add(tools.tool("get_agent_file", "One file of the agent's trading_agents/{id}/ tree, as text",
        Tools.schema(Map.of("agent_id", Tools.STRING, "path", Tools.STRING), "agent_id", "path"), this::file));
    return out;
  }

  private Object list(final ToolCall call) {
    return AgentJson.list(call.await(agents.list()));
  }

  private AgentView agent(final ToolCall call) {
    return call.await(agents.get(call.text("agent_id")));
  }

  private Object get(final ToolCall call) {
    return AgentJson.view(agent(call));
  }

  private Object session(final ToolCall call, final SessionAction action) {
    final String id = call.text("agent_id");
    return AgentJson.view(call.await(agents.session(id, action, by)));
  }

  private Object file(final ToolCall call) {
    final Map<String, byte[]> tree = files.tree(agent(call));
    final String path = call.text("path");
    final byte[] content = tree.get(path);
    if (content == null) {
      throw new ToolCall.Refused("NOT_FOUND", "no file " + path + " (files: " + String.join(", ", tree.keySet()) + ")");
    }
    return Map.of("path", path, "content", new String(content, StandardCharsets.UTF_8));
  }
}
