package dev.osprey.llm;

import java.util.List;
import java.util.Set;

/**
 * One message of an agent's conversation with its model, in the shape that is persisted: strings
 * only, so it serializes as it is (Jackson JSON or CBOR, no annotations) and can be journaled by
 * the agent's entity and replayed by any interface that continues the session.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; null for an assistant turn that only calls tools
 * @param toolCallId for a {@code tool} turn, the id of the call it answers; else null
 * @param toolCalls for an {@code assistant} turn that calls tools, the calls as the wire format's
 *     {@code tool_calls} JSON array; else null
 */
public record ChatTurn(String role, String content, String toolCallId, String toolCalls) {
  public static final String SYSTEM = "system";
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";
  public static final String TOOL = "tool";

  private static final Set<String> ROLES = Set.of(SYSTEM, USER, ASSISTANT, TOOL);

  public ChatTurn {
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be one of " + ROLES + ", got " + role);
    }
    if (TOOL.equals(role) && toolCallId == null) {
      throw new IllegalArgumentException("a tool turn needs the id of the call it answers");
    }
  }

  public static ChatTurn system(final String content) {
    return new ChatTurn(SYSTEM, content, null, null);
  }

  public static ChatTurn user(final String content) {
    return new ChatTurn(USER, content, null, null);
  }

  /** The model's answer: its text (maybe null) and the tools it calls (maybe none). */
  public static ChatTurn assistant(final String content, final List<ToolCall> calls) {
    return new ChatTurn(ASSISTANT, content, null, calls.isEmpty() ? null : ToolCall.toJson(calls));
  }

  /** A tool's result, answering the call {@code toolCallId}. */
  public static ChatTurn tool(final String toolCallId, final String content) {
    return new ChatTurn(TOOL, content, toolCallId, null);
  }

  /** The tool calls of an assistant turn; empty for any other turn. */
  public List<ToolCall> calls() {
    return toolCalls == null ? List.of() : ToolCall.fromJson(toolCalls);
  }

  /** Whether this turn opens a tick. (Not {@code isUser}: serializers would read it as a field.) */
  public boolean fromUser() {
    return USER.equals(role);
  }
}
