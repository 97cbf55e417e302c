package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.executor.ReportAssertions.assertRetries;
import static dev.osprey.domain.executor.dca.DcaRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.BalanceRefusalContract;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.order.RejectReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refused orders: balance, paced retries, the FAILED end. */
class DcaExecutorFailureTest implements BalanceRefusalContract<DcaRun> {

  /** The first level resting, the second not placed yet. */
  @Override
  public DcaRun firstOrderLive() {
    return DcaFixtures.started();
  }

  @Test
  void shouldCancelRestingLevelsWhenALevelIsRefusedForBalanceBeforeAnyFill() {
    final DcaRun run = DcaFixtures.started();
    run.accept(1);

    assertEquals(
        List.of(
            "failed dca-1-2 INSUFFICIENT_BALANCE", "shutdown INSUFFICIENT_BALANCE",
            "cancel dca-1-1"),
        describe(run.rejected(2, RejectReason.INSUFFICIENT_BALANCE)));
    assertEquals(
        List.of("cancelled dca-1-1", "terminated INSUFFICIENT_BALANCE"),
        describe(run.cancelled(1)));
  }

  @Test
  void shouldCountABalanceRefusalAsARetryOnceSomethingFilled() {
    final DcaRun run = DcaFixtures.started();
    run.fill(1, "100", "1", "0");

    assertEquals(
        List.of("failed dca-1-2 INSUFFICIENT_BALANCE retry"),
        describe(run.rejected(2, RejectReason.INSUFFICIENT_BALANCE)));
    assertEquals(1, run.executor().retries());
  }

  @Test
  void shouldPlaceARefusedLevelAgainOnALaterDecisionAndWakeUpForIt() {
    final DcaRun run = DcaFixtures.started(DcaConfigs.maker().timeLimit(600));

    assertEquals(
        List.of("failed dca-1-1 VENUE_ERROR retry"),
        describe(run.rejected(1, RejectReason.VENUE_ERROR)),
        "recorded, not re-placed in the same decision");
    assertEquals(Optional.of(DcaConfigs.T0.plusSeconds(1)), run.executor().wakeUpAt());
    assertEquals(
        List.of("submit dca-1-2 level_0 BUY LIMIT 1 @100 OPEN"), describe(run.at(1).wake()),
        "the same level, not the next one");
    assertEquals(Optional.of(DcaConfigs.T0.plusSeconds(600)), run.executor().wakeUpAt());
  }

  @Test
  void shouldFailOnTheTenthRefusalAndCloseWhatFilled() {
    final DcaRun run = DcaFixtures.started();
    run.fill(1, "100", "1", "0.001");
    for (int seq = 2; seq < 11; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      assertEquals(
          List.of("submit dca-1-" + (seq + 1) + " level_1 BUY LIMIT 4 @75 OPEN"),
          describe(run.tick()));
    }
    assertEquals(9, run.executor().retries());
    assertEquals(RunnableStatus.RUNNING, run.executor().status());

    assertEquals(
        List.of(
            "failed dca-1-11 VENUE_ERROR retry", "shutdown FAILED",
            "submit dca-1-12 close SELL MARKET 1 CLOSE"),
        describe(run.rejected(11, RejectReason.VENUE_ERROR)));
    assertRetries(run.report(), 10, "VENUE_ERROR: refused", 10, 10);
  }

  @Test
  void shouldFailWithoutCloseOrderWhenNothingFilled() {
    final DcaRun run = DcaFixtures.started();
    for (int seq = 1; seq < 10; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      run.tick();
    }

    assertEquals(
        List.of("failed dca-1-10 VENUE_ERROR retry", "shutdown FAILED", "terminated FAILED"),
        describe(run.rejected(10, RejectReason.VENUE_ERROR)));
  }

  @Test
  void shouldPlaceARefusedCloseOrderAgainAfterAPause() {
    final DcaRun run = DcaFixtures.bothFilledAt80();
    run.stop(false);

    assertEquals(
        List.of("failed dca-1-3 VENUE_ERROR retry"),
        describe(run.rejected(3, RejectReason.VENUE_ERROR)));
    assertEquals(Optional.of(run.now().plusSeconds(1)), run.executor().wakeUpAt());
    assertEquals(
        List.of("submit dca-1-4 close SELL MARKET 5 CLOSE"), describe(run.at(1).wake()));
    assertEquals(Optional.empty(), run.executor().wakeUpAt(), "waits for the close order");
  }

  @Test
  void shouldEndFailedWhenClosingRunsOutOfRetries() {
    final DcaRun run = DcaFixtures.bothFilledAt80();
    run.stop(false);
    for (int seq = 3; seq < 12; seq++) {
      run.rejected(seq, RejectReason.VENUE_ERROR);
      assertEquals(
          List.of("submit dca-1-" + (seq + 1) + " close SELL MARKET 5 CLOSE"),
          describe(run.tick()));
    }

    assertEquals(
        List.of("failed dca-1-12 VENUE_ERROR retry", "terminated FAILED"),
        describe(run.rejected(12, RejectReason.VENUE_ERROR)));
  }
}
