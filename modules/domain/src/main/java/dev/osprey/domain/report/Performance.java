package dev.osprey.domain.report;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.position.PositionView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A controller's performance from its executors' reports and its held positions.
 *
 * <ul>
 *   <li>{@code realized}: net P&amp;L of terminated executors that did not hand over (a
 *       POSITION_HOLD executor's P&amp;L lives on in its held position).
 *   <li>{@code unrealized}: net P&amp;L of executors still running, marked to market.
 *   <li>Held positions: their realized and unrealized P&amp;L, and their fees.
 *   <li>{@code global = realized + unrealized + held realized + held unrealized − held fees}
 *       (osprey-decisions: held fees subtracted, held realized included); {@code global_pct =
 *       global / volume} as a fraction.
 *   <li>Win rate and Sharpe ratio over the executors in {@code realized} (Sharpe: mean over
 *       sample standard deviation of their net P&amp;L, 4 decimals, null under two values or with
 *       no dispersion).
 * </ul>
 */
public record Performance(
    int totalExecutors,
    Map<String, Integer> byStatus,
    Map<String, Integer> closeTypeCounts,
    BigDecimal realizedPnlQuote,
    BigDecimal unrealizedPnlQuote,
    BigDecimal heldRealizedPnlQuote,
    BigDecimal heldUnrealizedPnlQuote,
    BigDecimal heldFeesQuote,
    BigDecimal globalPnlQuote,
    BigDecimal globalPnlPct,
    BigDecimal feesTotalQuote,
    BigDecimal volumeTotalQuote,
    BigDecimal winRate,
    BigDecimal pnlPctAvg,
    BigDecimal sharpeRatio,
    List<TypeStats> byType,
    int activePositions) {

  /** Per executor type. */
  public record TypeStats(
      String executorType, int total, int completed, int running, BigDecimal pnlQuote,
      BigDecimal volumeQuote, BigDecimal feesQuote) {}

  public static Performance of(final List<ExecutorReport> reports, final List<PositionView> positions) {
    final Map<String, Integer> byStatus = new TreeMap<>();
    final Map<String, Integer> closeTypes = new TreeMap<>();
    final Map<String, TypeStats> byType = new TreeMap<>();
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal unrealized = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal pctSum = BigDecimal.ZERO;
    final List<BigDecimal> closedPnls = new ArrayList<>();
    int wins = 0;
    for (ExecutorReport r : reports) {
      byStatus.merge(r.status().name(), 1, Integer::sum);
      final BigDecimal pnl = r.netPnlQuote().value();
      final boolean terminated = r.status() == RunnableStatus.TERMINATED;
      if (terminated && r.closeType() != null) {
        closeTypes.merge(r.closeType().name(), 1, Integer::sum);
      }
      if (!terminated) {
        unrealized = unrealized.add(pnl);
      } else if (r.closeType() != CloseType.POSITION_HOLD) {
        realized = realized.add(pnl);
        closedPnls.add(pnl);
        if (pnl.signum() > 0) {
          wins++;
        }
      }
      fees = fees.add(r.cumFeesQuote().value());
      volume = volume.add(r.filledAmountQuote().value());
      pctSum = pctSum.add(r.netPnlPct());
      byType.merge(r.type(), new TypeStats(r.type(), 1, terminated ? 1 : 0, terminated ? 0 : 1, pnl,
          r.filledAmountQuote().value(), r.cumFeesQuote().value()), Performance::add);
    }
    BigDecimal heldRealized = BigDecimal.ZERO;
    BigDecimal heldUnrealized = BigDecimal.ZERO;
    BigDecimal heldFees = BigDecimal.ZERO;
    int active = 0;
    for (PositionView p : positions) {
      heldRealized = heldRealized.add(p.realizedPnlQuote().value());
      heldFees = heldFees.add(p.cumFeesQuote().value());
      if (p.unrealizedPnlQuote() != null) {
        heldUnrealized = heldUnrealized.add(p.unrealizedPnlQuote().value());
      }
      if (p.netAmountBase().signum() != 0) {
        active++;
      }
    }
    final BigDecimal global = realized.add(unrealized).add(heldRealized).add(heldUnrealized).subtract(heldFees);
    return new Performance(
        reports.size(), byStatus, closeTypes, realized, unrealized, heldRealized, heldUnrealized, heldFees,
        global, Decimals.divOrZero(global, volume), fees, volume,
        closedPnls.isEmpty() ? null : Decimals.div(BigDecimal.valueOf(wins), BigDecimal.valueOf(closedPnls.size())),
        reports.isEmpty() ? null : Decimals.div(pctSum, BigDecimal.valueOf(reports.size())),
        sharpe(closedPnls), List.copyOf(byType.values()), active);
  }

  private static TypeStats add(final TypeStats a, final TypeStats b) {
    return new TypeStats(a.executorType(), a.total() + b.total(), a.completed() + b.completed(),
        a.running() + b.running(), a.pnlQuote().add(b.pnlQuote()), a.volumeQuote().add(b.volumeQuote()),
        a.feesQuote().add(b.feesQuote()));
  }

  /** Mean over sample standard deviation, 4 decimals; null under two values or zero dispersion. */
  static BigDecimal sharpe(final List<BigDecimal> values) {
    if (values.size() < 2) {
      return null;
    }
    final BigDecimal n = BigDecimal.valueOf(values.size());
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      sum = sum.add(v);
    }
    final BigDecimal mean = Decimals.div(sum, n);
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      final BigDecimal d = v.subtract(mean);
      squares = squares.add(d.multiply(d));
    }
    final BigDecimal variance = Decimals.div(squares, n.subtract(BigDecimal.ONE));
    if (variance.signum() == 0) {
      return null;
    }
    final BigDecimal std = variance.sqrt(MathContext.DECIMAL128);
    return Decimals.div(mean, std).setScale(4, RoundingMode.HALF_EVEN);
  }
}
