package dev.osprey.engine.agent;

import dev.osprey.agent.journal.DecisionLine;
import dev.osprey.agent.journal.TickLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One trading session of an agent as its events built it: status, ticks, decisions, executors and
 * the last 100 tick snapshots. Immutable.
 *
 * @param status RUNNING, PAUSED or STOPPED
 * @param activeSince when it last started or resumed (the first tick of a run is due then)
 * @param lastTick the number of the last tick started (0 before the first)
 * @param lastTickAt when the last tick started
 * @param tickOpen whether tick {@code lastTick} has started and not completed
 * @param createsInTick executor creates asked for in the open tick (numbers the executor ids)
 * @param pendingCreates executors requested whose create has no outcome yet
 * @param snapshots the last {@link #MAX_SNAPSHOTS} ticks' snapshots (JSON), oldest first
 * @param conversation an LLM policy's conversation turns (JSON), the last {@link
 *     #MAX_CONVERSATION_TURNS}
 * @param triggers topic messages waiting for a tick, and the one the open tick answers
 */
public record AgentSession(
    int number,
    String status,
    Instant startedAt,
    Instant endedAt,
    Instant activeSince,
    long lastTick,
    Instant lastTickAt,
    boolean tickOpen,
    int createsInTick,
    List<TickLine> ticks,
    List<DecisionLine> decisions,
    List<SessionExecutor> executors,
    List<String> pendingCreates,
    List<TickSnapshotEntry> snapshots,
    List<String> conversation,
    TriggerQueue triggers) {

  public static final int MAX_SNAPSHOTS = 100;
  /** LLM conversation turns kept in memory (the journal has them all; a policy replays fewer). */
  public static final int MAX_CONVERSATION_TURNS = 200;
  public static final String RUNNING = "RUNNING";
  public static final String PAUSED = "PAUSED";
  public static final String STOPPED = "STOPPED";

  public AgentSession {
    ticks = List.copyOf(ticks);
    decisions = List.copyOf(decisions);
    executors = List.copyOf(executors);
    pendingCreates = List.copyOf(pendingCreates);
    snapshots = List.copyOf(snapshots);
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
    triggers = triggers == null ? TriggerQueue.EMPTY : triggers;
  }

  static AgentSession started(final int number, final Instant at) {
    return new AgentSession(number, RUNNING, at, null, at, 0, null, false, 0, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), TriggerQueue.EMPTY);
  }

  /** An executor the agent created in this session. */
  public record SessionExecutor(
      String executorId, String type, String connector, String tradingPair, String side,
      java.math.BigDecimal amountQuote, Instant createdAt) {}

  /** A topic message that starts a tick of its own (a Loom plan, say), as journaled. */
  public record PendingTrigger(String topic, String messageJson, Instant at) {}

  /**
   * Topic messages in arrival order: {@code waiting} for a tick, and the one the open tick
   * {@code answering} (null when the open tick, if any, was started by the clock).
   */
  public record TriggerQueue(List<PendingTrigger> waiting, PendingTrigger answering) {
    static final TriggerQueue EMPTY = new TriggerQueue(List.of(), null);

    public TriggerQueue {
      waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    TriggerQueue received(final PendingTrigger t) {
      return new TriggerQueue(plus(waiting, t), answering);
    }

    /** The next waiting message becomes the one the starting tick answers. */
    TriggerQueue take() {
      return waiting.isEmpty() ? new TriggerQueue(waiting, null)
          : new TriggerQueue(waiting.subList(1, waiting.size()), waiting.get(0));
    }

    TriggerQueue answered() {
      return new TriggerQueue(waiting, null);
    }
  }

  /** One tick's snapshot as persisted. */
  public record TickSnapshotEntry(long tick, Instant at, String json) {}

  boolean running() {
    return status.equals(RUNNING);
  }

  AgentSession withStatus(final String s, final Instant at) {
    final boolean active = s.equals(RUNNING);
    return new AgentSession(number, s, startedAt, s.equals(STOPPED) ? at : endedAt, active ? at : activeSince,
        lastTick, lastTickAt, tickOpen, createsInTick, ticks, decisions, executors, pendingCreates, snapshots, conversation, triggers);
  }

  /** A tick starts: it answers the first waiting topic message, if any. */
  AgentSession tickStarted(final long tick, final Instant at) {
    return new AgentSession(number, status, startedAt, endedAt, activeSince, tick, at, true, 0, ticks, decisions,
        executors, pendingCreates, snapshots, conversation, triggers.take());
  }

  AgentSession triggered(final PendingTrigger t) {
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, tickOpen,
        createsInTick, ticks, decisions, executors, pendingCreates, snapshots, conversation, triggers.received(t));
  }

  AgentSession requested(final String executorId) {
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, tickOpen,
        createsInTick + 1, ticks, decisions, executors, plus(pendingCreates, executorId), snapshots, conversation, triggers);
  }

  AgentSession created(final SessionExecutor e, final DecisionLine d) {
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, tickOpen,
        createsInTick, ticks, plus(decisions, d), plus(executors, e), minus(pendingCreates, e.executorId()),
        snapshots, conversation, triggers);
  }

  AgentSession decided(final DecisionLine d, final String settledExecutorId) {
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, tickOpen,
        createsInTick, ticks, plus(decisions, d), executors,
        settledExecutorId == null ? pendingCreates : minus(pendingCreates, settledExecutorId), snapshots, conversation, triggers);
  }

  AgentSession tickCompleted(final TickLine line, final TickSnapshotEntry snapshot) {
    final List<TickSnapshotEntry> kept = new ArrayList<>(snapshots);
    kept.add(snapshot);
    while (kept.size() > MAX_SNAPSHOTS) {
      kept.remove(0);
    }
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, false, 0,
        plus(ticks, line), decisions, executors, pendingCreates, kept, conversation, triggers.answered());
  }

  AgentSession conversed(final List<String> turns) {
    final List<String> all = new ArrayList<>(conversation);
    all.addAll(turns);
    final List<String> kept = all.size() <= MAX_CONVERSATION_TURNS ? all
        : all.subList(all.size() - MAX_CONVERSATION_TURNS, all.size());
    return new AgentSession(number, status, startedAt, endedAt, activeSince, lastTick, lastTickAt, tickOpen,
        createsInTick, ticks, decisions, executors, pendingCreates, snapshots, kept, triggers);
  }

  boolean owns(final String executorId) {
    return executors.stream().anyMatch(e -> e.executorId().equals(executorId));
  }

  private static <T> List<T> plus(final List<T> list, final T item) {
    final List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static List<String> minus(final List<String> list, final String item) {
    final List<String> out = new ArrayList<>(list);
    out.remove(item);
    return out;
  }
}
