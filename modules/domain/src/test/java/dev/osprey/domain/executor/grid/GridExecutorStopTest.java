package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.grid.GridRun.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.StopContract;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stop requests: keep the inventory (POSITION_HOLD) or close it at market (EARLY_STOP). */
class GridExecutorStopTest implements StopContract<GridRun> {
  @Override
  public Runs<GridRun> stopRuns() {
    return new Runs<>(() -> GridConfigs.buy().run().book("90.4", "90.6"), GridExecutorStopTest::filled);
  }

  /** Default grid, one open order at a time: L2 bought 0.2 @ 90 (fee 0.018), #2 and #3 rest. */
  private static GridRun filled() {
    final GridRun run = GridConfigs.buy().maxOpen(1).run().book("90.4", "90.6");
    run.start();
    run.fillAll(1, "0.001");
    return run;
  }

  @Test
  void shouldHandOverOpenOrdersAndPartialTakeProfitsWhenStoppedKeepingThePosition() {
    final GridRun run = filled();
    run.fill(3, "91.8", "0.05", "0.001"); // the take profit sold a quarter before the stop

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel #2", "cancel #3"), run.stop(true));
    run.cancelled(2);
    assertEquals(List.of("cancelled #3", "terminated POSITION_HOLD"), run.cancelled(3));

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(id(1), held.get(0).clientOrderId());
    assertEquals(id(3), held.get(1).clientOrderId());
    assertEquals(2, held.size());
    assertDecimal("0.2", held.get(0).executedAmountBase().value());
    assertDecimal("0.05", held.get(1).executedAmountBase().value());
    assertDecimal("4.59", held.get(1).executedAmountQuote().value());
    final ExecutorReport r = run.report();
    assertEquals(CloseType.POSITION_HOLD, r.closeType());
    assertDecimal("0", r.netPnlQuote().value());
    assertDecimal("0", r.filledAmountQuote().value());
    assertDecimal("22.59", (BigDecimal) r.customInfo().get("held_position_value"));
  }

  @ParameterizedTest(name = "keep_position {0}")
  @ValueSource(booleans = {true, false})
  void shouldEndEarlyStopWithoutOrdersWhenNothingTraded(final boolean keep) {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");
    run.start();

    run.stop(keep);
    run.cancelled(1);
    run.cancelled(2);
    run.cancelled(3);
    run.cancelled(4);

    assertEquals(List.of("cancelled #5", "terminated EARLY_STOP"), run.cancelled(5));
    assertEquals(List.of(), run.executor().heldOrders());
    assertEquals(5, run.executor().orders().entries().size());
  }

  @Test
  void shouldSellOnlyWhatNoTakeProfitSoldWhenStoppedWithoutKeepingThePosition() {
    final GridRun run = filled();
    run.fill(3, "91.8", "0.05", "0.001");

    run.stop(false);
    run.cancelled(2);
    assertEquals(
        List.of("cancelled #3", "submit #4 close SELL MARKET 0.15"), run.cancelled(3));
    assertEquals(
        List.of("fill #4 0.15@90.4", "terminated EARLY_STOP"),
        run.fill(4, "90.4", "0.15", "0.001"));
    // buy 18, sell 4.59 + 13.56 = 18.15, fees 0.018 + 0.00459 + 0.01356 = 0.03615
    final ExecutorReport r = run.report();
    assertDecimal("0.11385", r.netPnlQuote().value());
    assertDecimal("0.03615", r.cumFeesQuote().value());
    assertDecimal("36.15", r.filledAmountQuote().value());
  }
}
