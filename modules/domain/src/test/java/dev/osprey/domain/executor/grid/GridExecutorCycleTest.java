package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertFigures;
import static dev.osprey.domain.executor.ReportAssertions.assertInfoDecimals;
import static dev.osprey.domain.executor.ReportAssertions.assertFinal;
import static dev.osprey.domain.executor.grid.GridRun.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Take-profit orders, level recycling and the grid's P&L through a full cycle. */
class GridExecutorCycleTest {

  /**
   * Worked example. Default BUY grid at book 90.4/90.6, maker fee 0.1 %, taker fee 0.2 %.
   *
   * <pre>
   * #1 open L2 fills 0.2 @ 90     buy 18,     fee 0.018    -> #6 take profit 0.2 @ 90·1.02 = 91.8
   * #6 fills 0.2 @ 91.8           sell 18.36, fee 0.01836  -> L2 complete, recycled: #7 reopens
   *   realized = 18.36 − 18 − 0.03636 = 0.32364      realized_pct = 0.32364 / 18 = 0.01798
   *   net = 0.32364, cum_fees = 0.03636, filled = 18 + 18.36 = 36.36, net_pct = 0.32364 / 36.36
   * #2 open L3 fills 0.2 @ 90.39    buy 18.078,  fee 0.018078 -> #8 take profit 0.2 @ 96.9
   *   at mid 90.4: position pnl = (90.4 − 90.39)·0.2 − 0.018078 = −0.016078 (size_quote 18.078)
   *   net = −0.016078 + 0.32364 = 0.307562, cum_fees = 0.054438, filled = 18.078 + 36.36 = 54.438
   * stop: cancel all, market close #9 sells 0.2 @ 90.3, fee 0.2 % = 0.03612
   *   buy 36.078, sell 36.42, fees 0.090558: net = 36.42 − 36.078 − 0.090558 = 0.251442
   *   filled = 72.498, net_pct = 0.251442 / 72.498
   * </pre>
   */
  @Test
  void shouldRealizeACompletedLevelToTheCentAndRecycleIt() {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");
    run.start();

    assertEquals(
        List.of("fill #1 0.2@90", "submit #6 take_profit:L2 SELL LIMIT_MAKER 0.2 @91.8"),
        run.fillAll(1, "0.001"));
    run.quote("91.7", "91.9");
    // 18.1 / 91.8 = 0.19716... -> 0.197 base for the reopened level
    assertEquals(
        List.of("fill #6 0.2@91.8", "submit #7 open:L2 BUY LIMIT 0.197 @90"),
        run.fillAll(6, "0.001"));

    ExecutorReport r = run.report();
    assertEquals(List.of(id(1), id(6)), run.executor().filledOrders());
    assertInfoDecimals(r,
        "realized_buy_size_quote", "18", "realized_sell_size_quote", "18.36",
        "realized_imbalance_quote", "-0.36", "realized_fees_quote", "0.03636",
        "realized_pnl_quote", "0.32364", "realized_pnl_pct", "0.01798", "position_size_quote", "0");
    assertFigures(r, "0.32364", "0.008900990099009900990099009900990099", "0.03636", "36.36");
    assertEquals(false, r.isTrading());

    run.quote("90.3", "90.5");
    assertEquals(
        List.of("fill #2 0.2@90.39", "submit #8 take_profit:L3 SELL LIMIT_MAKER 0.2 @96.9"),
        run.fillAll(2, "0.001"));
    r = run.report();
    assertInfoDecimals(r,
        "current_position_average_price", "90.39", "position_size_base", "0.2",
        "position_size_quote", "18.078", "position_fees_quote", "0.018078",
        "position_pnl_quote", "-0.016078");
    assertFigures(r, "0.307562", "0.005649766707079613505272052610308975", "0.054438", "54.438");
    assertDecimal("18.08", r.valueQuote().value());
    assertEquals(true, r.isTrading());

    assertEquals(
        List.of(
            "shutdown EARLY_STOP", "cancel #3", "cancel #4", "cancel #5", "cancel #7", "cancel #8"),
        run.stop(false));
    assertEquals(
        List.of("cancelled #8", "submit #9 close SELL MARKET 0.2"), run.cancelledAll());
    assertEquals(
        List.of("fill #9 0.2@90.3", "terminated EARLY_STOP"), run.fill(9, "90.3", "0.2", "0.002"));

    run.quote("50", "50.2"); // the final numbers no longer move with the market
    r = run.report();
    assertFinal(r, CloseType.EARLY_STOP, "0.251442", "0.003468261193412232061574112389307291",
        "0.090558", "72.498");
    assertEquals(List.of(id(1), id(6), id(2), id(9)), run.executor().filledOrders());
    assertDecimal("0", r.valueQuote().value());
    assertEquals(List.of(), run.executor().heldOrders());
    assertEquals(run.now(), r.closeTimestamp());
  }

  @Test
  void shouldReportTheReferenceCustomInfoKeys() {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");
    run.start();

    final Map<String, Object> info = run.report().customInfo();

    for (String key : List.of(
        "side", "levels_by_state", "filled_orders", "held_position_orders", "held_position_value",
        "failed_orders", "canceled_orders", "realized_buy_size_quote", "realized_sell_size_quote",
        "realized_imbalance_quote", "realized_fees_quote", "realized_pnl_quote", "realized_pnl_pct",
        "position_size_quote", "position_fees_quote", "current_position_average_price",
        "position_pnl_quote", "open_liquidity_placed", "close_liquidity_placed",
        "grid_level_prices", "grid_tp_prices", "grid_side", "grid_limit_price", "fill_events")) {
      assertEquals(true, info.containsKey(key), key);
    }
    assertEquals(
        List.of(new BigDecimal("80"), new BigDecimal("85"), new BigDecimal("90"),
            new BigDecimal("95"), new BigDecimal("100")),
        info.get("grid_level_prices"));
    assertEquals("BUY", info.get("grid_side"));
    assertDecimal("75", (BigDecimal) info.get("grid_limit_price"));
    final List<?> tps = (List<?>) info.get("grid_tp_prices");
    assertDecimal("81.6", (BigDecimal) tps.get(0));
    assertDecimal("102", (BigDecimal) tps.get(4));
  }

  @ParameterizedTest(name = "{0} grid, book {1}/{2} -> take profit @{3}")
  @CsvSource({
    // side, bid, ask when the level fills, expected take-profit price
    "BUY,  90.4,  90.6,  91.8",   // 90·1.02, above the ask: as planned
    "BUY,  91.8,  92.2,  92.2",   // 91.8 <= ask 92.2 would cross: 92.2·1.0001 = 92.20922 -> 92.2
    "SELL, 109.4, 109.6, 107.8",  // SELL L2 110·0.98 = 107.8, below the bid
    "SELL, 107.6, 108,   107.58", // 107.8 >= bid 107.6: 107.6·0.9999 = 107.58924 -> 107.58
  })
  void shouldPlaceTakeProfitsAtTheLevelTargetOrSafelyBehindTheBook(
      final String side, final String bid, final String ask, final String price) {
    final GridRun run =
        (side.equals("BUY") ? GridConfigs.buy() : GridConfigs.sell()).maxOpen(1).run();
    run.book(side.equals("BUY") ? "90.4" : "109.4", side.equals("BUY") ? "90.6" : "109.6").start();
    run.book(bid, ask);

    final List<String> events = run.fill(1, side.equals("BUY") ? "90" : "110", "0.2", "0");

    final String tpSide = side.equals("BUY") ? "SELL" : "BUY";
    assertEquals(
        "submit #3 take_profit:L2 " + tpSide + " LIMIT_MAKER 0.2 @" + price, events.get(2));
  }

  /** Osprey fix: a grid's take-profit order type defaults to LIMIT_MAKER (reference: MARKET). */
  @Test
  void shouldNotDefaultTheTakeProfitOrderTypeToMarket() {
    final GridRun run = GridConfigs.buy().maxOpen(1).run().book("90.4", "90.6");
    run.start();

    final List<String> events = run.fillAll(1, "0");

    assertEquals(OrderType.LIMIT_MAKER, run.executor().config().tripleBarrierConfig()
        .takeProfitOrderType());
    assertEquals("submit #3 take_profit:L2 SELL LIMIT_MAKER 0.2 @91.8", events.get(2));
    assertEquals(OrderType.LIMIT_MAKER,
        GridExecutorConfig.barriers(null, BigDecimal.ONE, null, null).takeProfitOrderType());
  }

  @Test
  void shouldHonourAnExplicitMarketTakeProfit() {
    final GridRun run =
        GridConfigs.buy().maxOpen(1).takeProfitType(OrderType.MARKET).run().book("90.4", "90.6");
    run.start();

    assertEquals("submit #3 take_profit:L2 SELL MARKET 0.2", run.fillAll(1, "0").get(2));
  }

  @Test
  void shouldTakeProfitOnThePartOfAnOpenOrderThatTradedBeforeItWasCancelled() {
    final GridRun run = GridConfigs.buy().maxOpen(1).bounds("0.05").run().book("90.4", "90.6");
    run.start();
    run.fill(1, "90", "0.05", "0");

    // mid 95.5 leaves 90 5.76 % away: the partly filled order is cancelled
    assertEquals(List.of("cancel #1"), run.quote("95.4", "95.6"));
    // L2 keeps the 0.05 it bought: its take profit (91.8, 3.9 % from mid) sells exactly that;
    // L3 opens with the freed slot
    assertEquals(
        List.of(
            "cancelled #1",
            "submit #2 open:L3 BUY LIMIT 0.189 @95",
            "submit #3 take_profit:L2 SELL LIMIT_MAKER 0.05 @95.6"),
        run.cancelled(1));
  }

  @Test
  void shouldKeepTakeProfitsOfFarLevelsBackUntilTheyAreWithinActivationBounds() {
    final GridRun run = GridConfigs.buy().maxOpen(1).bounds("0.01").run().book("90.4", "90.6");
    run.start();

    // 91.8 is 1.44 % above mid 90.5: no take profit yet (the next level opens meanwhile)
    assertEquals(
        List.of("fill #1 0.2@90", "submit #2 open:L3 BUY LIMIT 0.2 @90.39"), run.fillAll(1, "0"));
    // at mid 91.2 it is 0.66 % away
    assertEquals(
        List.of("submit #3 take_profit:L2 SELL LIMIT_MAKER 0.2 @91.8"), run.quote("91.1", "91.3"));
  }

  @Test
  void shouldReplaceACancelledOrRefusedTakeProfitForWhatIsStillOpen() {
    final GridRun run = GridConfigs.buy().maxOpen(1).run().book("90.4", "90.6");
    run.start();
    run.fillAll(1, "0"); // #2 opens L3, #3 takes profit on L2
    run.fill(3, "91.8", "0.05", "0");

    assertEquals(
        List.of("cancelled #3", "submit #4 take_profit:L2 SELL LIMIT_MAKER 0.15 @91.8"),
        run.cancelled(3));
    // a refusal is retried on the next input, not in the decision that records it
    assertEquals(List.of("failed #4 WOULD_TAKE_LIQUIDITY"),
        run.rejected(4, RejectReason.WOULD_TAKE_LIQUIDITY));
    assertEquals(List.of("submit #5 take_profit:L2 SELL LIMIT_MAKER 0.15 @91.8"), run.tick());
    // the take profits together cover the level: it completes with every order that traded
    run.fill(5, "91.8", "0.15", "0");
    assertEquals(List.of(id(1), id(3), id(5)), run.executor().filledOrders());
    assertDecimal("0.36", run.report().netPnlQuote().value()); // (91.8 − 90)·0.2
    assertEquals(List.of(id(4).value()), run.report().customInfo().get("failed_orders"));
    assertEquals(List.of(id(3).value()), run.report().customInfo().get("canceled_orders"));
  }

  @Test
  void shouldHandOverNothingWhileRunning() {
    final GridRun run = GridConfigs.buy().run().book("90.4", "90.6");
    run.start();
    run.fillAll(1, "0");
    assertEquals(List.<HeldOrder>of(), run.executor().heldOrders());
  }
}
