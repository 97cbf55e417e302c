package dev.osprey.engine.agent;

import dev.osprey.agent.policy.ToolResult;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.agent.AgentProtocol.AddLearning;
import dev.osprey.engine.agent.AgentProtocol.CreateExecutor;
import dev.osprey.engine.agent.AgentProtocol.RetireLearning;
import dev.osprey.engine.agent.AgentProtocol.StopExecutor;
import dev.osprey.engine.agent.AgentProtocol.SuggestConfig;
import dev.osprey.engine.agent.AgentProtocol.ToolRequest;
import java.util.Optional;

/**
 * What an agent may not do through its tools, before anything is sent: act for another controller,
 * stop an executor that is not its own, touch a limit (limits are the user's only), or send an
 * empty key or text. One set of rules for the live agent and its replay in a backtest.
 */
public final class AgentToolRules {
  private AgentToolRules() {}

  /**
   * The id of the {@code n}th executor (from 0) an agent creates in a tick: {@code
   * <agent>:s<session>:t<tick>:<n>}, deterministic, so a create answered after a crash is looked up
   * by id, never sent again as a new executor.
   */
  public static String executorId(final String agentId, final int session, final long tick, final int n) {
    return agentId + ":s" + session + ":t" + tick + ":" + n;
  }

  /** The refusal of {@code request} by agent {@code agentId} in {@code state}, or empty to go on. */
  public static Optional<ToolResult> refusal(final String agentId, final AgentState state, final ToolRequest request) {
    if (request instanceof CreateExecutor r) {
      final Object controller = r.config() == null ? null : r.config().get("controller_id");
      return controller != null && !agentId.equals(controller.toString())
          ? refused("FORBIDDEN", "controller_id " + controller + " is not this agent's (" + agentId + ")")
          : Optional.empty();
    }
    if (request instanceof StopExecutor r) {
      return state.owns(r.executorId()) ? Optional.empty()
          : refused("FORBIDDEN", "executor " + r.executorId() + " is not one of agent " + agentId + "'s");
    }
    if (request instanceof SuggestConfig r) {
      if (r.key() == null || r.key().isBlank()) {
        return refused("INVALID", "suggest_config needs a config key");
      }
      return RiskLimits.KEYS.contains(r.key())
          ? refused("FORBIDDEN", r.key() + " is a limit: limits are the user's only, an agent cannot change or suggest them")
          : Optional.empty();
    }
    if (request instanceof AddLearning r) {
      return r.text() == null || r.text().isBlank() ? refused("INVALID", "add_learning needs a text") : Optional.empty();
    }
    if (request instanceof AgentProtocol.Publish r) {
      if (!dev.osprey.engine.topic.TopicNames.isValid(r.topic())) {
        return refused("INVALID", "topic '" + r.topic() + "' " + dev.osprey.engine.topic.TopicNames.RULE);
      }
      return r.message() == null ? refused("INVALID", "publish needs a message") : Optional.empty();
    }
    if (request instanceof RetireLearning r) {
      return state.hasActive(r.text()) ? Optional.empty() : refused("NOT_FOUND", "no active learning '" + r.text() + "'");
    }
    return Optional.empty();
  }

  private static Optional<ToolResult> refused(final String code, final String message) {
    return Optional.of(ToolResult.refused(code, message));
  }
}
