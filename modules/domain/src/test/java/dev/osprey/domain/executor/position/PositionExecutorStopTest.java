package dev.osprey.domain.executor.position;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.position.PositionRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.StopContract;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stop: closing at market, or keeping the position and handing its fills over. */
class PositionExecutorStopTest implements StopContract<PositionRun> {
  @Override
  public Runs<PositionRun> stopRuns() {
    return new Runs<>(() -> PositionConfigs.buy().run(), () -> PositionConfigs.buy().filled("0"));
  }

  private static PositionRun started() {
    final PositionRun run = PositionConfigs.buy().run();
    run.book("100", "100.01").start();
    return run;
  }

  @Test
  void shouldCloseAtMarketOnEarlyStop() {
    final PositionRun run = PositionConfigs.buy().filled("0.001");

    assertEquals(
        List.of("shutdown EARLY_STOP", "submit pe-1-2 close SELL MARKET 1 CLOSE"),
        describe(run.stop(false)));
    assertEquals(
        List.of("fill pe-1-2 1@101", "terminated EARLY_STOP"),
        describe(run.fill(2, "101", "1", "0.001")));
    assertDecimal("0.799", run.report().netPnlQuote().value()); // 1 - 0.1 - 0.101
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldCancelAndEndEarlyStopWhenNothingFilled() {
    final PositionRun run = started();

    assertEquals(List.of("shutdown EARLY_STOP", "cancel pe-1-1"), describe(run.stop(false)));
    assertEquals(List.of("cancelled pe-1-1", "terminated EARLY_STOP"), describe(run.cancelled(1)));
  }

  @Test
  void shouldHoldAFilledPositionWithoutCloseOrder() {
    final PositionRun run = PositionConfigs.buy().filled("0.001");

    assertEquals(
        List.of("shutdown POSITION_HOLD", "terminated POSITION_HOLD"), describe(run.stop(true)));

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(1, held.size());
    final HeldOrder h = held.get(0);
    assertEquals(run.orderId(1), h.clientOrderId());
    assertEquals(Side.BUY, h.tradeType());
    assertDecimal("1", h.executedAmountBase().value());
    assertDecimal("100", h.executedAmountQuote().value());
    assertDecimal("0.1", h.cumulativeFeePaidQuote().value());
    assertEquals(run.now(), h.lastUpdate());

    run.quote("110", "110.01");
    final ExecutorReport r = run.report();
    assertDecimal("-0.1", r.netPnlQuote().value()); // trade part zeroed: fees only
    assertDecimal("0", r.filledAmountQuote().value());
    assertEquals(held, r.customInfo().get("held_position_orders"));
  }

  @Test
  void shouldHoldAPartialFillOnceTheOpenOrderIsCancelled() {
    final PositionRun run = started();
    run.fill(1, "100", "0.4", "0");

    StopContract.assertHoldsOnceCancelled(run, 1);
    assertDecimal("0.4", run.executor().heldOrders().get(0).executedAmountBase().value());
  }

  @Test
  void shouldHoldTheTakeProfitFillsToo() {
    final PositionRun run =
        PositionConfigs.buy().takeProfit("0.03").takeProfitType(OrderType.LIMIT).filled("0");
    run.fill(2, "103", "0.25", "0");

    StopContract.assertHoldsOnceCancelled(run, 2);

    final List<HeldOrder> held = run.executor().heldOrders();
    assertEquals(
        List.of(Side.BUY, Side.SELL), List.of(held.get(0).tradeType(), held.get(1).tradeType()));
    assertDecimal("0.25", held.get(1).executedAmountBase().value());
  }

  @Test
  void shouldEndEarlyStopWhenKeepingAPositionThatNeverFilled() {
    final PositionRun run = started();

    assertEquals(List.of("shutdown POSITION_HOLD", "cancel pe-1-1"), describe(run.stop(true)));
    assertEquals(List.of("cancelled pe-1-1", "terminated EARLY_STOP"), describe(run.cancelled(1)));
    assertTrue(run.executor().heldOrders().isEmpty());
  }
}
