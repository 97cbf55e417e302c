package dev.osprey.agent.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a session's {@code journal.md} renders. The agent entity's events are the source of
 * truth; this is their read-out, built fresh for every rendering.
 *
 * @param session the session number, from 1
 * @param status RUNNING, PAUSED or STOPPED
 * @param ticks every tick, oldest first
 * @param decisions every decision, oldest first
 * @param executors every executor created in the session, in creation order
 * @param notes session-level facts worth a line in the Summary (e.g. "binance_perpetual runs on
 *     binance_perpetual_paper_trade: no credentials")
 */
public record SessionJournal(
    String agentName,
    int session,
    String status,
    Instant startedAt,
    Optional<Instant> endedAt,
    List<TickLine> ticks,
    List<DecisionLine> decisions,
    List<ExecutorLine> executors,
    List<String> notes) {

  public SessionJournal {
    ticks = List.copyOf(ticks);
    decisions = List.copyOf(decisions);
    executors = List.copyOf(executors);
    notes = List.copyOf(notes);
  }
}
