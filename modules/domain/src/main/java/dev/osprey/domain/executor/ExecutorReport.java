package dev.osprey.domain.executor;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
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
    Map<String, Object> customInfo) {}
