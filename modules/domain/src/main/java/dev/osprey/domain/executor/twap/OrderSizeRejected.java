package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;

/**
 * A TWAP executor's slice ({@code orderAmountQuote}, worth {@code orderAmountQuote / mid} in base)
 * cannot form an order under the venue's trading rules ({@code reason}), judged at the first mid
 * it saw. It ends FAILED before any order. Persisted as {@code twap_order_size_rejected}.
 */
public record OrderSizeRejected(QuoteAmount orderAmountQuote, Price mid, String reason)
    implements ExecutorEvent {}
