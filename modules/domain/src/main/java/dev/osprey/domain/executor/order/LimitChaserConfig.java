package dev.osprey.domain.executor.order;

import java.math.BigDecimal;

/**
 * LIMIT_CHASER parameters, fractions of the best price: the order rests {@code distance} behind
 * the best price and is renewed when the market moved away by more than {@code refreshThreshold}.
 */
public record LimitChaserConfig(BigDecimal distance, BigDecimal refreshThreshold) {}
