package dev.osprey.domain.executor;

import dev.osprey.domain.money.Decimals;
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

  /**
   * The numbers of a traded P&amp;L as one value, shared by the executors' own P&amp;L records.
   *
   * @param tradePnlQuote what the fills made, before fees
   * @param cumFeesQuote the fees of every order
   * @param netPnlQuote trade minus fees (or what the executor's rules say it is)
   * @param netPnlPct net over the quote the executor put in; zero when it put in none
   * @param filledAmountQuote the traded volume in quote
   * @param valueQuote what the open position is worth
   */
  record Figures(
      QuoteAmount tradePnlQuote,
      QuoteAmount cumFeesQuote,
      QuoteAmount netPnlQuote,
      BigDecimal netPnlPct,
      QuoteAmount filledAmountQuote,
      QuoteAmount valueQuote) implements TradedPnl {

    /** The figures with {@code netPnlPct = net / invested} (zero when nothing was invested). */
    public static Figures of(
        final QuoteAmount trade,
        final QuoteAmount fees,
        final QuoteAmount net,
        final QuoteAmount invested,
        final QuoteAmount filled,
        final QuoteAmount value) {
      return new Figures(
          trade, fees, net, Decimals.divOrZero(net.value(), invested.value()), filled, value);
    }
  }
}
