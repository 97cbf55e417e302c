package dev.osprey.engine.agent;

import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.engine.CborSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persisted facts of an agent. The agent's files (journal, learnings, config) are renderings of
 * these. Class and field names are persisted: never rename them.
 */
public interface AgentEvent extends CborSerializable {

  /** The agent was created (imported) by {@code by}. */
  record AgentCreated(AgentSpec spec, String by, Instant at) implements AgentEvent {}

  /** The user started session {@code session}. */
  record SessionStarted(int session, String by, Instant at) implements AgentEvent {}

  record SessionPaused(int session, String by, Instant at) implements AgentEvent {}

  record SessionResumed(int session, String by, Instant at) implements AgentEvent {}

  record SessionStopped(int session, String by, Instant at) implements AgentEvent {}

  /** Tick {@code tick} of the session began: written before anything is observed or decided. */
  record TickStarted(int session, long tick, Instant at) implements AgentEvent {}

  /**
   * The policy asked for an executor; written before the create is sent, so that after a crash the
   * agent asks for {@code executorId} instead of creating another.
   */
  record ExecutorRequested(int session, long tick, String executorId, String configJson, Instant at)
      implements AgentEvent {}

  /** The executor was created. {@code amountQuote} is its planned amount (what risk counted). */
  record ExecutorCreated(
      int session, long tick, String executorId, String type, String connector, String tradingPair,
      String side, BigDecimal amountQuote, Instant at) implements AgentEvent {}

  /**
   * An action was refused: by the risk supervisor (its reason code), by validation ({@code
   * INVALID_CONFIG}), or because it is not the agent's to take ({@code FORBIDDEN}).
   */
  record ActionRefused(
      int session, long tick, String action, String executorId, String code, String message, Instant at)
      implements AgentEvent {}

  /** The agent stopped one of its executors. */
  record ExecutorStopped(int session, long tick, String executorId, boolean keepPosition, Instant at)
      implements AgentEvent {}

  /** The policy suggested a config change; it waits for the user. */
  record ConfigSuggested(
      long suggestionId, int session, long tick, String key, String valueJson, String reason, Instant at)
      implements AgentEvent {}

  record SuggestionApproved(long suggestionId, String by, Instant at) implements AgentEvent {}

  record SuggestionRejected(long suggestionId, String by, String reason, Instant at) implements AgentEvent {}

  record LearningAdded(String text, Instant at) implements AgentEvent {}

  record LearningRetired(String text, Instant at) implements AgentEvent {}

  /** A routine ran for the policy. */
  record RoutineRan(int session, long tick, String routine, boolean ok, String summary, Instant at)
      implements AgentEvent {}

  /** An LLM policy's conversation went on by these turns (JSON each), in session {@code session}. */
  record ConversationAppended(int session, java.util.List<String> turns, Instant at) implements AgentEvent {}

  /**
   * A message arrived on a topic the running session subscribes to ({@code topics:} in its
   * configs); it starts a tick of its own, in arrival order.
   */
  record TriggerReceived(int session, String topic, String messageJson, Instant at) implements AgentEvent {}

  /** The policy published {@code messageJson} on {@code topic} (written before it is sent). */
  record Published(int session, long tick, String topic, String messageJson, Instant at) implements AgentEvent {}

  /**
   * Tick {@code tick} ended. {@code snapshotJson} is the full observed state, the risk state and
   * the policy's response (the tick's snapshot file).
   */
  record TickCompleted(
      int session, long tick, TickOutcome outcome, String summary, int actions, BigDecimal costUsd,
      String snapshotJson, Instant at) implements AgentEvent {

    /**
     * The end of a tick with its snapshot: what was observed (none when observing failed or the
     * tick was interrupted), the risk state, and the policy's response, or why there was none.
     */
    public static TickCompleted of(
        final int session, final long tick, final TickOutcome outcome, final String summary,
        final Observation obs, final PolicyOutcome policy, final Instant at) {
      final Map<String, Object> snapshot = new LinkedHashMap<>();
      snapshot.put("observation", obs == null ? null : obs.toMap());
      snapshot.put("risk", obs == null ? null : obs.risk().toMap());
      snapshot.put("response", outcome == TickOutcome.OK ? policy.response() : summary);
      snapshot.put("cost_usd", policy.costUsd());
      return new TickCompleted(session, tick, outcome, summary, policy.actions(), policy.costUsd(),
          AgentSpec.toJson(snapshot), at);
    }
  }
}
