package dev.osprey.domain.risk;

import dev.osprey.domain.Require;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionHold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a controller holds and has made, marked to market at one instant, beyond what its closed
 * executors realized: the net P&amp;L of its running executors (as they report it, marked to the
 * mid), and its held positions valued at the mid with their P&amp;L (unrealized + realized − fees,
 * the position book's own figure). A held position of a market without a quote is valued at its
 * breakeven price (no unrealized P&amp;L) rather than not at all.
 *
 * @param executorsPnl the summed net P&amp;L of the running executors
 * @param heldValue the held positions' absolute size in quote, {@code |net base| × mid}
 * @param heldPnl the held positions' P&amp;L
 * @param at when it was marked
 */
public record ControllerMark(QuoteAmount executorsPnl, QuoteAmount heldValue, QuoteAmount heldPnl, Instant at) {
  /** Nothing running, nothing held. */
  public static final ControllerMark NONE =
      new ControllerMark(QuoteAmount.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO, null);

  public ControllerMark {
    Require.nonNull("executors_pnl", executorsPnl, "held_value", heldValue, "held_pnl", heldPnl);
  }

  /**
   * Marks the running executors' P&amp;L and the held positions.
   *
   * @param mid the mid of a held position's market, empty without a quote
   */
  public static ControllerMark of(
      final List<QuoteAmount> runningPnls,
      final List<PositionHold> holds,
      final Function<PositionHold, Optional<Price>> mid,
      final Instant at) {
    QuoteAmount executors = QuoteAmount.ZERO;
    for (QuoteAmount pnl : runningPnls) {
      executors = executors.plus(pnl);
    }
    QuoteAmount value = QuoteAmount.ZERO;
    QuoteAmount pnl = QuoteAmount.ZERO;
    for (PositionHold h : holds) {
      if (h.isFlat()) {
        pnl = pnl.plus(h.realizedPnlQuote()).minus(h.cumFeesQuote());
        continue;
      }
      final Price price = mid.apply(h).orElse(h.breakevenPrice());
      value = value.plus(price.times(h.amount()));
      pnl = pnl.plus(h.summary(price).globalPnlQuote());
    }
    return new ControllerMark(executors, value, pnl, at);
  }

  /** Everything open, marked: running executors plus held positions. */
  public QuoteAmount pnl() {
    return executorsPnl.plus(heldPnl);
  }

  /**
   * The controller's usage with this mark on top of what closed executors realized: held value
   * adds to exposure, and the marked P&amp;L to today's and to the cumulative P&amp;L (so a loss
   * counts as soon as it is marked, not only when an executor closes). {@code markedPeak} is the
   * highest cumulative P&amp;L marked so far, which may be above the realized peak.
   */
  public RiskUsage applyTo(final RiskUsage realized, final QuoteAmount markedPeak) {
    final QuoteAmount current = realized.currentCumulativePnl().plus(pnl());
    QuoteAmount peak = realized.peakCumulativePnl();
    if (markedPeak.compareTo(peak) > 0) {
      peak = markedPeak;
    }
    if (current.compareTo(peak) > 0) {
      peak = current;
    }
    return new RiskUsage(
        realized.openExecutors(),
        realized.exposureQuote().plus(heldValue),
        realized.dailyRealizedPnl().plus(pnl()),
        peak,
        current,
        realized.dailyLlmCostUsd());
  }
}
