package dev.osprey.engine.agent;

import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How executors, positions and configs read as an agent's observation. Shared by the live tick
 * ({@link AgentObserver}) and the backtest's agent replay, so both see the same numbers the same way.
 */
public final class Observations {
  private Observations() {}

  /** The pairs an agent trades: {@code trading_pair}, or each of {@code trading_pairs}. */
  public static List<String> pairs(final Map<String, Object> configs) {
    final Set<String> pairs = new LinkedHashSet<>();
    final Object one = configs.get("trading_pair");
    if (one != null) {
      pairs.add(one.toString());
    }
    if (configs.get("trading_pairs") instanceof List<?> many) {
      many.forEach(p -> pairs.add(String.valueOf(p)));
    }
    return List.copyOf(pairs);
  }

  /** The planned amount in quote of every executor the agent created, by id. */
  public static Map<String, BigDecimal> plannedAmounts(final AgentState state) {
    final Map<String, BigDecimal> m = new HashMap<>();
    state.sessions().forEach(s -> s.executors().forEach(e -> m.put(e.executorId(), e.amountQuote())));
    return m;
  }

  /** The agent's executors as reported; an executor's amount is its planned one when known. */
  public static List<ObservedExecutor> executors(final List<ExecutorReport> reports, final Map<String, BigDecimal> planned) {
    final List<ObservedExecutor> out = new ArrayList<>();
    for (ExecutorReport r : reports) {
      final boolean open = r.status() != RunnableStatus.TERMINATED;
      out.add(new ObservedExecutor(r.id(), r.type(), r.connectorName(), r.tradingPair().symbol(),
          r.side() == null ? "-" : r.side().name(), r.status().name(), open,
          planned.getOrDefault(r.id(), r.filledAmountQuote().value()), r.netPnlQuote().value(),
          r.cumFeesQuote().value(), r.filledAmountQuote().value(),
          r.closeType() == null || open ? "" : r.closeType().name(), r.timestamp()));
    }
    return out;
  }

  /** The held positions that are not flat. */
  public static List<ObservedPosition> positions(final PositionBook book) {
    final List<ObservedPosition> out = new ArrayList<>();
    for (PositionHold h : book.holds()) {
      if (!h.isFlat()) {
        out.add(new ObservedPosition(h.key().connectorName(), h.key().tradingPair().symbol(), h.netBase(),
            h.breakevenPrice().value()));
      }
    }
    return out;
  }
}
