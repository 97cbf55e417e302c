package dev.osprey.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConversationStore} in memory: for tests and for running without persistence. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, List<ChatTurn>> sessions = new ConcurrentHashMap<>();

  @Override
  public CompletionStage<List<ChatTurn>> load(final String agentId, final int session) {
    final List<ChatTurn> turns = sessions.getOrDefault(key(agentId, session), List.of());
    synchronized (turns) {
      return CompletableFuture.completedFuture(List.copyOf(turns));
    }
  }

  @Override
  public CompletionStage<Void> append(
      final String agentId, final int session, final List<ChatTurn> turns) {
    final List<ChatTurn> stored =
        sessions.computeIfAbsent(key(agentId, session), k -> new ArrayList<>());
    synchronized (stored) {
      stored.addAll(turns);
    }
    return CompletableFuture.completedFuture(null);
  }

  private static String key(final String agentId, final int session) {
    return agentId + "/" + session;
  }
}
