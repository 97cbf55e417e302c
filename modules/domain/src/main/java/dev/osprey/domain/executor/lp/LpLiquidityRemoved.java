package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Instant;

/**
 * The liquidity was withdrawn at pool price {@code price}: the position returned {@code
 * baseAmount} and {@code quoteAmount} (fees come on top, as accrued), paying {@code txFeeQuote}.
 * Persisted as {@code lp_liquidity_removed}.
 */
public record LpLiquidityRemoved(
    Quantity baseAmount, QuoteAmount quoteAmount, Price price, QuoteAmount txFeeQuote, Instant at)
    implements ExecutorEvent {}
