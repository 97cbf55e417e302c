package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.dca.DcaRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.StopContract;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stop: closing at market, or keeping the position and handing its fills over. */
class DcaExecutorStopTest implements StopContract<DcaRun> {
  @Override
  public Runs<DcaRun> stopRuns() {
    return new Runs<>(() -> DcaConfigs.maker().run(), DcaExecutorStopTest::levelZeroFilled);
  }

  private static DcaRun levelZeroFilled() {
    final DcaRun run = DcaFixtures.started();
    run.fill(1, "100", "1", "0.001");
    return run;
  }

  @Test
  void shouldCancelRestingLevelsAndCloseWhatFilledAtMarket() {
    final DcaRun run = levelZeroFilled();

    assertEquals(
        List.of(
            "shutdown EARLY_STOP", "cancel dca-1-2", "submit dca-1-3 close SELL MARKET 1 CLOSE"),
        describe(run.stop(false)));
    assertEquals(List.of("fill dca-1-3 1@101"), describe(run.fill(3, "101", "1", "0.001")));
    assertEquals(
        List.of("cancelled dca-1-2", "terminated EARLY_STOP"), describe(run.cancelled(2)));
    assertDecimal("0.799", run.report().netPnlQuote().value()); // 1 − 0.1 − 0.101
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  /**
   * The reference ends POSITION_HOLD on {@code early_stop(keep_position=True)} without recording
   * any held order, so the position book never learns about the inventory. Osprey waits for the
   * cancels (fills racing them count) and hands over every order that traded.
   */
  @Test
  void shouldNotDropTheFillsWhenStoppedKeepingThePosition() {
    final DcaRun run = levelZeroFilled();
    run.fill(2, "75", "2", "0.001");

    StopContract.assertHoldsOnceCancelled(run, 2);

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(List.of(run.orderId(1), run.orderId(2)),
        List.of(held.get(0).clientOrderId(), held.get(1).clientOrderId()));
    final String[][] expected = {
      // executed base, executed quote, fees, price
      {"1", "100", "0.1", "100"},
      {"2", "150", "0.15", "75"},
    };
    for (int i = 0; i < expected.length; i++) {
      final HeldOrder h = held.get(i);
      assertEquals(Side.BUY, h.tradeType());
      assertEquals(OrderType.LIMIT, h.orderType());
      assertEquals(PositionAction.OPEN, h.position());
      assertEquals("paper", h.connectorName());
      assertDecimal(expected[i][0], h.executedAmountBase().value());
      assertDecimal(expected[i][1], h.executedAmountQuote().value());
      assertDecimal(expected[i][2], h.cumulativeFeePaidQuote().value());
      assertDecimal(expected[i][3], h.price().value());
      assertEquals(run.now(), h.lastUpdate());
    }
    final ExecutorReport r = run.report();
    assertEquals(held, r.customInfo().get("held_position_orders"));
    assertEquals(CloseType.POSITION_HOLD, r.closeType());
  }

  @Test
  void shouldReportOnlyFeesOnceTheHeldPositionIsHandedOver() {
    final DcaRun run = levelZeroFilled();
    run.stop(true);
    run.cancelled(2);

    run.quote("130", "130.01");

    final ExecutorReport r = run.report();
    assertDecimal("-0.1", r.netPnlQuote().value());
    assertDecimal("-0.001", r.netPnlPct());
    assertDecimal("0", r.filledAmountQuote().value());
  }

  @Test
  void shouldEndEarlyStopWhenKeepingAPositionThatNeverFilled() {
    final DcaRun run = DcaFixtures.started();

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel dca-1-1"), describe(run.stop(true)));
    assertEquals(
        List.of("cancelled dca-1-1", "terminated EARLY_STOP"), describe(run.cancelled(1)));
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldHoldAtOnceWhenNothingIsLive() {
    final DcaRun run = DcaFixtures.bothFilledAt80();

    assertEquals(
        List.of("shutdown POSITION_HOLD", "terminated POSITION_HOLD"), describe(run.stop(true)));
    assertEquals(2, run.executor().heldOrders().size());
  }
}
