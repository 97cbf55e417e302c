package dev.osprey.domain.executor.position;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertRetries;
import static dev.osprey.domain.executor.position.PositionRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.BalanceRefusalContract;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refused orders: balance, retries, the FAILED end, and close orders that must not double. */
class PositionExecutorFailureTest implements BalanceRefusalContract<PositionRun> {

  private static PositionRun started() {
    final PositionRun run = PositionConfigs.buy().stopLoss("0.02").run();
    run.book("100", "100.01").start();
    return run;
  }

  /** The entry order resting. */
  @Override
  public PositionRun firstOrderLive() {
    return started();
  }

  @Test
  void shouldRetryTheEntryOnTheNextDecisionAndFailAfterTenRetries() {
    final PositionRun run = started();
    for (int n = 1; n <= PositionExecutor.MAX_RETRIES; n++) {
      assertEquals(
          List.of("failed pe-1-" + n + " VENUE_ERROR retry"),
          describe(run.rejected(n, RejectReason.VENUE_ERROR)),
          "failure " + n + " is recorded, not re-placed at once");
      assertEquals(
          List.of("submit pe-1-" + (n + 1) + " open BUY LIMIT 1 @100 OPEN"),
          describe(run.tick()),
          "the next decision re-places it");
    }
    assertEquals(10, run.executor().retries());
    assertEquals(RunnableStatus.RUNNING, run.executor().status());

    assertEquals(
        List.of("failed pe-1-11 VENUE_ERROR retry", "shutdown FAILED", "terminated FAILED"),
        describe(run.rejected(11, RejectReason.VENUE_ERROR)));
    assertRetries(run.report(), 11, "VENUE_ERROR: refused", 11, 10);
  }

  @Test
  void shouldCloseWhatFilledWhenRetriesRunOut() {
    final PositionRun run =
        PositionConfigs.buy().takeProfit("0.5").takeProfitType(OrderType.LIMIT).filled("0.001");
    for (int n = 2; n <= 11; n++) {
      run.rejected(n, RejectReason.TRADING_RULE);
      assertEquals(
          List.of("submit pe-1-" + (n + 1) + " take_profit SELL LIMIT 1 @150 CLOSE"),
          describe(run.tick()));
    }

    assertEquals(
        List.of("failed pe-1-12 TRADING_RULE retry", "shutdown FAILED",
            "submit pe-1-13 close SELL MARKET 1 CLOSE"),
        describe(run.rejected(12, RejectReason.TRADING_RULE)));
    assertEquals(
        List.of("fill pe-1-13 1@102", "terminated FAILED"),
        describe(run.fill(13, "102", "1", "0.001")));
    // FAILED zeroes the trade part: net is minus the fees 0.1 + 0.102
    assertDecimal("-0.202", run.report().netPnlQuote().value());
  }

  @Test
  void shouldRePlaceAFailedCloseOrderOnTheNextDecision() {
    final PositionRun run = PositionConfigs.buy().stopLoss("0.02").filled("0");
    run.quote("98", "98.01");

    assertEquals(
        List.of("failed pe-1-2 INSUFFICIENT_BALANCE retry"),
        describe(run.rejected(2, RejectReason.INSUFFICIENT_BALANCE)));
    assertEquals(List.of("submit pe-1-3 close SELL MARKET 1 CLOSE"), describe(run.tick()));
    assertEquals(
        List.of("fill pe-1-3 1@98", "terminated STOP_LOSS"), describe(run.fill(3, "98", "1", "0")));
  }

  @Test
  void shouldEndFailedWhenTheCloseKeepsFailing() {
    final PositionRun run = PositionConfigs.buy().stopLoss("0.02").filled("0");
    run.quote("98", "98.01");
    for (int n = 2; n <= 11; n++) {
      run.rejected(n, RejectReason.VENUE_ERROR);
      run.tick();
    }
    assertEquals(Optional.of(CloseType.STOP_LOSS), run.executor().closeType());

    assertEquals(
        List.of("failed pe-1-12 VENUE_ERROR retry", "terminated FAILED"),
        describe(run.rejected(12, RejectReason.VENUE_ERROR)));
  }

  @Test
  void shouldNeverPlaceASecondCloseOrderWhileOneIsLive() {
    final PositionRun run = PositionConfigs.buy().stopLoss("0.02").filled("0");
    assertEquals(
        List.of("shutdown STOP_LOSS", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.quote("98", "98.01")));

    assertEquals(List.of(), run.tick());
    assertEquals(List.of(), run.quote("97", "97.01"));
    assertEquals(List.of(), run.at(3600).wake());
    assertEquals(List.of(), run.stop(false));
    assertEquals(List.of("ack pe-1-2"), describe(run.accept(2)));
    assertEquals(List.of("fill pe-1-2 0.5@97"), describe(run.fill(2, "97", "0.5", "0")));
    assertEquals(List.of(), run.tick());
    assertEquals(2, run.executor().orders().all().size());
  }

  @Test
  void shouldIgnoreRepeatedAndUnknownVenueReports() {
    final PositionRun run = started();
    run.fill(1, "100", "0.5", "0");

    assertEquals(List.of(), run.venue(new dev.osprey.domain.order.OrderEvent.Cancelled(
        run.orderId(99), run.now())));
    run.accept(1);
    assertEquals(List.of(), run.accept(1));
  }
}
