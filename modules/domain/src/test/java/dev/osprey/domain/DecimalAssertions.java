package dev.osprey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;

/** Decimal checks for tests: numbers compare by value, whatever their scale. */
public final class DecimalAssertions {
  private DecimalAssertions() {}

  /** Asserts {@code actual} equals {@code expected} numerically ({@code 1.50} equals {@code 1.5}). */
  public static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was " + (actual == null ? null : plain(actual)));
  }

  /** {@code v} without exponent or trailing zeros, as expectations write numbers. */
  public static String plain(final BigDecimal v) {
    return Decimals.canonical(v).toPlainString();
  }
}
