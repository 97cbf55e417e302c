package dev.osprey.agent.policy;

import dev.osprey.agent.AgentDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a policy gets for one tick besides its tools.
 *
 * @param agentId the agent's slug, also its {@code controller_id}
 * @param configs the configs in force this tick (agent.md's, with approved suggestions applied)
 * @param learnings the active insights, oldest first
 * @param journal the session's journal so far, as {@code journal.md} renders it
 * @param trigger the topic message this tick answers, if a message (not the clock) started it
 */
public record TickContext(
    String agentId,
    int session,
    long tick,
    Instant now,
    AgentDefinition definition,
    Map<String, Object> configs,
    List<String> learnings,
    String journal,
    Observation observation,
    java.util.Optional<Trigger> trigger) {

  /** A tick the clock started. */
  public TickContext(final String agentId, final int session, final long tick, final Instant now,
      final AgentDefinition definition, final Map<String, Object> configs, final List<String> learnings,
      final String journal, final Observation observation) {
    this(agentId, session, tick, now, definition, configs, learnings, journal, observation, java.util.Optional.empty());
  }

  /** A config value as text, or {@code fallback} when unset. */
  public String config(final String key, final String fallback) {
    final Object v = configs.get(key);
    return v == null ? fallback : v.toString();
  }

  /** A config value as a decimal, or {@code fallback} when unset. */
  public java.math.BigDecimal decimal(final String key, final java.math.BigDecimal fallback) {
    final Object v = configs.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return new java.math.BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("config " + key + " must be a number, got '" + v + "'");
    }
  }
}
