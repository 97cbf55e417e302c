package dev.osprey.agent.journal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One executor the agent created in a session, as the journal's Executors section lists it, with
 * its latest numbers (all in quote).
 *
 * @param side BUY or SELL, or {@code -} for executors without one (grid ranges, LP)
 * @param amountQuote the planned amount in quote (what the risk gate counted)
 * @param closeType the close type once it terminated, else empty
 */
public record ExecutorLine(
    String executorId,
    String type,
    String connector,
    String tradingPair,
    String side,
    BigDecimal amountQuote,
    Instant created,
    boolean open,
    BigDecimal netPnlQuote,
    BigDecimal feesQuote,
    BigDecimal volumeQuote,
    String closeType) {}
