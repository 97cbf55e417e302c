package dev.osprey.engine.agent;

import dev.osprey.agent.files.JournalMd;
import dev.osprey.agent.journal.ExecutorLine;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.policy.ObservedExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    static Numbers of(final ObservedExecutor e) {
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
  static String journal(final AgentState s, final AgentSession session, final List<ObservedExecutor> observed,
      final List<String> notes) {
    final Map<String, Numbers> numbers = new java.util.HashMap<>();
    observed.forEach(e -> numbers.put(e.id(), Numbers.of(e)));
    return JournalMd.render(sessionJournal(s, session, numbers, notes));
  }
}
