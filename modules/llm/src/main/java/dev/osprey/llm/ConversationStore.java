package dev.osprey.llm;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where an agent's conversation with its model is kept, per session, so that a session continues
 * with the same history after a restart or from another interface. Turns are only ever appended,
 * in order; a store never reorders or edits them. Asynchronous so that the agent's entity can be
 * the store (load = ask it for its turns, append = a command that journals them as one event).
 *
 * <p>The system prompt is not stored: it is rebuilt every tick from the agent's current definition.
 */
public interface ConversationStore {
  /** Every turn of the session, oldest first; empty for a session that has none yet. */
  CompletionStage<List<ChatTurn>> load(String agentId, int session);

  /** Appends the turns of one tick, after those already stored, all or none. */
  CompletionStage<Void> append(String agentId, int session, List<ChatTurn> turns);
}
