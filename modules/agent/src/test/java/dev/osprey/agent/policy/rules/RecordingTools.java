package dev.osprey.agent.policy.rules;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Tools that record what was asked and answer each create with the next scripted result. */
final class RecordingTools implements AgentTools {
  final List<Map<String, Object>> creates = new ArrayList<>();
  final List<ToolResult> answers = new ArrayList<>();

  @Override
  public CompletionStage<ToolResult> createExecutor(final Map<String, Object> config) {
    creates.add(config);
    final ToolResult r = answers.isEmpty()
        ? ToolResult.ok("created", Map.of("executor_id", "mm:s1:t1:" + (creates.size() - 1)))
        : answers.remove(0);
    return CompletableFuture.completedFuture(r);
  }

  @Override
  public CompletionStage<ToolResult> stopExecutor(final String id, final boolean keep) {
    throw new AssertionError("no stops expected");
  }

  @Override
  public CompletionStage<ToolResult> suggestConfig(final String key, final Object value, final String reason) {
    throw new AssertionError("no suggestions expected");
  }

  @Override
  public CompletionStage<ToolResult> addLearning(final String text) {
    throw new AssertionError("no learnings expected");
  }

  @Override
  public CompletionStage<ToolResult> retireLearning(final String text) {
    throw new AssertionError("no learnings expected");
  }

  @Override
  public CompletionStage<ToolResult> runRoutine(final String name, final Map<String, Object> args) {
    throw new AssertionError("no routines expected");
  }
}
