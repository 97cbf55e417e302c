package dev.osprey.llm;

import dev.osprey.agent.policy.ToolResult;

/**
 * A tool call the policy cannot carry out as written (unknown tool, arguments that are not JSON or
 * do not fit the tool's schema). Not a failure of the tick: it goes back to the model as a result,
 * so the model can correct itself.
 */
final class InvalidToolCall extends Exception {
  static final String CODE = "INVALID_TOOL_CALL";

  InvalidToolCall(final String problem) {
    super(problem, null, false, false);
  }

  ToolResult toResult() {
    return ToolResult.refused(CODE, getMessage());
  }
}
