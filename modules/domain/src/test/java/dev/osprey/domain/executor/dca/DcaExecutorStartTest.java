package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.dca.DcaRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.ExpiryContract;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.StartContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start of a DCA executor: the venue-rule check, expiry, the first level. */
class DcaExecutorStartTest implements StartContract<DcaRun>, ExpiryContract<DcaRun> {
  @Override
  public DcaRun unstarted() {
    return DcaConfigs.maker().run();
  }

  @Test
  void shouldPlaceOnlyTheFirstLevelAtStart() {
    final DcaRun run = DcaConfigs.maker().run();

    assertEquals(
        List.of("started", "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN"),
        describe(run.book("100", "100.01").start()));
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
  }

  @Test
  void shouldPlaceAMakerLevelWithoutBoundsBeforeAnyQuote() {
    final DcaRun run = DcaConfigs.maker().run();

    assertEquals(
        List.of("started", "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN"),
        describe(run.start()));
  }

  @Test
  void shouldWaitForAQuoteWhenTheBoundsNeedTheMid() {
    final DcaRun run = DcaConfigs.taker().run();

    assertEquals(List.of("started"), describe(run.start()));
    assertEquals(
        List.of("submit dca-1-1 level_0 BUY MARKET 1 OPEN"), describe(run.quote("100", "100")));
  }

  @ParameterizedTest(name = "amounts {0} / {1}, min size {2}, min notional {3} -> level {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        // amounts_quote; min_order_size; min_notional; refused level; reason
        "100|300; 0.001; 150; 0; notional 100 is below min_notional 150",
        "100|300; 2;     1;   0; amount 1 is below min_order_size 2",
        "300|60;  1;     1;   1; amount 0.8 is below min_order_size 1",
        "300|60;  0.001; 61;  1; notional 60.0 is below min_notional 61",
        "100|0.05; 0;    0;   1; amount rounds to 0 at base_increment 0.001",
      })
  void shouldFailAtStartWhenALevelBreaksTheVenueRules(
      final String amounts,
      final String minSize,
      final String minNotional,
      final int level,
      final String reason) {
    final DcaRun run = DcaConfigs.maker().amounts(amounts.split("\\|")).run();

    final List<String> events = describe(run.rules(minSize, minNotional).start());

    assertEquals(
        List.of("started", "level " + level + " rejected: " + reason, "terminated FAILED"),
        events);
    final ExecutorReport r = run.report();
    assertEquals(CloseType.FAILED, r.closeType());
    assertEquals(RunnableStatus.TERMINATED, r.status());
    assertTrue(run.executor().orders().all().isEmpty());
    final String[] a = amounts.split("\\|");
    final String price = level == 0 ? "100" : "75";
    assertEquals(
        "level " + level + " (amounts_quote " + a[level] + " at prices " + price
            + ") cannot be placed: " + reason,
        r.lastError());
    assertEquals(1, r.errorCount());
    assertDecimal("0", r.netPnlQuote().value());
  }

  @Test
  void shouldPassTheRuleCheckAtExactlyTheMinimums() {
    final DcaRun run = DcaConfigs.maker().run().rules("1", "100");

    assertEquals(
        List.of("started", "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN"), describe(run.start()));
  }

  @Test
  void shouldCheckTheVenueRulesBeforeTheTimeLimit() {
    final DcaRun run = DcaConfigs.maker().timeLimit(60).run().rules("0.001", "150");

    assertEquals(
        List.of(
            "started", "level 0 rejected: notional 100 is below min_notional 150",
            "terminated FAILED"),
        describe(run.at(60).start()));
  }

  @Test
  void shouldDoNothingOnceTerminated() {
    final DcaRun run = DcaConfigs.maker().timeLimit(60).run();
    run.at(60).start();

    assertEquals(List.of(), run.tick());
    assertEquals(List.of(), run.stop(false));
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  @Override
  public LimitedRun<DcaRun> limitedTo60s() {
    return new LimitedRun<>(() -> DcaConfigs.maker().timeLimit(60).run(),
        "submit dca-1-1 level_0 BUY LIMIT 1 @100 OPEN");
  }
}
