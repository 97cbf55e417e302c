package dev.osprey.domain.executor.twap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.twap.TwapRun.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.RejectReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's TWAP defects (reference-semantics §2.5) that Osprey fixes. */
class TwapReferenceDefectTest {

  /**
   * The reference's shutdown path overwrites the early-stop close type with COMPLETED, so a TWAP
   * stopped after two of five slices looks finished. Osprey reports what happened.
   */
  @ParameterizedTest(name = "keep_position {0} -> {1}")
  @CsvSource({"false, EARLY_STOP, 0", "true, POSITION_HOLD, 2"})
  void shouldNotReportCompletedWhenStoppedEarly(
      final boolean keep, final CloseType expected, final int held) {
    final TwapRun run = TwapConfigs.taker().started();
    run.fill(1, "10", "2", "0.001");
    run.at(10).wake();
    run.fill(2, "10", "1", "0.001"); // slot 1 half filled
    run.at(15);

    assertEquals(
        List.of("shutdown " + expected, "cancel twap-1-2"), describe(run.stop(keep)),
        "cancels what rests; never sells back what it bought");
    assertEquals(
        List.of("cancelled twap-1-2", "terminated " + expected), describe(run.cancelled(2)));

    final List<HeldOrder> orders = run.executor().heldOrders();
    assertEquals(held, orders.size());
    if (keep) {
      assertEquals(Side.BUY, orders.get(0).tradeType());
      assertDecimal("2", orders.get(0).executedAmountBase().value());
      assertDecimal("1", orders.get(1).executedAmountBase().value());
      assertDecimal("0.01", orders.get(1).cumulativeFeePaidQuote().value());
      assertEquals(run.now(), orders.get(1).lastUpdate());
    }
  }

  /**
   * The reference compares the slice in quote ({@code order_amount_quote}) with {@code
   * min_order_size}, which is in base. Osprey compares the slice's base amount at the mid: 20
   * quote at mid 10 is 2 base (below a minimum of 5), at mid 0.1 it is 200 base (above 25).
   */
  @ParameterizedTest(name = "mid {0}, min_order_size {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "10;  5;  order size rejected: amount 2 is below min_order_size 5|terminated FAILED",
        "0.1; 25; submit twap-1-1 slot_0 BUY MARKET 200 OPEN",
        "10;  2;  submit twap-1-1 slot_0 BUY MARKET 2 OPEN",
      })
  void shouldNotCompareTheQuoteSliceWithTheBaseMinimumSize(
      final String mid, final String minSize, final String expected) {
    final TwapRun run = TwapConfigs.taker().run().rules(minSize, "1");

    final List<String> events = describe(run.book(mid, mid).start());

    final List<String> want = new ArrayList<>(List.of("started"));
    want.addAll(List.of(expected.split("\\|")));
    assertEquals(want, events);
    if (expected.endsWith("FAILED")) {
      assertEquals(
          "order_amount_quote 20 at mid " + mid + " cannot be placed: amount 2 is below"
              + " min_order_size " + minSize,
          run.report().lastError());
      assertEquals(1, run.report().errorCount());
    }
  }

  @Test
  void shouldCheckMakerSlicesAtTheirLimitPriceAgainstTheMinimumNotional() {
    // 20 quote at mid 10 -> 2 base at 9.9: a notional of 19.8, below a minimum of 19.9
    final TwapRun run = TwapConfigs.maker().run().rules("0.001", "19.9");

    assertEquals(
        List.of(
            "started", "order size rejected: notional 19.8 is below min_notional 19.9",
            "terminated FAILED"),
        describe(run.book("9.99", "10.01").start()));
  }

  /**
   * On a refused order the reference rebuilds its plan keeping only the refused slot, so after
   * re-placing it the executor thinks it is done with three of five slices. Osprey re-places the
   * refused slot and keeps every other slot, spending the whole budget.
   */
  @Test
  void shouldNotRebuildThePlanWhenASliceIsRefused() {
    final TwapRun run = TwapConfigs.taker().started();
    run.fill(1, "10", "2", "0");
    run.at(10).wake();
    run.fill(2, "10", "2", "0");
    run.at(20).wake();

    assertEquals(
        List.of("failed twap-1-3 VENUE_ERROR retry"),
        describe(run.rejected(3, RejectReason.VENUE_ERROR)));
    assertEquals(
        List.of("submit twap-1-4 slot_2 BUY MARKET 2 OPEN"), describe(run.at(21).wake()));
    assertEquals(List.of("fill twap-1-4 2@10"), describe(run.fill(4, "10", "2", "0")));
    assertEquals(
        List.of("submit twap-1-5 slot_3 BUY MARKET 2 OPEN"), describe(run.at(30).wake()));
    run.fill(5, "10", "2", "0");
    assertEquals(
        List.of("submit twap-1-6 slot_4 BUY MARKET 2 OPEN"), describe(run.at(40).wake()));
    assertEquals(
        List.of("fill twap-1-6 2@10", "terminated COMPLETED"),
        describe(run.fill(6, "10", "2", "0")));
    assertDecimal("100", run.report().filledAmountQuote().value());
    assertEquals(5, run.report().customInfo().get("slots_filled"));
  }

  /**
   * The reference counts a live order's whole amount as still committed, its filled part too, so
   * that part is reserved twice and the next slices come out too small. Osprey counts only what a
   * live order has left: slot 0 (2 at 9.9) half filled leaves 100 − 9.9 − 9.9 = 80.2 for four
   * slots, 20.05 each (the reference: (100 − 9.9 − 19.8) / 4 = 17.575).
   */
  @Test
  void shouldNotCountTheFilledPartOfALiveSliceAsStillCommitted() {
    final TwapRun run = TwapConfigs.maker().resubmission(null).started();
    run.fill(1, "9.9", "1", "0");

    final List<String> events = describe(run.at(10).wake());

    assertEquals(List.of("submit twap-1-2 slot_1 BUY LIMIT 2.005 @9.9 OPEN"), events);
  }
}
