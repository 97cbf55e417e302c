package dev.osprey.engine.risk;

import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskProtocol.Denial;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What a risk supervisor answers about itself: its risk view. */
final class RiskViews {
  private RiskViews() {}

  /** Limits, usage with the latest mark, states, the newest denials first and refused orders. */
  static RiskView of(final String controllerId, final SupervisorState s, final ControllerMarker marker,
      final Map<String, Long> refusedOrders, final Instant now) {
    final RiskUsage u = marker.usage(s, now);
    final List<Denial> recent = new ArrayList<>(s.denials());
    Collections.reverse(recent);
    final RiskDecision tick = RiskRules.checkTick(s.limits(), s.effectiveState(), u);
    return new RiskView(controllerId, s.limits(), s.tradingState(), s.tradingStateReason(), s.openCount(),
        u.exposureQuote().value(), u.dailyRealizedPnl().value(), u.currentCumulativePnl().value(),
        u.peakCumulativePnl().value(), u.drawdownPct(), (int) s.totalExecutors(), recent,
        tick instanceof RiskDecision.Denied, tick instanceof RiskDecision.Denied d ? d.message() : null,
        s.globalState() == null ? TradingState.ACTIVE : s.globalState(), s.effectiveState(),
        s.windDownKeep() != null, refusedOrders,
        marker.latest().pnl().value(), marker.latest().heldValue().value(), marker.latest().at(), marker.error());
  }
}
