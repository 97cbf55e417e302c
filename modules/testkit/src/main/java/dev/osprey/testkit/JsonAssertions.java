package dev.osprey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Checks of JSON the API and the backtest write: numbers compare by value, whatever their scale. */
public final class JsonAssertions {
  private JsonAssertions() {}

  /** Asserts that {@code actual} is there and equals {@code expected} numerically. */
  public static void assertDecimal(final String expected, final JsonNode actual) {
    assertNotNull(actual, "missing field");
    assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()),
        () -> "expected " + expected + " but was " + actual);
  }

  /**
   * Asserts the standard numbers of one executor's JSON report: {@code net_pnl_quote}, {@code
   * cum_fees_quote} and {@code filled_amount_quote}.
   */
  public static void assertNumbers(
      final JsonNode executor, final String net, final String fees, final String filled) {
    assertDecimal(net, executor.get("net_pnl_quote"));
    assertDecimal(fees, executor.get("cum_fees_quote"));
    assertDecimal(filled, executor.get("filled_amount_quote"));
  }
}
