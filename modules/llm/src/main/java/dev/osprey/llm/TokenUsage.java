package dev.osprey.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Tokens spent by one or more model calls, as the endpoint reported them. */
public record TokenUsage(long promptTokens, long completionTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  /** Prices are per million tokens; the cost carries 8 decimals. */
  public static final int COST_SCALE = 8;

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  public TokenUsage plus(final TokenUsage other) {
    return new TokenUsage(
        promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }

  /**
   * What these tokens cost in USD: tokens × price / 1,000,000, in and out priced apart. Exact
   * up to the 8th decimal (a price with more decimals than 2 can round there, half up).
   */
  public BigDecimal costUsd(
      final BigDecimal inPricePerMillion, final BigDecimal outPricePerMillion) {
    final BigDecimal in = BigDecimal.valueOf(promptTokens).multiply(inPricePerMillion);
    final BigDecimal out = BigDecimal.valueOf(completionTokens).multiply(outPricePerMillion);
    return in.add(out).movePointLeft(6).setScale(COST_SCALE, RoundingMode.HALF_UP);
  }
}
