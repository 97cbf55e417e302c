package dev.osprey.agent.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec 003's sizing table, and the 0.85 (the spec's 0.0082 belongs to 0.9). */
class LoomSizingTest {
  @ParameterizedTest
  @CsvSource({"0.5, 0.001", "0.6, 0.0028", "0.7, 0.0046", "0.8, 0.0064", "0.85, 0.0073", "0.9, 0.0082", "1.0, 0.01"})
  void shouldSizeByConfidenceBetweenMinAndMax(final String confidence, final String size) {
    assertEquals(new BigDecimal(size),
        LoomSizing.size(new BigDecimal(confidence), new BigDecimal("0.001"), new BigDecimal("0.01")));
  }
}
