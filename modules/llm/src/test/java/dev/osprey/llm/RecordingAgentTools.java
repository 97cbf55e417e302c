package dev.osprey.llm;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Agent tools that record each call and answer {@code createExecutor} as told, the rest ok. */
final class RecordingAgentTools implements AgentTools {
  /** One call: the tool and its arguments in order. */
  record Call(String tool, List<Object> args) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile ToolResult createAnswer = ToolResult.ok("created", Map.of("executor_id", "ex-1"));

  RecordingAgentTools answeringCreateWith(final ToolResult answer) {
    this.createAnswer = answer;
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public CompletionStage<ToolResult> createExecutor(final Map<String, Object> executorConfig) {
    calls.add(new Call("createExecutor", List.of(executorConfig)));
    return CompletableFuture.completedFuture(createAnswer);
  }

  @Override
  public CompletionStage<ToolResult> stopExecutor(final String executorId, final boolean keepPosition) {
    return record("stopExecutor", executorId, keepPosition);
  }

  @Override
  public CompletionStage<ToolResult> suggestConfig(final String key, final Object value, final String reason) {
    return record("suggestConfig", key, value, reason);
  }

  @Override
  public CompletionStage<ToolResult> addLearning(final String text) {
    return record("addLearning", text);
  }

  @Override
  public CompletionStage<ToolResult> retireLearning(final String text) {
    return record("retireLearning", text);
  }

  @Override
  public CompletionStage<ToolResult> runRoutine(final String name, final Map<String, Object> args) {
    return record("runRoutine", name, args);
  }

  private CompletionStage<ToolResult> record(final String tool, final Object... args) {
    calls.add(new Call(tool, List.of(args)));
    return CompletableFuture.completedFuture(ToolResult.ok(tool + " done", Map.of()));
  }
}
