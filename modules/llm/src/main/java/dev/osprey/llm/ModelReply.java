package dev.osprey.llm;

import java.util.List;

/**
 * One answer of the model.
 *
 * @param content its text; empty when it only calls tools
 * @param toolCalls the tools it calls, in its order; empty for a final answer
 * @param usage the tokens this call spent
 */
public record ModelReply(String content, List<ToolCall> toolCalls, TokenUsage usage) {
  public ModelReply {
    content = content == null ? "" : content;
    toolCalls = List.copyOf(toolCalls);
  }

  /** The turn to append to the conversation. */
  ChatTurn turn() {
    return ChatTurn.assistant(content.isEmpty() ? null : content, toolCalls);
  }
}
