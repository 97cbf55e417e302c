package dev.osprey.engine.gateway;

import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskProtocol.RiskView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A controller's limits, usage and trading state as the HTTP layer sees them (the gateway's own
 * view, so that routes do not depend on the risk supervisor's messages). Exposure, P&amp;L and the
 * drawdown include the latest mark to market of running executors and held positions.
 */
public record ControllerRisk(
    String controllerId,
    RiskLimits limits,
    TradingState tradingState,
    String tradingStateReason,
    TradingState globalTradingState,
    TradingState effectiveTradingState,
    boolean windingDown,
    Usage usage,
    boolean tickBlocked,
    String blockReason,
    List<Denial> recentDenials,
    Map<String, Long> refusedOrders) {

  /** What the controller uses of its limits now. */
  public record Usage(
      int openExecutors,
      int totalExecutors,
      BigDecimal exposureQuote,
      BigDecimal heldExposureQuote,
      BigDecimal dailyPnlQuote,
      BigDecimal cumulativePnlQuote,
      BigDecimal peakPnlQuote,
      BigDecimal drawdownPct,
      BigDecimal markedPnlQuote,
      Instant markedAt,
      String markError) {}

  /** A create the supervisor refused. */
  public record Denial(String executorId, String executorType, String reasonCode, String message, Instant at) {}

  static ControllerRisk of(final RiskView r) {
    return new ControllerRisk(r.controllerId(), r.limits(), r.tradingState(), r.tradingStateReason(),
        r.globalTradingState(), r.effectiveTradingState(), r.windingDown(),
        new Usage(r.openExecutors(), r.totalExecutors(), r.exposureQuote(), r.heldExposureQuote(),
            r.dailyPnlQuote(), r.cumulativePnlQuote(), r.peakPnlQuote(), r.drawdownPct(), r.markedPnlQuote(),
            r.markedAt(), r.markError()),
        r.tickBlocked(), r.blockReason(),
        r.recentDenials().stream()
            .map(d -> new Denial(d.executorId(), d.type(), d.reasonCode(), d.message(), d.at()))
            .toList(),
        r.refusedOrders());
  }
}
