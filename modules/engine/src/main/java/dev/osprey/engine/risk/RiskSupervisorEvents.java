package dev.osprey.engine.risk;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.engine.risk.RiskProtocol.Denial;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskSupervisorEntity.ControllerRegistered;
import dev.osprey.engine.risk.RiskSupervisorEntity.Event;
import dev.osprey.engine.risk.RiskSupervisorEntity.ExecutorFinished;
import dev.osprey.engine.risk.RiskSupervisorEntity.GlobalStateSet;
import dev.osprey.engine.risk.RiskSupervisorEntity.LimitsSet;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnAborted;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnApproved;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnConfirmed;
import dev.osprey.engine.risk.RiskSupervisorEntity.SpawnDenied;
import dev.osprey.engine.risk.RiskSupervisorEntity.TradingStateSet;
import dev.osprey.engine.risk.RiskSupervisorEntity.WindDownStarted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How each persisted fact of a risk supervisor changes its state (a pure function). */
final class RiskSupervisorEvents {
  /** Denials kept for the risk view, newest last. */
  static final int KEPT_DENIALS = 20;

  private RiskSupervisorEvents() {}

  static SupervisorState apply(final SupervisorState s, final Event event) {
    if (event instanceof SpawnApproved e) {
      final ExecutorConfig c = e.config();
      final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
      next.put(c.id(), new Entry(c.id(), c.type(), c.connectorName(),
          c.tradingPair() == null ? null : c.tradingPair().symbol(),
          c.side() == null ? null : c.side().name(), e.exposureQuote(), e.at(),
          false, true, null, null, null, c));
      return s.with(next);
    }
    if (event instanceof SpawnConfirmed e) {
      final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
      next.computeIfPresent(e.executorId(), (k, v) -> v.asConfirmed());
      return s.with(next);
    }
    if (event instanceof ExecutorFinished e) {
      final Entry open = s.executors().get(e.executorId());
      return open == null ? s : s.closed(open.closed(e.closeType(), e.netPnlQuote(), e.at()));
    }
    if (event instanceof SpawnDenied e) {
      final List<Denial> d = new ArrayList<>(s.denials());
      d.add(new Denial(e.executorId(), e.type(), e.reasonCode(), e.message(), e.at()));
      while (d.size() > KEPT_DENIALS) {
        d.remove(0);
      }
      return s.withDenials(List.copyOf(d));
    }
    if (event instanceof SpawnAborted e) {
      final Map<String, Entry> next = new LinkedHashMap<>(s.executors());
      next.remove(e.executorId());
      return s.with(next);
    }
    if (event instanceof LimitsSet e) {
      return s.withLimits(e.limits());
    }
    if (event instanceof TradingStateSet e) {
      return s.withTradingState(e.state(), e.reason());
    }
    if (event instanceof GlobalStateSet e) {
      return s.withGlobalState(e.version(), e.state(), e.reason());
    }
    if (event instanceof WindDownStarted e) {
      return s.windingDown(e.keepPosition());
    }
    if (event instanceof ControllerRegistered) {
      return s.registeredNow();
    }
    throw new IllegalArgumentException("unknown risk supervisor event " + event.getClass().getName());
  }
}
