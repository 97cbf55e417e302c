package dev.osprey.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.llm.ChatTurn;
import dev.osprey.llm.ConversationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * LLM conversations kept in the agent's own journal (one event per tick), so that a session goes
 * on with the same history after a restart, on another node, or from another interface.
 */
final class JournaledConversations implements ConversationStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Supplier<AgentGateway> agents;

  /** @param agents the gateway, once the node has built it (the policy exists before it) */
  JournaledConversations(final Supplier<AgentGateway> agents) {
    this.agents = agents;
  }

  @Override
  public CompletionStage<List<ChatTurn>> load(final String agentId, final int session) {
    return agents.get().conversation(agentId, session).thenApply(turns -> {
      final List<ChatTurn> out = new ArrayList<>();
      for (String t : turns) {
        try {
          out.add(JSON.readValue(t, ChatTurn.class));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a stored conversation turn is not a chat turn: " + e.getOriginalMessage(), e);
        }
      }
      return out;
    });
  }

  @Override
  public CompletionStage<Void> append(final String agentId, final int session, final List<ChatTurn> turns) {
    final List<String> json = new ArrayList<>();
    for (ChatTurn t : turns) {
      try {
        json.add(JSON.writeValueAsString(t));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("a chat turn is not writable as JSON", e);
      }
    }
    return agents.get().appendConversation(agentId, session, json);
  }
}
