package dev.osprey.engine.risk;

import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.CborSerializable;
import dev.osprey.engine.risk.RiskProtocol.Denial;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supervisor's state, bounded however many executors the controller has run: {@code
 * executors} holds only the open ones (and approvals not confirmed yet), in spawn order; a closed
 * executor is folded into {@code closedExecutors}, the cumulative and peak P&amp;L, the P&amp;L of
 * {@code pnlDay} (UTC) and {@code lastLossAt}. {@code globalState} (null before the first global
 * change) is the global trading state of {@code globalVersion}; {@code windDownKeep} is non-null
 * while every open executor is being stopped (keeping positions or not). Snapshots written before
 * the folding (closed entries kept whole) are folded when read. Snapshots of the older class name
 * ({@code RiskSupervisorEntity$State}) read as this ({@link SupervisorStateRename}).
 */
public record SupervisorState(
    RiskLimits limits,
    TradingState tradingState,
    String tradingStateReason,
    Map<String, Entry> executors,
    BigDecimal cumulativePnl,
    BigDecimal peakPnl,
    List<Denial> denials,
    boolean registered,
    TradingState globalState,
    String globalReason,
    long globalVersion,
    Boolean windDownKeep,
    Long closedExecutors,
    LocalDate pnlDay,
    BigDecimal dayPnl,
    Instant lastLossAt)
    implements CborSerializable {

  public SupervisorState {
    closedExecutors = closedExecutors == null ? 0L : closedExecutors;
    dayPnl = dayPnl == null ? BigDecimal.ZERO : dayPnl;
    if (executors.values().stream().anyMatch(e -> !e.open())) {
      final Map<String, Entry> open = new LinkedHashMap<>();
      for (Entry e : executors.values()) {
        if (e.open()) {
          open.put(e.executorId(), e);
          continue;
        }
        closedExecutors++;
        if (e.closedAt() != null && e.netPnlQuote() != null) {
          final LocalDate day = dayOf(e.closedAt());
          if (pnlDay == null || day.isAfter(pnlDay)) {
            pnlDay = day;
            dayPnl = e.netPnlQuote();
          } else if (day.equals(pnlDay)) {
            dayPnl = dayPnl.add(e.netPnlQuote());
          }
          if (e.netPnlQuote().signum() < 0 && (lastLossAt == null || e.closedAt().isAfter(lastLossAt))) {
            lastLossAt = e.closedAt();
          }
        }
      }
      executors = open;
    }
    executors = Collections.unmodifiableMap(new LinkedHashMap<>(executors));
  }

  public static SupervisorState initial() {
    return new SupervisorState(RiskLimits.NONE, TradingState.ACTIVE, null, Map.of(),
        BigDecimal.ZERO, BigDecimal.ZERO, List.of(), false, null, null, 0, null, 0L, null, BigDecimal.ZERO, null);
  }

  private static LocalDate dayOf(final Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** What this controller may do: the stricter of its own and the global trading state. */
  TradingState effectiveState() {
    return tradingState.stricter(globalState);
  }

  int openCount() {
    return (int) executors.values().stream().filter(Entry::open).count();
  }

  long totalExecutors() {
    return closedExecutors + executors.size();
  }

  boolean anyUnconfirmed() {
    return executors.values().stream().anyMatch(e -> !e.confirmed());
  }

  BigDecimal exposure() {
    return executors.values().stream().filter(Entry::open).map(Entry::exposureQuote)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Realized P&L of executors closed on the UTC day of {@code now}. */
  BigDecimal dailyPnl(final Instant now) {
    return dayOf(now).equals(pnlDay) ? dayPnl : BigDecimal.ZERO;
  }

  /** When the latest losing executor closed: cooldown_after_loss_sec counts from it. */
  Optional<Instant> latestLoss() {
    return Optional.ofNullable(lastLossAt);
  }

  SupervisorState with(final Map<String, Entry> next) {
    return new SupervisorState(limits, tradingState, tradingStateReason, next, cumulativePnl, peakPnl, denials, registered,
        globalState, globalReason, globalVersion, windDownKeep, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  SupervisorState withLimits(final RiskLimits next) {
    return new SupervisorState(next, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials, registered,
        globalState, globalReason, globalVersion, windDownKeep, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  /** A trading state set by the user ends any wind-down (one that stops executors starts a new one). */
  SupervisorState withTradingState(final TradingState next, final String reason) {
    return new SupervisorState(limits, next, reason, executors, cumulativePnl, peakPnl, denials, registered,
        globalState, globalReason, globalVersion, null, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  SupervisorState withGlobalState(final long version, final TradingState next, final String reason) {
    return new SupervisorState(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials,
        registered, next, reason, version, windDownKeep, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  SupervisorState windingDown(final boolean keepPosition) {
    return new SupervisorState(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials,
        registered, globalState, globalReason, globalVersion, keepPosition, closedExecutors, pnlDay, dayPnl,
        lastLossAt);
  }

  SupervisorState withDenials(final List<Denial> next) {
    return new SupervisorState(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, next, registered,
        globalState, globalReason, globalVersion, windDownKeep, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  SupervisorState registeredNow() {
    return new SupervisorState(limits, tradingState, tradingStateReason, executors, cumulativePnl, peakPnl, denials, true,
        globalState, globalReason, globalVersion, windDownKeep, closedExecutors, pnlDay, dayPnl, lastLossAt);
  }

  /**
   * The open executor {@code closed} leaves the directory; its P&L is folded in (the peak only
   * rises).
   */
  SupervisorState closed(final Entry closed) {
    final Map<String, Entry> next = new LinkedHashMap<>(executors);
    next.put(closed.executorId(), closed);
    final BigDecimal pnl = closed.netPnlQuote() == null ? BigDecimal.ZERO : closed.netPnlQuote();
    final BigDecimal cumulative = cumulativePnl.add(pnl);
    // The compact constructor folds the closed entry.
    return new SupervisorState(limits, tradingState, tradingStateReason, next, cumulative, cumulative.max(peakPnl),
        denials, registered, globalState, globalReason, globalVersion, windDownKeep, closedExecutors, pnlDay,
        dayPnl, lastLossAt);
  }
}
