package dev.osprey.domain.risk;

import dev.osprey.domain.Require;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * What a controller uses of its limits at one instant: open executors, exposure in quote, today's
 * (UTC) realized P&amp;L, the peak and current cumulative P&amp;L, and today's LLM cost in USD.
 */
public record RiskUsage(
    int openExecutors,
    QuoteAmount exposureQuote,
    QuoteAmount dailyRealizedPnl,
    QuoteAmount peakCumulativePnl,
    QuoteAmount currentCumulativePnl,
    BigDecimal dailyLlmCostUsd) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Nothing open, nothing traded, nothing spent. */
  public static final RiskUsage NONE =
      new RiskUsage(
          0,
          QuoteAmount.ZERO,
          QuoteAmount.ZERO,
          QuoteAmount.ZERO,
          QuoteAmount.ZERO,
          BigDecimal.ZERO);

  public RiskUsage {
    Require.nonNull(
        "exposure_quote", exposureQuote, "daily_realized_pnl", dailyRealizedPnl,
        "peak_cumulative_pnl", peakCumulativePnl, "current_cumulative_pnl", currentCumulativePnl,
        "daily_llm_cost_usd", dailyLlmCostUsd);
    if (openExecutors < 0) {
      throw new IllegalArgumentException("open executors must not be negative: " + openExecutors);
    }
  }

  /**
   * Drawdown from the peak of cumulative P&amp;L, in percent of the peak: {@code (peak − current)
   * / peak × 100}; 0 when the peak is not positive or P&amp;L is at its peak.
   */
  public BigDecimal drawdownPct() {
    final BigDecimal peak = peakCumulativePnl.value();
    if (peak.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    final BigDecimal drop = peak.subtract(currentCumulativePnl.value());
    return drop.signum() <= 0 ? BigDecimal.ZERO : Decimals.div(drop.multiply(HUNDRED), peak);
  }

  /**
   * This usage with one more approved executor of {@code exposure}: approved creates count at
   * once, so two creates in a row cannot both slip under a limit.
   */
  public RiskUsage withCreated(final QuoteAmount exposure) {
    return new RiskUsage(
        openExecutors + 1,
        exposureQuote.plus(exposure),
        dailyRealizedPnl,
        peakCumulativePnl,
        currentCumulativePnl,
        dailyLlmCostUsd);
  }
}
