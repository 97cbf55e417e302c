package dev.osprey.llm;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A chat model that can call tools: the port the LLM policy talks through. The policy knows only
 * {@link ChatTurn}s and {@link ToolSpec}s; the adapter owns the wire.
 */
public interface LlmClient extends AutoCloseable {
  /**
   * Asks the model for its next turn.
   *
   * @param conversation the whole conversation to send, system prompt first
   * @param tools the tools it may call
   * @return its answer; fails with {@link LlmCallException} when the endpoint cannot be reached,
   *     times out, answers with an error status or answers something unreadable
   */
  CompletionStage<ModelReply> complete(List<ChatTurn> conversation, List<ToolSpec> tools);

  /** Releases connections and threads. */
  @Override
  void close();
}
