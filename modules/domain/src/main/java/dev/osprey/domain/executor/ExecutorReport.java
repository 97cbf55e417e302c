package dev.osprey.domain.executor;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The standardized numbers of one executor at one instant, in quote currency. While running they
 * are marked to the current market; once terminated they are final.
 */
public record ExecutorReport(
    String id,
    String type,
    String controllerId,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    RunnableStatus status,
    CloseType closeType,
    Instant timestamp,
    Instant closeTimestamp,
    QuoteAmount netPnlQuote,
    BigDecimal netPnlPct,
    QuoteAmount cumFeesQuote,
    QuoteAmount filledAmountQuote,
    QuoteAmount feesEarnedQuote,
    QuoteAmount valueQuote,
    boolean isActive,
    boolean isTrading,
    int errorCount,
    String lastError,
    Map<String, Object> customInfo) {

  /** The money of a report, in quote; how each executor type values itself differs. */
  public record Numbers(
      QuoteAmount netPnlQuote,
      BigDecimal netPnlPct,
      QuoteAmount cumFeesQuote,
      QuoteAmount filledAmountQuote,
      QuoteAmount feesEarnedQuote,
      QuoteAmount valueQuote) {

    /**
     * An executor that books no P&amp;L itself (the position book realizes it) nor earns fees,
     * having paid {@code fees} and traded {@code traded}. While {@code status} is active, what it
     * {@code executed} is worth its base at the mid of {@code market}; once handed over (or
     * without a quote) its value is what it traded.
     */
    public static Numbers unbooked(
        final QuoteAmount fees,
        final QuoteAmount traded,
        final Quantity executed,
        final RunnableStatus status,
        final MarketView market) {
      final QuoteAmount value =
          status.isActive() && market.hasQuote() ? market.book().mid().times(executed) : traded;
      return new Numbers(QuoteAmount.ZERO, BigDecimal.ZERO, fees, traded, QuoteAmount.ZERO, value);
    }
  }

  /**
   * The report of {@code ex}: identity and lifecycle from the executor ({@code is_active} while it
   * is active), the rest as its type computes it.
   */
  public static ExecutorReport of(
      final Executor ex,
      final Numbers n,
      final boolean isTrading,
      final int errorCount,
      final String lastError,
      final Map<String, Object> customInfo) {
    final ExecutorConfig c = ex.config();
    final Lifecycle l = ex.lifecycle();
    return new ExecutorReport(c.id(), c.type(), c.controllerId(), c.connectorName(),
        c.tradingPair(), c.side(), l.status(), l.closeType(), c.timestamp(), l.closedAt(),
        n.netPnlQuote(), n.netPnlPct(), n.cumFeesQuote(), n.filledAmountQuote(),
        n.feesEarnedQuote(), n.valueQuote(), l.status().isActive(), isTrading, errorCount,
        lastError, customInfo);
  }
}
