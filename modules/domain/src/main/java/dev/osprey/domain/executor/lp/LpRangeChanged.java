package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import java.time.Instant;

/**
 * The pool price {@code price} left the range, came back into it, or jumped to its other side;
 * {@code at} starts the out-of-range clock. Persisted as {@code lp_range_changed}.
 */
public record LpRangeChanged(RangePosition position, Price price, Instant at)
    implements ExecutorEvent {}
