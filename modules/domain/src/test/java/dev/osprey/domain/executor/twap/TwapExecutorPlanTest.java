package dev.osprey.domain.executor.twap;

import static dev.osprey.domain.executor.twap.TwapRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.StartContract;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.RejectReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slice plan: when slots are ordered, how much, at what price, and MAKER renewal. */
class TwapExecutorPlanTest implements StartContract<TwapRun> {
  @Override
  public TwapRun unstarted() {
    return TwapConfigs.taker().run();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "TAKER, BUY,  submit twap-1-1 slot_0 BUY MARKET 2 OPEN",
    "TAKER, SELL, submit twap-1-1 slot_0 SELL MARKET 2 OPEN",
    "MAKER, BUY,  submit twap-1-1 slot_0 BUY LIMIT 2 @9.9 OPEN",
    "MAKER, SELL, submit twap-1-1 slot_0 SELL LIMIT 2 @10.1 OPEN",
  })
  void shouldOrderTheFirstSliceAtStartSizedAtTheMid(
      final TwapMode mode, final Side side, final String expected) {
    final TwapConfigs configs = mode == TwapMode.MAKER ? TwapConfigs.maker() : TwapConfigs.taker();
    final TwapRun run = configs.side(side).run();

    assertEquals(List.of("started", expected), describe(run.book("9.99", "10.01").start()));
  }

  @Test
  void shouldWakeUpAtEachSlotTimeAndOrderTheSlotThen() {
    final TwapRun run = TwapConfigs.taker().started();
    run.fill(1, "10", "2", "0");
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(10)), run.executor().wakeUpAt());

    assertEquals(List.of(), run.at(9).wake(), "slot 1 is not due yet");
    assertEquals(
        List.of("submit twap-1-2 slot_1 BUY MARKET 2 OPEN"), describe(run.at(10).wake()));
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(20)), run.executor().wakeUpAt());
  }

  @Test
  void shouldWaitForAQuoteAndThenOrderEveryDueSlotInOneDecision() {
    final TwapRun run = TwapConfigs.taker().run();

    assertEquals(List.of("started"), describe(run.start()));
    assertEquals(Optional.of(TwapConfigs.T0), run.executor().wakeUpAt());
    // 20 s late: slots 0, 1 and 2 are due; each live slice counts as committed for the next
    assertEquals(
        List.of(
            "submit twap-1-1 slot_0 BUY MARKET 2 OPEN",
            "submit twap-1-2 slot_1 BUY MARKET 2 OPEN",
            "submit twap-1-3 slot_2 BUY MARKET 2 OPEN"),
        describe(run.at(20).quote("9.99", "10.01")));
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(30)), run.executor().wakeUpAt());
  }

  @ParameterizedTest(name = "slot 0 filled {0} at {1}, mid {2} -> slot 1 buys {3}")
  @CsvSource({
    // slot 1 gets (100 − executed) / 4 of quote at the mid
    "2,   10,   10, 2",
    "2,   12.5, 10, 1.875", // (100 − 25) / 4 / 10
    "2,   10,   8,  2.5",
    "2,   8,    10, 2.1",   // (100 − 16) / 4 / 10
  })
  void shouldSizeEachSliceToAnEqualShareOfWhatIsLeft(
      final String filled, final String price, final String mid, final String expected) {
    final TwapRun run = TwapConfigs.taker().started();
    run.fill(1, price, filled, "0");

    assertEquals(
        List.of("submit twap-1-2 slot_1 BUY MARKET " + expected + " OPEN"),
        describe(run.at(10).quote(mid, mid)));
  }

  @Test
  void shouldRenewARestingMakerSliceOnceTheCancelIsConfirmed() {
    final TwapRun run = TwapConfigs.maker().started();
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(5)), run.executor().wakeUpAt());

    assertEquals(List.of(), run.at(4).tick(), "rested 4 s of 5");
    assertEquals(List.of("cancel twap-1-1"), describe(run.at(5).wake()));
    assertEquals(List.of(), run.tick(), "no second order while the first may still fill");
    // 20 / 11 = 1.818..., 11 · 0.99 = 10.89
    assertEquals(
        List.of("cancelled twap-1-1", "submit twap-1-2 slot_0 BUY LIMIT 1.818 @10.89 OPEN"),
        describe(run.book("10.99", "11.01").cancelled(1)));
  }

  @Test
  void shouldCountFillsThatRacedTheRenewal() {
    final TwapRun run = TwapConfigs.maker().started();
    run.at(5).wake();

    assertEquals(List.of("fill twap-1-1 0.5@9.9"), describe(run.fill(1, "9.9", "0.5", "0")));
    // (100 − 4.95) / 5 = 19.01 -> 1.901 at mid 10
    assertEquals(
        List.of("cancelled twap-1-1", "submit twap-1-2 slot_0 BUY LIMIT 1.901 @9.9 OPEN"),
        describe(run.cancelled(1)));
  }

  @Test
  void shouldNeverRenewTakerSlicesOrMakerSlicesWithoutAResubmissionTime() {
    final TwapRun taker = TwapConfigs.taker().started();
    final TwapRun maker = TwapConfigs.maker().resubmission(null).started();

    assertEquals(List.of(), taker.at(9).tick());
    assertEquals(List.of(), maker.at(9).tick());
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(10)), maker.executor().wakeUpAt());
  }

  @Test
  void shouldPlaceARefusedSliceAgainAfterAPause() {
    final TwapRun run = TwapConfigs.taker().started();

    assertEquals(
        List.of("failed twap-1-1 VENUE_ERROR retry"),
        describe(run.rejected(1, RejectReason.VENUE_ERROR)));
    assertEquals(Optional.of(TwapConfigs.T0.plusSeconds(1)), run.executor().wakeUpAt());
    assertEquals(
        List.of("submit twap-1-2 slot_0 BUY MARKET 2 OPEN"), describe(run.at(1).wake()));
  }

  @Test
  void shouldCompleteWhenWhatIsLeftIsBelowTheVenueMinimum() {
    // two slices of 50; the first fills far above the mid and spends 99.95
    final TwapRun run = TwapConfigs.taker().duration(10L).started();
    run.fill(1, "19.99", "5", "0");

    // 0.05 left: 0.005 base at mid 10 is a notional of 0.05, below min_notional 1
    assertEquals(List.of("terminated COMPLETED"), describe(run.at(10).wake()));
  }

  @Test
  void shouldOrderASliceAgainWhenTheVenueCancelledItPartlyFilled() {
    final TwapRun run = TwapConfigs.taker().started();
    run.fill(1, "10", "1.5", "0");

    // slot 0 is open again: (100 − 15) / 5 = 17 -> 1.7 at mid 10; the plan keeps five slots
    assertEquals(
        List.of("cancelled twap-1-1", "submit twap-1-2 slot_0 BUY MARKET 1.7 OPEN"),
        describe(run.cancelled(1)));
    assertEquals(
        List.of("submit twap-1-3 slot_1 BUY MARKET 1.7 OPEN"), describe(run.at(10).wake()));
  }
}
