package dev.osprey.agent;

import dev.osprey.domain.risk.RiskLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An agent as its {@code agent.md} defines it: the YAML front matter (name, tick interval,
 * connectors, configs, limits, policy) and the markdown body (goal, rules), which is the agent's
 * instructions. The slug is the agent's directory name, its id and its {@code controller_id}.
 *
 * @param slug the agent id: the directory name under {@code trading_agents/}
 * @param name the display name ({@code name:})
 * @param description one line ({@code description:}), empty when absent
 * @param tickInterval how often a running session ticks ({@code tick_interval:}, seconds)
 * @param connectors the connectors it trades, as written (a venue without credentials runs on its
 *     {@code _paper_trade} twin)
 * @param configs the agent-suggestible configs ({@code configs:}); values as YAML gave them
 *     (String, Integer/Long, BigDecimal, Boolean, List, Map)
 * @param limits the user-only limits ({@code limits:})
 * @param policy the policy that decides: a built-in rule policy name or {@code llm}
 * @param instructions the markdown body, verbatim
 */
public record AgentDefinition(
    String slug,
    String name,
    String description,
    Duration tickInterval,
    List<String> connectors,
    Map<String, Object> configs,
    RiskLimits limits,
    String policy,
    String instructions) {

  public AgentDefinition {
    connectors = List.copyOf(connectors);
    configs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configs));
  }
}
