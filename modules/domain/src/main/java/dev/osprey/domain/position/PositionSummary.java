package dev.osprey.domain.position;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;

/**
 * One hold marked to a mid price (reference {@code PositionSummary}). {@code globalPnlQuote} is
 * unrealized + realized − fees: Osprey subtracts the fees of held positions, which the reference's
 * performance report forgets to do.
 */
public record PositionSummary(
    PositionKey key,
    Quantity amount,
    Side side,
    Price breakevenPrice,
    QuoteAmount unrealizedPnlQuote,
    QuoteAmount realizedPnlQuote,
    QuoteAmount cumFeesQuote,
    QuoteAmount volumeTradedQuote,
    QuoteAmount amountQuote,
    QuoteAmount globalPnlQuote) {}
