package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The simulated pool took the deposit: {@code liquidity} over the configured range, funded with
 * {@code baseAmount} and {@code quoteAmount} at pool price {@code price}, paying {@code
 * txFeeQuote}. Persisted as {@code lp_liquidity_added}.
 */
public record LpLiquidityAdded(
    BigDecimal liquidity,
    Quantity baseAmount,
    QuoteAmount quoteAmount,
    Price price,
    QuoteAmount txFeeQuote,
    Instant at)
    implements ExecutorEvent {}
