package dev.osprey.domain.executor;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.DecimalAssertions.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

/** Checks of executor reports, on the numbers every executor type standardizes. */
public final class ReportAssertions {
  private ReportAssertions() {}

  /**
   * Asserts that {@code r} is TERMINATED with {@code closeType} and, to the last digit, these
   * net P&amp;L (quote and fraction), cumulative fees and filled amount (quote).
   */
  public static void assertFinal(
      final ExecutorReport r,
      final CloseType closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    assertEquals(RunnableStatus.TERMINATED, r.status());
    assertEquals(closeType, r.closeType());
    assertFigures(r, net, pct, fees, filled);
  }

  /**
   * Asserts that {@code run} has ended as {@link #assertFinal} says, and that its report knows it:
   * {@code close_type} in the custom info, closed at the run's current instant, neither active nor
   * trading, no wake-up left. Returns the report, for the type's own checks.
   */
  public static ExecutorReport assertEnded(
      final ExecutorRun<?, ?, ?> run,
      final CloseType closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    final ExecutorReport r = run.report();
    assertFinal(r, closeType, net, pct, fees, filled);
    assertEquals(closeType.name(), r.customInfo().get("close_type"));
    assertEquals(run.now(), r.closeTimestamp());
    assertEquals(false, r.isActive());
    assertEquals(false, r.isTrading());
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
    return r;
  }

  /**
   * Asserts, to the last digit, the net P&amp;L (quote and fraction), cumulative fees and filled
   * amount (quote) of {@code r}, whatever its status.
   */
  public static void assertFigures(
      final ExecutorReport r,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    assertDecimal(net, r.netPnlQuote().value());
    assertDecimal(pct, r.netPnlPct());
    assertDecimal(fees, r.cumFeesQuote().value());
    assertDecimal(filled, r.filledAmountQuote().value());
  }

  /**
   * Asserts, to the last digit, decimals of the {@code custom_info} of {@code r}.
   *
   * @param keysAndValues a key, then its expected value, and so on: {@code "close_price", "103.1"}
   */
  public static void assertInfoDecimals(final ExecutorReport r, final String... keysAndValues) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      final String key = keysAndValues[i];
      final String expected = keysAndValues[i + 1];
      final Object actual = r.customInfo().get(key);
      assertTrue(actual instanceof BigDecimal, () -> key + " is not a decimal: " + actual);
      assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual),
          () -> key + ": expected " + expected + " but was " + plain((BigDecimal) actual));
    }
  }

  /**
   * Asserts how {@code r} counts refusals: the errors, the last one ({@code REASON: message}), and
   * the {@code current_retries} and {@code max_retries} of its custom info.
   */
  public static void assertRetries(
      final ExecutorReport r,
      final int errors,
      final String lastError,
      final int currentRetries,
      final int maxRetries) {
    assertEquals(errors, r.errorCount());
    assertEquals(lastError, r.lastError());
    assertEquals(currentRetries, r.customInfo().get("current_retries"));
    assertEquals(maxRetries, r.customInfo().get("max_retries"));
  }
}
