package dev.osprey.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenUsageTest {
  @ParameterizedTest
  @CsvSource({
      "1500, 150, 2.50, 10, 0.00525000",
      "1, 0, 0.15, 0.60, 0.00000015",
      "1, 1, 0.001, 0.004, 0.00000001", // 0.000000005 rounds half up
      "0, 0, 2.50, 10, 0.00000000",
      "1000000, 1000000, 3, 15, 18.00000000"})
  void shouldPriceTokensPerMillionExactly(final long in, final long out, final String inPrice,
      final String outPrice, final String cost) {
    assertEquals(new BigDecimal(cost),
        new TokenUsage(in, out).costUsd(new BigDecimal(inPrice), new BigDecimal(outPrice)));
  }

  @ParameterizedTest
  @CsvSource({"1200, 100, 300, 50, 1500, 150"})
  void shouldAddUsageOfEveryCall(final long p1, final long c1, final long p2, final long c2,
      final long p, final long c) {
    assertEquals(new TokenUsage(p, c), new TokenUsage(p1, c1).plus(new TokenUsage(p2, c2)));
  }
}
