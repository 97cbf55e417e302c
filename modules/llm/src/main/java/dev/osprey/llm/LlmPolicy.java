package dev.osprey.llm;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.NamedPolicy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import java.util.concurrent.CompletionStage;

/**
 * The policy {@code llm}: a chat model decides, acting only through tool calls that mirror the
 * agent's tools. Each tick continues the session's conversation: the stored history (the last
 * turns, from a user turn on) is replayed after a fresh system prompt, the tick's observation
 * becomes a new user turn, and every turn of the tick is stored when it ends, so a restarted agent,
 * or another interface on the same session, goes on with the same history.
 *
 * <p>A failed tick (endpoint unreachable, an error status, an unreadable answer) stores nothing:
 * what its tools did is in the journal the next tick reads, and the stored conversation stays one
 * the endpoint accepts. The policy keeps no state between ticks; the store does.
 */
public final class LlmPolicy extends NamedPolicy implements AutoCloseable {
  public static final String NAME = "llm";

  private final LlmSettings settings;
  private final ConversationStore conversations;
  private final LlmClient client;
  private final int historyTurns;

  /** With the OpenAI-compatible client and the last 40 turns of history. */
  public LlmPolicy(final LlmSettings settings, final ConversationStore conversations) {
    this(settings, conversations, new OpenAiLlmClient(settings), HistoryWindow.DEFAULT_MAX_TURNS);
  }

  /**
   * @param client the model; closed with the policy
   * @param historyTurns how many of the last stored turns are replayed each tick (fewer when that
   *     would start inside a tick)
   */
  public LlmPolicy(
      final LlmSettings settings, final ConversationStore conversations, final LlmClient client,
      final int historyTurns) {
    super(NAME);
    if (historyTurns < 0) {
      throw new IllegalArgumentException("historyTurns cannot be negative, got " + historyTurns);
    }
    this.settings = settings;
    this.conversations = conversations;
    this.client = client;
    this.historyTurns = historyTurns;
  }

  @Override
  public CompletionStage<PolicyOutcome> decide(final TickContext tick, final AgentTools tools) {
    return conversations.load(tick.agentId(), tick.session())
        .thenCompose(history -> new TickConversation(settings, client, tick, tools,
            HistoryWindow.last(history, historyTurns)).run())
        .thenCompose(transcript -> conversations
            .append(tick.agentId(), tick.session(), transcript.newTurns())
            .thenApply(stored -> transcript.outcome()));
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "LlmPolicy[" + settings + ", historyTurns=" + historyTurns + "]";
  }
}
