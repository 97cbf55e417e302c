package dev.osprey.domain.executor.position;

import java.math.BigDecimal;

/**
 * Trailing stop on P&amp;L fractions (not prices): it activates once {@code net_pnl_pct} exceeds
 * {@code activationPrice} (strictly) and closes when P&amp;L falls {@code trailingDelta} below its
 * best since activation.
 */
public record TrailingStop(BigDecimal activationPrice, BigDecimal trailingDelta) {}
