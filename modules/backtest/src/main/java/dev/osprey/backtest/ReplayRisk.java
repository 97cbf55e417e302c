package dev.osprey.backtest;

import dev.osprey.backtest.ReplayEngine.Run;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.ControllerMark;
import dev.osprey.domain.risk.OrderRules;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.domain.risk.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The replayed agent's risk supervisor: the same pure rules as the live one ({@link RiskRules}),
 * over the replay's executors. Closed executors fold into the cumulative, peak and daily P&amp;L as
 * they are seen to terminate; running ones and held positions are marked at the replay's quotes
 * ({@link ControllerMark}), so losses count as soon as they are marked. The limits are agent.md's:
 * no user changes them during a replay. The kill switch is checked at every tick.
 */
final class ReplayRisk {
  private final RiskLimits limits;
  private TradingState state = TradingState.ACTIVE;
  private final Map<String, BigDecimal> openExposure = new HashMap<>();
  private final Set<String> folded = new HashSet<>();
  private BigDecimal cumulative = BigDecimal.ZERO;
  private BigDecimal peak = BigDecimal.ZERO;
  private LocalDate pnlDay;
  private BigDecimal dayPnl = BigDecimal.ZERO;
  private Instant lastLossAt;
  private QuoteAmount markedPeak = QuoteAmount.ZERO;

  ReplayRisk(final RiskLimits limits) {
    this.limits = limits;
  }

  RiskLimits limits() {
    return limits;
  }

  TradingState state() {
    return state;
  }

  /** Folds the controller's executors that terminated since the last look, in creation order. */
  void settle(final List<Run> runs, final Function<Run, ExecutorReport> report) {
    for (Run run : runs) {
      final String id = run.config().id();
      if (!run.executor().isTerminated() || !openExposure.containsKey(id) || !folded.add(id)) {
        continue;
      }
      openExposure.remove(id);
      final ExecutorReport r = report.apply(run);
      final BigDecimal pnl = r.netPnlQuote().value();
      cumulative = cumulative.add(pnl);
      peak = peak.max(cumulative);
      final Instant closed = r.closeTimestamp() == null ? r.timestamp() : r.closeTimestamp();
      final LocalDate day = LocalDate.ofInstant(closed, ZoneOffset.UTC);
      if (pnlDay == null || day.isAfter(pnlDay)) {
        pnlDay = day;
        dayPnl = pnl;
      } else if (day.equals(pnlDay)) {
        dayPnl = dayPnl.add(pnl);
      }
      if (pnl.signum() < 0 && (lastLossAt == null || closed.isAfter(lastLossAt))) {
        lastLossAt = closed;
      }
    }
  }

  /**
   * The controller's usage now: what closed executors realized, plus the running executors' and
   * held positions' mark.
   */
  RiskUsage usage(final List<QuoteAmount> runningPnls, final PositionBook book,
      final Function<PositionHold, Optional<Price>> mid, final Instant now) {
    final BigDecimal exposure = openExposure.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    final BigDecimal today = LocalDate.ofInstant(now, ZoneOffset.UTC).equals(pnlDay) ? dayPnl : BigDecimal.ZERO;
    final RiskUsage realized = new RiskUsage(openExposure.size(), QuoteAmount.of(exposure), QuoteAmount.of(today),
        QuoteAmount.of(peak), QuoteAmount.of(cumulative), BigDecimal.ZERO);
    final ControllerMark mark = ControllerMark.of(runningPnls, book.holds(), mid, now);
    final QuoteAmount current = QuoteAmount.of(cumulative).plus(mark.pnl());
    if (current.compareTo(markedPeak) > 0) {
      markedPeak = current;
    }
    return mark.applyTo(realized, markedPeak);
  }

  /** Trips the kill switch when the drawdown is past its limit: HALTED from now on. */
  Optional<RiskDecision.Denied> tripIfBroken(final RiskUsage usage) {
    if (state == TradingState.HALTED) {
      return Optional.empty();
    }
    final Optional<RiskDecision.Denied> trip = RiskRules.killSwitch(limits, usage);
    trip.ifPresent(d -> state = TradingState.HALTED);
    return trip;
  }

  /**
   * The supervisor's verdict on a new executor, as live: the create rules, then the cooldown after
   * a loss; a create that can only reduce the held position gets past the loss and size limits.
   */
  RiskDecision checkCreate(final ExecutorConfig config, final Optional<QuoteAmount> exposure, final RiskUsage usage,
      final PositionBook book, final Instant now) {
    RiskDecision d = RiskRules.checkCreate(limits, state, usage, exposure, false);
    if (d instanceof RiskDecision.Denied denied && RiskRules.reducingCreateWouldPass(denied)
        && config.singleTradeAmount().isPresent()) {
      final BigDecimal held = book.holds().stream()
          .filter(h -> h.key().connectorName().equals(config.connectorName())
              && h.key().tradingPair().equals(config.tradingPair()))
          .map(PositionHold::netBase).reduce(BigDecimal.ZERO, BigDecimal::add);
      final boolean onlyReduces =
          OrderRules.reduces(config.side(), config.singleTradeAmount().orElseThrow().value(), held);
      d = RiskRules.checkCreate(limits, state, usage, exposure, onlyReduces);
    }
    return d instanceof RiskDecision.Denied ? d : RiskRules.checkCooldown(limits, Optional.ofNullable(lastLossAt), now);
  }

  /** An approved executor counts at once with its planned exposure. */
  void approved(final String executorId, final QuoteAmount exposure) {
    openExposure.put(executorId, exposure.value());
  }
}
