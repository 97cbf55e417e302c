package dev.osprey.engine.agent;

import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.JournalMd;
import dev.osprey.agent.journal.ExecutorLine;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickSnapshot;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders an agent's state as the standard's files. The executors' numbers are live (from the
 * executors themselves), everything else comes from the agent's events.
 */
public final class AgentFiles {
  private AgentFiles() {}

  /** An executor's latest numbers, in quote. */
  public record Numbers(boolean open, BigDecimal netPnlQuote, BigDecimal feesQuote, BigDecimal volumeQuote,
      String closeType) {

    /** An executor's numbers as it reports them. */
    public static Numbers of(final ExecutorReport r) {
      final boolean open = r.status() != RunnableStatus.TERMINATED;
      return new Numbers(open, r.netPnlQuote().value(), r.cumFeesQuote().value(), r.filledAmountQuote().value(),
          r.closeType() == null || open ? "" : r.closeType().name());
    }

    public static Numbers of(final ObservedExecutor e) {
      return new Numbers(e.open(), e.netPnlQuote(), e.feesQuote(), e.volumeQuote(), e.closeType());
    }
  }

  /** The journal of {@code session}, with each executor's numbers from {@code numbers} when known. */
  public static SessionJournal sessionJournal(
      final AgentState s, final AgentSession session, final Map<String, Numbers> numbers, final List<String> notes) {
    final List<ExecutorLine> executors = new ArrayList<>();
    for (AgentSession.SessionExecutor e : session.executors()) {
      final Optional<Numbers> n = Optional.ofNullable(numbers.get(e.executorId()));
      executors.add(new ExecutorLine(e.executorId(), e.type(), e.connector(), e.tradingPair(), e.side(),
          e.amountQuote(), e.createdAt(), n.map(Numbers::open).orElse(true),
          n.map(Numbers::netPnlQuote).orElse(BigDecimal.ZERO), n.map(Numbers::feesQuote).orElse(BigDecimal.ZERO),
          n.map(Numbers::volumeQuote).orElse(BigDecimal.ZERO), n.map(Numbers::closeType).orElse("")));
    }
    return new SessionJournal(s.spec().name(), session.number(), session.status(), session.startedAt(),
        Optional.ofNullable(session.endedAt()), session.ticks(), session.decisions(), executors, notes);
  }

  /** The journal text the policy reads while deciding (numbers as observed this tick). */
  public static String journal(final AgentState s, final AgentSession session, final List<ObservedExecutor> observed,
      final List<String> notes) {
    final Map<String, Numbers> numbers = new java.util.HashMap<>();
    observed.forEach(e -> numbers.put(e.id(), Numbers.of(e)));
    return JournalMd.render(sessionJournal(s, session, numbers, notes));
  }

  /**
   * The agent's whole folder of the standard (agent.md, config.yml, learnings.md, each session's
   * journal and snapshots), as an export writes it.
   */
  public static AgentTree tree(final AgentState s, final Map<String, Numbers> numbers, final List<String> notes) {
    final List<SessionJournal> journals = new ArrayList<>();
    final Map<Integer, List<TickSnapshot>> snapshots = new LinkedHashMap<>();
    for (AgentSession session : s.sessions()) {
      journals.add(sessionJournal(s, session, numbers, notes));
      snapshots.put(session.number(), session.snapshots().stream().map(e -> snapshot(session, e)).toList());
    }
    return AgentTree.build(s.spec().definition(), s.configs(), s.learnings(), journals, snapshots);
  }

  private static TickSnapshot snapshot(final AgentSession session, final AgentSession.TickSnapshotEntry e) {
    final Map<String, Object> m = AgentSpec.fromJson(e.json());
    return new TickSnapshot(session.number(), e.tick(), e.at(), map(m.get("observation")), map(m.get("risk")),
        String.valueOf(m.get("response")), new BigDecimal(String.valueOf(m.getOrDefault("cost_usd", "0"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(final Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
