package dev.osprey.engine.agent;

import java.util.List;
import java.util.Map;

/**
 * An agent as the HTTP layer and the MCP server see it: its state, the live numbers of its
 * executors, and notes (e.g. a connector that runs on its paper twin).
 */
public record AgentView(AgentState state, Map<String, AgentFiles.Numbers> numbers, List<String> notes) {

  public String id() {
    return state.spec().slug();
  }
}
