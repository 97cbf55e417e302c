package dev.osprey.domain.executor;

import static dev.osprey.domain.executor.ReportAssertions.assertFinal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;

/**
 * One way an executor ends: a scenario, and the final numbers its report must show to the last
 * digit (net P&amp;L in quote and as a fraction, cumulative fees, filled amount). Every executor
 * type's close-path test lists its paths as these.
 *
 * @param <R> the type's run
 */
public record ClosePath<R extends ExecutorRun<?, ?, ?>>(
    String name,
    Supplier<R> scenario,
    CloseType closeType,
    String net,
    String pct,
    String fees,
    String filled) {

  public static <R extends ExecutorRun<?, ?, ?>> ClosePath<R> of(
      final String name,
      final Supplier<R> scenario,
      final String closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    return new ClosePath<>(name, scenario, CloseType.valueOf(closeType), net, pct, fees, filled);
  }

  /**
   * Runs the scenario and checks that it ended with these numbers, as {@link
   * ReportAssertions#assertEnded} does; the run, for the type's own checks.
   */
  public R assertEnded() {
    final R run = scenario.get();
    ReportAssertions.assertEnded(run, closeType, net, pct, fees, filled);
    return run;
  }

  /**
   * Runs the scenario and checks the report it ends with: these numbers, {@code customInfoKeys}
   * in order, and the close timestamp.
   */
  public void assertEnds(final List<String> customInfoKeys) {
    final R run = scenario.get();
    final ExecutorReport r = run.report();
    assertFinal(r, closeType, net, pct, fees, filled);
    assertEquals(customInfoKeys, List.copyOf(r.customInfo().keySet()));
    assertEquals(run.now(), r.closeTimestamp());
  }

  @Override
  public String toString() {
    return name;
  }
}
