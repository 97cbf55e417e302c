package dev.osprey.engine.agent;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.engine.agent.AgentProtocol.SessionAction;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP layer and the MCP server may do with agents. Failures complete the stage with an
 * {@link dev.osprey.engine.EntityError.GatewayException} whose kind says how to answer.
 */
public interface AgentGateway {
  /**
   * Creates the agent: its limits go to its risk supervisor (the user sets them, by importing
   * agent.md), then the agent entity is created. Creating the same definition again is a no-op;
   * another definition under the same id is a CONFLICT.
   */
  CompletionStage<AgentView> create(AgentDefinition definition, String by);

  /** As {@link #create(AgentDefinition, String)}, with the insights of an imported learnings.md. */
  CompletionStage<AgentView> create(AgentDefinition definition, List<dev.osprey.agent.files.Insight> learnings,
      String by);

  CompletionStage<AgentView> get(String agentId);

  /** Every agent id, sorted. */
  CompletionStage<List<String>> list();

  CompletionStage<AgentView> session(String agentId, SessionAction action, String by);

  /** An LLM policy's conversation in {@code session}: its turns (JSON), oldest first. */
  CompletionStage<List<String>> conversation(String agentId, int session);

  /** Journals further turns of that conversation. */
  CompletionStage<Void> appendConversation(String agentId, int session, List<String> turns);

  CompletionStage<AgentView> decideSuggestion(
      String agentId, long suggestionId, boolean approve, String by, String reason);
}
