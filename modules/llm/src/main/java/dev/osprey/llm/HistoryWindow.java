package dev.osprey.llm;

import java.util.List;

/**
 * The part of a session's history that is replayed to the model: at most the last {@code maxTurns}
 * turns, starting at a user turn. Cutting anywhere else could leave a tool result without the
 * assistant turn that called it (or an assistant turn without its tick's question), which
 * chat-completions endpoints refuse.
 */
final class HistoryWindow {
  /** The default bound: about four to ten ticks of a tool-using agent. */
  static final int DEFAULT_MAX_TURNS = 40;

  private HistoryWindow() {}

  static List<ChatTurn> last(final List<ChatTurn> history, final int maxTurns) {
    int start = Math.max(0, history.size() - maxTurns);
    while (start < history.size() && !history.get(start).fromUser()) {
      start++;
    }
    return history.subList(start, history.size());
  }
}
