package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.RunnableStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Open orders: which levels, in which order, how many, how often, at what price. The default grid
 * at book 90.4/90.6 (mid 90.5) has levels 80, 85, 90, 95, 100 of 0.2 base; by distance to mid
 * they come L2 (0.5), L3 (4.5), L1 (5.5), L4 (9.5), L0 (10.5). L3 and L4 sit at or above the best
 * bid, so they rest just below it, at 90.4·(1 − 0.0001) = 90.39096, floored to 90.39.
 */
class GridExecutorOpenOrdersTest {
  /** The default BUY grid's open orders at mid 90.5, closest level first. */
  private static final List<String> BUY_OPENS = List.of(
      "submit #1 open:L2 BUY LIMIT 0.2 @90",
      "submit #2 open:L3 BUY LIMIT 0.2 @90.39",
      "submit #3 open:L1 BUY LIMIT 0.2 @85",
      "submit #4 open:L4 BUY LIMIT 0.2 @90.39",
      "submit #5 open:L0 BUY LIMIT 0.2 @80");

  /** What a start decides: the grid starts, plans its five levels, then {@code opens}. */
  private static List<String> started(final List<String> opens) {
    final List<String> out = new ArrayList<>(List.of("started", "plan 5 levels"));
    out.addAll(opens);
    return out;
  }

  @Test
  void shouldOpenLevelsClosestToMidFirstAndKeepCrossingLevelsBehindTheBid() {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");

    assertEquals(started(BUY_OPENS), run.start());
    assertEquals(RunnableStatus.RUNNING, run.executor().status());
    @SuppressWarnings("unchecked")
    final Map<String, List<String>> byState =
        (Map<String, List<String>>) run.report().customInfo().get("levels_by_state");
    assertEquals(List.of("L0", "L1", "L2", "L3", "L4"), byState.get("OPEN_ORDER_PLACED"));
    assertDecimal("90.5", (BigDecimal) run.report().customInfo().get("open_liquidity_placed"));
  }

  @Test
  void shouldOpenSellLevelsClosestToMidFirstAndKeepCrossingLevelsAboveTheAsk() {
    // SELL levels 100..120 at mid 109.5; L1 and L0 at or below the ask rest at 109.6·1.0001
    final GridRun run = GridConfigs.sell().run().book("109.4", "109.6");

    assertEquals(
        started(List.of(
            "submit #1 open:L2 SELL LIMIT 0.2 @110",
            "submit #2 open:L1 SELL LIMIT 0.2 @109.61",
            "submit #3 open:L3 SELL LIMIT 0.2 @115",
            "submit #4 open:L0 SELL LIMIT 0.2 @109.61",
            "submit #5 open:L4 SELL LIMIT 0.2 @120")),
        run.start());
  }

  @Test
  void shouldBreakDistanceTiesInGridOrder() {
    // at mid 90 the levels 85 and 95 are equally far: L1 (grid order) before L3
    final GridRun run = GridConfigs.buy().maxOpen(3).run().book("89.9", "90.1");

    final List<String> events = run.start();

    assertEquals("submit #2 open:L1 BUY LIMIT 0.201 @85", events.get(3));
    assertEquals("submit #3 open:L3 BUY LIMIT 0.201 @89.89", events.get(4));
  }

  /**
   * Osprey fix: {@code max_open_orders} is a hard cap. The reference only stops adding once the
   * cap is reached, so with {@code max_orders_per_batch} unset its first batch takes all five
   * levels although the cap is three.
   */
  @Test
  void shouldNotLetLiveOpenOrdersExceedMaxOpenOrdersWhenBatchIsUnbounded() {
    final GridRun run = GridConfigs.buy().maxOpen(3).run().book("90.4", "90.6");

    assertEquals(started(BUY_OPENS.subList(0, 3)), run.start());
    assertEquals(List.of(), run.tick());

    // L2 fills: one slot frees up, and exactly one more level opens
    assertEquals(
        List.of(
            "fill #1 0.2@90",
            "submit #4 open:L4 BUY LIMIT 0.2 @90.39",
            "submit #5 take_profit:L2 SELL LIMIT_MAKER 0.2 @91.8"),
        run.fillAll(1, "0.001"));
    assertEquals(3, liveOpenOrders(run));
  }

  @ParameterizedTest(name = "max_open_orders {0}, batch {1}")
  @CsvSource({
    // max open, batch, orders placed per tick (start, tick, tick, tick)
    "5, 2, 2;2;1;0",
    "3, 2, 2;1;0;0",
    "5, 1, 1;1;1;1;1;0",
    "2, 5, 2;0;0;0",
    "1, 1, 1;0;0;0",
  })
  void shouldPlaceBatchesWithinTheOpenOrderCap(
      final int maxOpen, final int batch, final String perTick) {
    final GridRun run = GridConfigs.buy().maxOpen(maxOpen).batch(batch).run().book("90.4", "90.6");
    final String[] expected = perTick.split(";");

    assertEquals(Integer.parseInt(expected[0]), submitted(run.start()));
    for (int i = 1; i < expected.length; i++) {
      assertEquals(Integer.parseInt(expected[i]), submitted(run.tick()), "tick " + i);
    }
    assertEquals(Math.min(maxOpen, 5), liveOpenOrders(run));
  }

  @Test
  void shouldThrottleOpenOrdersToOrderFrequency() {
    final GridRun run = GridConfigs.buy().frequency(10).batch(1).run().book("90.4", "90.6");

    assertEquals("submit #1 open:L2 BUY LIMIT 0.2 @90", run.start().get(2));
    assertEquals(List.of(), run.at(5).tick());
    assertEquals(List.of(), run.at(9).tick());
    assertEquals(List.of("submit #2 open:L3 BUY LIMIT 0.2 @90.39"), run.at(10).tick());
    assertEquals(List.of(), run.at(19).tick());
    assertEquals(List.of("submit #3 open:L1 BUY LIMIT 0.2 @85"), run.at(20).tick());
  }

  @Test
  void shouldReArmTheThrottleWhenAnOpenOrderIsCancelled() {
    final GridRun run = GridConfigs.buy().frequency(10).batch(1).run().book("90.4", "90.6");
    run.start();
    run.at(10).tick(); // #2 open:L3

    // the venue drops L3's order two seconds later: it is re-placed at once, not at t = 20
    assertEquals(
        List.of("cancelled #2", "submit #3 open:L3 BUY LIMIT 0.2 @90.39"),
        run.at(12).cancelled(2));
  }

  @Test
  void shouldOnlyOpenLevelsWithinActivationBoundsAndCancelOrdersThatLeaveThem() {
    // bounds 5 %: at mid 90.5 a BUY level needs price >= 85.975 (L2, L3, L4)
    final GridRun run = GridConfigs.buy().bounds("0.05").run().book("90.4", "90.6");
    assertEquals(
        started(List.of(BUY_OPENS.get(0), BUY_OPENS.get(1), "submit #3 open:L4 BUY LIMIT 0.2 @90.39")),
        run.start());

    // mid 95.5: 90 is 5.76 % away and 90.39 is 5.35 % away: all three are cancelled
    assertEquals(List.of("cancel #1", "cancel #2", "cancel #3"), run.quote("95.4", "95.6"));
    // L2 stays out (90 < 90.725); L3 and L4 reopen near the new mid as soon as each is free,
    // for 18.1/95.5 = 0.18952... floored to 0.189
    assertEquals(List.of("cancelled #1"), run.cancelled(1));
    assertEquals(
        List.of("cancelled #2", "submit #4 open:L3 BUY LIMIT 0.189 @95"), run.cancelled(2));
    assertEquals(
        List.of("cancelled #3", "submit #5 open:L4 BUY LIMIT 0.189 @95.39"), run.cancelled(3));
  }

  @Test
  void shouldPlanTheGridAtTheFirstQuoteWhenStartedWithoutOne() {
    final GridRun run = GridConfigs.buy().run().noBook();

    assertEquals(List.of("started"), run.start());
    assertEquals(true, run.executor().plan().isEmpty());
    assertEquals("plan 5 levels", run.quote("90.4", "90.6").get(0));
  }

  private static int submitted(final List<String> events) {
    int n = 0;
    for (String e : events) {
      if (e.startsWith("submit")) {
        n++;
      }
    }
    return n;
  }

  private static int liveOpenOrders(final GridRun run) {
    int n = 0;
    for (var e : run.executor().orders().entries()) {
      if (e.role().startsWith(GridExecutor.ROLE_OPEN) && e.order().isLive()) {
        n++;
      }
    }
    return n;
  }
}
