package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.time.Instant;

/**
 * The pool price moved to {@code price} through the position's range and the position earned
 * {@code baseFee} and {@code quoteFee} (increments, not totals). Only moves the position can see
 * (its clipped price changes) are recorded. Persisted as {@code lp_fees_accrued}.
 */
public record LpFeesAccrued(Price price, Quantity baseFee, QuoteAmount quoteFee, Instant at)
    implements ExecutorEvent {}
