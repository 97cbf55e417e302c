package dev.osprey.engine.agent;

import dev.osprey.agent.files.Insight;
import dev.osprey.agent.files.Learnings;
import dev.osprey.agent.journal.DecisionLine;
import dev.osprey.agent.journal.TickLine;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.agent.AgentEvent.ActionRefused;
import dev.osprey.engine.agent.AgentEvent.AgentCreated;
import dev.osprey.engine.agent.AgentEvent.ConfigSuggested;
import dev.osprey.engine.agent.AgentEvent.ExecutorCreated;
import dev.osprey.engine.agent.AgentEvent.ExecutorRequested;
import dev.osprey.engine.agent.AgentEvent.ExecutorStopped;
import dev.osprey.engine.agent.AgentEvent.LearningAdded;
import dev.osprey.engine.agent.AgentEvent.LearningRetired;
import dev.osprey.engine.agent.AgentEvent.RoutineRan;
import dev.osprey.engine.agent.AgentEvent.SessionPaused;
import dev.osprey.engine.agent.AgentEvent.SessionResumed;
import dev.osprey.engine.agent.AgentEvent.SessionStarted;
import dev.osprey.engine.agent.AgentEvent.SessionStopped;
import dev.osprey.engine.agent.AgentEvent.SuggestionApproved;
import dev.osprey.engine.agent.AgentEvent.SuggestionRejected;
import dev.osprey.engine.agent.AgentEvent.TickCompleted;
import dev.osprey.engine.agent.AgentEvent.TickStarted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent as its events built it: the definition, the configs in force (agent.md's with approved
 * suggestions applied), its sessions, pending suggestions, learnings and today's LLM cost. Pure and
 * immutable; {@link #apply} is the only way it changes. Persisted as the entity's snapshot.
 *
 * @param configsJson the configs in force, as JSON text (decimals exact)
 * @param costByDay LLM cost per UTC day, today and yesterday only
 */
public record AgentState(
    AgentSpec spec,
    String configsJson,
    List<AgentSession> sessions,
    List<Suggestion> suggestions,
    Learnings learnings,
    Map<String, BigDecimal> costByDay) implements CborSerializable {

  public AgentState {
    sessions = List.copyOf(sessions);
    suggestions = List.copyOf(suggestions);
    costByDay = Map.copyOf(costByDay);
  }

  public static AgentState empty() {
    return new AgentState(null, "{}", List.of(), List.of(), Learnings.EMPTY, Map.of());
  }

  /**
   * A config change the policy suggested. {@code status} is PENDING, APPROVED or REJECTED; who
   * decided and when are set once it is decided.
   */
  public record Suggestion(
      long id, String key, String valueJson, String reason, int session, long tick, Instant at,
      String status, String decidedBy, Instant decidedAt, String rejectReason) {

    Suggestion decide(final String s, final String by, final Instant when, final String why) {
      return new Suggestion(id, key, valueJson, reason, session, tick, at, s, by, when, why);
    }
  }

  public boolean exists() {
    return spec != null;
  }

  public Optional<AgentSession> current() {
    return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
  }

  /** The session that is running or paused, if any. */
  public Optional<AgentSession> live() {
    return current().filter(s -> !s.status().equals(AgentSession.STOPPED));
  }

  public Map<String, Object> configs() {
    return AgentSpec.fromJson(configsJson);
  }

  /** Whether {@code executorId} is one this agent created. */
  public boolean owns(final String executorId) {
    return sessions.stream().anyMatch(s -> s.owns(executorId));
  }

  public BigDecimal costOn(final Instant at) {
    return costByDay.getOrDefault(day(at), BigDecimal.ZERO);
  }

  /**
   * When the next tick is due: at once after a start or resume or when a topic message waits, then
   * every tick interval after the last tick started; empty while no session runs or a tick is open.
   */
  public Optional<Instant> nextTickAt() {
    final Optional<AgentSession> running = live().filter(AgentSession::running);
    if (running.isEmpty() || running.get().tickOpen()) {
      return Optional.empty();
    }
    final AgentSession session = running.get();
    if (!session.triggers().waiting().isEmpty()) {
      return Optional.of(session.triggers().waiting().get(0).at());
    }
    if (session.lastTickAt() == null || session.lastTickAt().isBefore(session.activeSince())) {
      return Optional.of(session.activeSince());
    }
    return Optional.of(session.lastTickAt().plusSeconds(spec.tickIntervalSeconds()));
  }

  public Optional<Suggestion> suggestion(final long id) {
    return suggestions.stream().filter(s -> s.id() == id).findFirst();
  }

  public AgentState apply(final AgentEvent event) {
    if (event instanceof AgentCreated e) {
      return new AgentState(e.spec(), e.spec().configsJson(), sessions, suggestions, learnings, costByDay);
    }
    if (event instanceof SessionStarted e) {
      final List<AgentSession> s = new ArrayList<>(sessions);
      s.add(AgentSession.started(e.session(), e.at()));
      return withSessions(s);
    }
    if (event instanceof SessionPaused e) {
      return withCurrent(current().orElseThrow().withStatus(AgentSession.PAUSED, e.at()));
    }
    if (event instanceof SessionResumed e) {
      return withCurrent(current().orElseThrow().withStatus(AgentSession.RUNNING, e.at()));
    }
    if (event instanceof SessionStopped e) {
      return withCurrent(current().orElseThrow().withStatus(AgentSession.STOPPED, e.at()));
    }
    if (event instanceof TickStarted e) {
      return withCurrent(current().orElseThrow().tickStarted(e.tick(), e.at()));
    }
    if (event instanceof AgentEvent.TriggerReceived e) {
      return withCurrent(current().orElseThrow().triggered(
          new AgentSession.PendingTrigger(e.topic(), e.messageJson(), e.at())));
    }
    if (event instanceof AgentEvent.Published e) {
      return withCurrent(current().orElseThrow().decided(new DecisionLine(e.tick(), e.at(), "publish",
          e.topic() + " " + e.messageJson()), null));
    }
    if (event instanceof ExecutorRequested e) {
      return withCurrent(current().orElseThrow().requested(e.executorId()));
    }
    if (event instanceof ExecutorCreated e) {
      return withCurrent(current().orElseThrow().created(
          new AgentSession.SessionExecutor(e.executorId(), e.type(), e.connector(), e.tradingPair(), e.side(),
              e.amountQuote(), e.at()),
          new DecisionLine(e.tick(), e.at(), "create_executor", e.type() + " " + e.connector() + " "
              + e.tradingPair() + " " + e.side() + " " + e.amountQuote().toPlainString() + " quote -> created "
              + e.executorId())));
    }
    if (event instanceof ActionRefused e) {
      return withCurrent(current().orElseThrow().decided(
          new DecisionLine(e.tick(), e.at(), e.action(), "refused " + e.code() + ": " + e.message()),
          e.executorId()));
    }
    if (event instanceof ExecutorStopped e) {
      return withCurrent(current().orElseThrow().decided(new DecisionLine(e.tick(), e.at(), "stop_executor",
          e.executorId() + (e.keepPosition() ? " (keep_position)" : "")), null));
    }
    if (event instanceof ConfigSuggested e) {
      final List<Suggestion> s = new ArrayList<>(suggestions);
      s.add(new Suggestion(e.suggestionId(), e.key(), e.valueJson(), e.reason(), e.session(), e.tick(), e.at(),
          "PENDING", null, null, null));
      final AgentState next = new AgentState(spec, configsJson, sessions, s, learnings, costByDay);
      return next.live().isEmpty() ? next : next.withCurrent(next.current().orElseThrow().decided(
          new DecisionLine(e.tick(), e.at(), "suggest_config", e.key() + " = " + e.valueJson()
              + " (suggestion " + e.suggestionId() + ", waiting for approval): " + e.reason()), null));
    }
    if (event instanceof SuggestionApproved e) {
      final Suggestion s = suggestion(e.suggestionId()).orElseThrow();
      final Map<String, Object> configs = new LinkedHashMap<>(configs());
      configs.put(s.key(), AgentSpec.valueFromJson(s.valueJson()));
      return new AgentState(spec, AgentSpec.toJson(configs), sessions,
          replace(s.decide("APPROVED", e.by(), e.at(), null)), learnings, costByDay);
    }
    if (event instanceof SuggestionRejected e) {
      final Suggestion s = suggestion(e.suggestionId()).orElseThrow();
      return new AgentState(spec, configsJson, sessions, replace(s.decide("REJECTED", e.by(), e.at(), e.reason())),
          learnings, costByDay);
    }
    if (event instanceof LearningAdded e) {
      return new AgentState(spec, configsJson, sessions, suggestions, learnings.add(new Insight(e.at(), e.text())),
          costByDay);
    }
    if (event instanceof LearningRetired e) {
      return new AgentState(spec, configsJson, sessions, suggestions,
          hasActive(e.text()) ? learnings.retire(e.text()) : learnings, costByDay);
    }
    if (event instanceof RoutineRan e) {
      return withCurrent(current().orElseThrow().decided(new DecisionLine(e.tick(), e.at(), "run_routine",
          e.routine() + (e.ok() ? ": " : " failed: ") + e.summary()), null));
    }
    if (event instanceof AgentEvent.ConversationAppended e) {
      final List<AgentSession> all = new ArrayList<>(sessions);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).number() == e.session()) {
          all.set(i, all.get(i).conversed(e.turns()));
        }
      }
      return withSessions(all);
    }
    if (event instanceof TickCompleted e) {
      final AgentSession s = current().orElseThrow();
      AgentSession next = s.tickCompleted(
          new TickLine(e.tick(), e.at(), e.outcome(), e.costUsd(), e.actions(), e.summary()),
          new AgentSession.TickSnapshotEntry(e.tick(), e.at(), e.snapshotJson()));
      if (e.outcome() != dev.osprey.agent.journal.TickOutcome.OK) {
        next = next.decided(new DecisionLine(e.tick(), e.at(),
            e.outcome() == dev.osprey.agent.journal.TickOutcome.BLOCKED ? "tick_blocked" : "tick_failed",
            e.summary()), null);
      }
      final Map<String, BigDecimal> cost = new LinkedHashMap<>();
      final String today = day(e.at());
      final String yesterday = LocalDate.parse(today).minusDays(1).toString();
      costByDay.forEach((d, v) -> {
        if (d.equals(today) || d.equals(yesterday)) {
          cost.put(d, v);
        }
      });
      cost.merge(today, e.costUsd(), BigDecimal::add);
      return new AgentState(spec, configsJson, sessions, suggestions, learnings, cost)
          .withCurrent(next);
    }
    throw new IllegalArgumentException("unknown agent event " + event.getClass().getName());
  }

  private AgentState withSessions(final List<AgentSession> s) {
    return new AgentState(spec, configsJson, s, suggestions, learnings, costByDay);
  }

  private AgentState withCurrent(final AgentSession s) {
    final List<AgentSession> all = new ArrayList<>(sessions);
    all.set(all.size() - 1, s);
    return withSessions(all);
  }

  private List<Suggestion> replace(final Suggestion s) {
    final List<Suggestion> out = new ArrayList<>(suggestions);
    out.replaceAll(x -> x.id() == s.id() ? s : x);
    return out;
  }

  /** Whether an active insight reads {@code text}. */
  public boolean hasActive(final String text) {
    return learnings.active().stream().anyMatch(i -> i.text().equals(text));
  }

  static String day(final Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }
}
