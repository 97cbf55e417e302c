package dev.osprey.agent.policy;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * How a policy acts: the only way an agent changes anything. Every action is carried out by the
 * agent's entity (recorded as events before and after it happens) under the agent's own {@code
 * controller_id}, through its risk supervisor. Nothing here can change a limit or a trading state.
 * Calls are asynchronous and may be made one after another within a tick.
 */
public interface AgentTools {
  /**
   * Creates an executor from a config as the API takes it ({@code type}, {@code connector_name},
   * {@code trading_pair}, …). The agent sets its id and {@code controller_id}; a config naming
   * another controller is refused ({@code FORBIDDEN}).
   */
  CompletionStage<ToolResult> createExecutor(Map<String, Object> executorConfig);

  /** Stops one of the agent's own executors, keeping its position when asked. */
  CompletionStage<ToolResult> stopExecutor(String executorId, boolean keepPosition);

  /** Proposes a config change; it waits for the user's approval and applies from the next tick. */
  CompletionStage<ToolResult> suggestConfig(String key, Object value, String reason);

  /** Adds a dated insight to {@code learnings.md} (the oldest of 20 active ones retires). */
  CompletionStage<ToolResult> addLearning(String text);

  /** Retires an active insight. */
  CompletionStage<ToolResult> retireLearning(String text);

  /** Runs a named routine (indicators, webhooks, alerts) with its parameters. */
  CompletionStage<ToolResult> runRoutine(String name, Map<String, Object> args);

  /**
   * Publishes {@code message} on {@code topic} of the cluster's event bus (a Loom execution result
   * on {@code execution.btc}, say), after journaling it.
   */
  default CompletionStage<ToolResult> publish(final String topic, final Map<String, Object> message) {
    return java.util.concurrent.CompletableFuture.completedFuture(
        ToolResult.refused("UNAVAILABLE", "publishing to topics is not available here"));
  }
}
