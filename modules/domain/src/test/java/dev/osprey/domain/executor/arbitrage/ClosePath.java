package dev.osprey.domain.executor.arbitrage;

import static dev.osprey.domain.executor.ReportAssertions.assertFinal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorReport;
import java.util.List;
import java.util.function.Supplier;

/**
 * One way a cross-venue executor ends: a scenario, and the final numbers its report must show to
 * the last digit (net P&amp;L in quote and as a fraction, cumulative fees, filled amount).
 *
 * @param <E> the executor type
 */
public record ClosePath<E extends Executor>(
    String name,
    Supplier<CrossVenueRun<E>> scenario,
    CloseType closeType,
    String net,
    String pct,
    String fees,
    String filled) {

  public static <E extends Executor> ClosePath<E> of(
      final String name,
      final Supplier<CrossVenueRun<E>> scenario,
      final String closeType,
      final String net,
      final String pct,
      final String fees,
      final String filled) {
    return new ClosePath<>(name, scenario, CloseType.valueOf(closeType), net, pct, fees, filled);
  }

  /**
   * Runs the scenario and checks the report it ends with: these numbers, {@code customInfoKeys}
   * in order, and the close timestamp.
   */
  public void assertEnds(final List<String> customInfoKeys) {
    final CrossVenueRun<E> run = scenario.get();
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
