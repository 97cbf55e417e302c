package dev.osprey.agent.loom;

import java.math.BigDecimal;

/**
 * Spec 003's order size by confidence: {@code min + (max − min) × (confidence − 0.5) × 2}, so 0.5
 * gives the minimum and 1 the maximum. Exact in decimals: 0.85 with 0.001–0.01 is 0.0073.
 */
public final class LoomSizing {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private LoomSizing() {}

  /** @param confidence from 0.5 to 1 (below 0.5 no order is placed at all) */
  public static BigDecimal size(final BigDecimal confidence, final BigDecimal min, final BigDecimal max) {
    final BigDecimal size = min.add(max.subtract(min).multiply(confidence.subtract(HALF)).multiply(TWO));
    return size.max(min).min(max).stripTrailingZeros();
  }
}
