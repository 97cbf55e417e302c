package dev.osprey.domain.executor.lp;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertInfoDecimals;
import static dev.osprey.domain.executor.lp.LpConfigs.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening, marking and the range states of the simulated LP position. */
class LpExecutorTest {

  @Test
  void shouldWaitForThePoolPriceAndThenDepositTheLiquidityTheAmountsFund() {
    final LpRun run = new LpRun(LpConfigs.range().amounts("50", "2000").build());
    assertEquals(List.of(new ExecutorEvent.Started(T0)), run.noBook().start());
    assertEquals(LpState.OPENING, run.executor().state());
    assertEquals(RunnableStatus.RUNNING, run.executor().status());

    final List<ExecutorEvent> open = run.at(1).move("100");
    assertEquals(
        List.of(
            new LpLiquidityAdded(
                new BigDecimal("1000"), Quantity.of("37.5"), QuoteAmount.of("2000"),
                Price.of("100"), QuoteAmount.of("0.5"), T0.plusSeconds(1))),
        open);
    assertEquals(LpState.IN_RANGE, run.executor().state());
    final ExecutorReport r = run.report();
    assertDecimal("-0.5", r.netPnlQuote().value());
    assertDecimal("5750", r.filledAmountQuote().value());
    assertDecimal("5750", r.valueQuote().value());
    assertDecimal("0.5", r.cumFeesQuote().value());
    assertTrue(r.isTrading());
    assertTrue(run.executor().orders().all().isEmpty());
  }

  @Test
  void shouldOpenAtStartWhenThePoolAlreadyHasAPrice() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    final List<ExecutorEvent> events = run.price("100").start();
    assertEquals(2, events.size());
    assertEquals(new ExecutorEvent.Started(T0), events.get(0));
    assertTrue(events.get(1) instanceof LpLiquidityAdded);
    assertEquals(Optional.empty(), run.executor().wakeUpAt());
  }

  /** Prices visited after opening at 100, and the state after each. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // prices (one a second), range position after each, second its out-of-range clock started
    "'300, 200, 30, 64, 256, 256.01', 'ABOVE, IN_RANGE, BELOW, IN_RANGE, IN_RANGE, ABOVE',"
        + " '1, -, 3, -, -, 6'",
    "'63.99, 10, 1000, 100', 'BELOW, BELOW, ABOVE, IN_RANGE', '1, 1, 3, -'",
  })
  void shouldFollowThePoolPriceInAndOutOfTheRangeWithTheBoundsInside(
      final String prices, final String positions, final String since) {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    final String[] ps = prices.split(",\\s*");
    final String[] expected = positions.split(",\\s*");
    final String[] clock = since.split(",\\s*");
    for (int i = 0; i < ps.length; i++) {
      run.at(i + 1).move(ps[i]);
      final RangePosition where = RangePosition.valueOf(expected[i]);
      final LpPosition p = run.executor().position().orElseThrow();
      assertEquals(where, p.range(), "after " + ps[i]);
      assertEquals(
          where.isOutOfRange() ? LpState.OUT_OF_RANGE : LpState.IN_RANGE, run.executor().state());
      assertEquals(
          "-".equals(clock[i]) ? null : T0.plusSeconds(Long.parseLong(clock[i])),
          p.outOfRangeSince());
      assertEquals(where.name(), run.report().customInfo().get("range_position"));
    }
  }

  @Test
  void shouldRecordOnlyPriceMovesThePositionCanSee() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    assertEquals(
        List.of(
            new LpFeesAccrued(Price.of("300"), Quantity.ZERO, QuoteAmount.of("18"), T0),
            new LpRangeChanged(RangePosition.ABOVE, Price.of("300"), T0)),
        run.move("300"));
    assertEquals(List.of(), run.move("400"));
    assertEquals(List.of(), run.move("256.5"));
    // back from the upper bound: traders paid in 1000·(1/10 − 1/16) = 37.5 base
    assertEquals(
        List.of(
            new LpFeesAccrued(Price.of("100"), Quantity.of("0.1125"), QuoteAmount.ZERO, T0),
            new LpRangeChanged(RangePosition.IN_RANGE, Price.of("100"), T0)),
        run.move("100"));
  }

  /** Opened at 100 with L 1000 over [64, 256], fee tier 0.003. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // prices after opening, base fee, quote fee, fees earned at the last price
    "'156.25',               0,      7.5,  7.5",
    "'156.25, 100',          0.06,   7.5,  13.5",
    "'300, 400, 300',        0,      18,   18",
    "'40, 30, 39',           0.075,  0,    2.925",
    "'40, 400',              0.075,  24,   54",
    "'156.25, 64, 100',      0.135,  13.5, 27",
    "'1000, 10',             0.1875, 18,   19.875",
  })
  void shouldAccrueFeesOnlyForThePartOfEachMoveInsideTheRange(
      final String prices, final String baseFee, final String quoteFee, final String earned) {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    for (String p : prices.split(",\\s*")) {
      run.move(p);
    }
    final ExecutorReport r = run.report();
    assertInfoDecimals(r, "base_fee", baseFee, "quote_fee", quoteFee);
    assertDecimal(earned, r.feesEarnedQuote().value());
  }

  /** The marked P&amp;L while running: value + fees − initial value − the open's tx fee. */
  @ParameterizedTest(name = "at {0}")
  @CsvSource({
    // price, base, quote, value, net pnl
    "100,    37.5, 2000, 5750,     -0.5",
    "156.25, 17.5, 4500, 7234.375, 1483.875",
    "64,     62.5, 0,    4000,     -1750.5",
    "400,    0,    8000, 8000,     2249.5",
  })
  void shouldMarkTheOpenPositionToThePoolPrice(
      final String price, final String base, final String quote, final String value,
      final String pnl) {
    final LpRun run = new LpRun(LpConfigs.range().fees("0", "0.5").build());
    run.price("100").start();
    run.price(price);
    final ExecutorReport r = run.report();
    assertInfoDecimals(r, "base_amount", base, "quote_amount", quote);
    assertDecimal(value, r.valueQuote().value());
    assertDecimal(pnl, r.netPnlQuote().value());
    assertDecimal(pnl, (BigDecimal) r.customInfo().get("unrealized_pnl_quote"));
  }

  @Test
  void shouldBuyIntoAQuoteOnlyRangeBelowThePriceAsThePriceFalls() {
    final LpRun run =
        new LpRun(
            LpConfigs.range().side(LpSide.BUY).amounts("0", "8000").fees("0.003", "0").build());
    run.price("400").start();
    assertEquals(LpState.OUT_OF_RANGE, run.executor().state());
    assertDecimal("1000", run.executor().position().orElseThrow().liquidity());
    run.move("100");
    final ExecutorReport r = run.report();
    assertInfoDecimals(r, "base_amount", "37.5", "quote_amount", "2000");
    // base paid in from 256 down to 100: 1000·(1/10 − 1/16) = 37.5; fee 0.1125 base
    assertDecimal("0.1125", (BigDecimal) r.customInfo().get("base_fee"));
    assertEquals("BUY", r.customInfo().get("side"));
  }

  @ParameterizedTest(name = "{0} {1}/{2} at {3}")
  @CsvSource({
    "BUY,   0,    2000, 100",
    "SELL,  37.5, 0,    100",
    "RANGE, 0,    2000, 40",
    "RANGE, 62.5, 0,    400",
  })
  void shouldFailWithoutOpeningWhenTheAmountsFundNoLiquidityAtThePoolPrice(
      final LpSide side, final String base, final String quote, final String price) {
    final LpRun run = new LpRun(LpConfigs.range().side(side).amounts(base, quote).build());
    final List<ExecutorEvent> events = run.price(price).start();
    assertEquals(new ExecutorEvent.Terminated(CloseType.FAILED, T0), events.get(1));
    assertEquals(LpState.FAILED, run.executor().state());
    final ExecutorReport r = run.report();
    assertEquals(CloseType.FAILED, r.closeType());
    assertDecimal("0", r.netPnlQuote().value());
    assertDecimal("0", r.cumFeesQuote().value());
    assertDecimal("0", r.filledAmountQuote().value());
    assertTrue(r.lastError().contains("funds no liquidity"), r.lastError());
    assertTrue(run.executor().heldOrders().isEmpty());
  }

  @Test
  void shouldReportTheReferenceCustomInfoKeys() {
    final LpRun run = new LpRun(LpConfigs.range().build());
    run.price("100").start();
    run.at(5).move("300");
    final var info = run.at(9).report().customInfo();
    for (String key :
        List.of(
            "side", "state", "position_address", "current_price", "lower_price", "upper_price",
            "base_amount", "quote_amount", "base_fee", "quote_fee", "fees_earned_quote",
            "total_value_quote", "unrealized_pnl_quote", "position_rent",
            "position_rent_refunded", "tx_fee", "out_of_range_seconds", "initial_base_amount",
            "initial_quote_amount", "filled_amount_base", "filled_amount_quote",
            "held_position_orders", "current_retries", "max_retries_reached", "hold_reason")) {
      assertTrue(info.containsKey(key), key);
    }
    assertEquals("OUT_OF_RANGE", info.get("state"));
    assertEquals("RANGE", info.get("side"));
    assertEquals(4L, info.get("out_of_range_seconds"));
    assertDecimal("0", (BigDecimal) info.get("position_rent"));
    assertDecimal("0.5", (BigDecimal) info.get("tx_fee"));
    assertDecimal("37.5", (BigDecimal) info.get("initial_base_amount"));
    assertDecimal("2000", (BigDecimal) info.get("initial_quote_amount"));
    assertDecimal("300", (BigDecimal) info.get("current_price"));
    assertDecimal("8000", (BigDecimal) info.get("total_value_quote"));
    assertNull(info.get("closeout_swap"));
  }
}
