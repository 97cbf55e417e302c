package dev.osprey.engine.agent;

import dev.osprey.agent.policy.ToolResult;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Runs a named routine for an agent; an unknown routine or bad arguments is a refused result. */
@FunctionalInterface
public interface RoutineRunner {
  CompletionStage<ToolResult> run(String agentId, String routine, Map<String, Object> args);
}
