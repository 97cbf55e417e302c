package dev.osprey.domain.executor;

import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;

/**
 * The P&amp;L of an executor that trades on its own account and earns no fees (position, DCA, TWAP,
 * cross-venue): what its report shows as numbers.
 */
public interface TradedPnl {
  QuoteAmount netPnlQuote();

  BigDecimal netPnlPct();

  QuoteAmount cumFeesQuote();

  QuoteAmount filledAmountQuote();

  QuoteAmount valueQuote();

  /** These numbers as a report has them (no fees earned). */
  default ExecutorReport.Numbers numbers() {
    return new ExecutorReport.Numbers(netPnlQuote(), netPnlPct(), cumFeesQuote(),
        filledAmountQuote(), QuoteAmount.ZERO, valueQuote());
  }
}
