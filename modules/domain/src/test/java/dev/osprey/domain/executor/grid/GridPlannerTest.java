package dev.osprey.domain.executor.grid;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Level generation from mid and trading rules (reference §2.3 formulas). */
class GridPlannerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // case | start | end | mid | total | min spread | rules min notional | price inc | coerce
        //      | n | quote per level | step | level take profit | prices
        // min_base 0.059, min_quote 5.3395; 18 fit, 5 by step; base ⌊90.5/452.5⌋ = 0.2 -> 18.1
        "five levels by step | 80 | 100 | 90.5 | 90.5 | 0.05 | 1 | 0.01 | false"
            + " | 5 | 18.1 | 0.0625 | 0.02 | 80;85;90;95;100",
        "take profit coerced up to the step | 80 | 100 | 90.5 | 90.5 | 0.05 | 1 | 0.01 | true"
            + " | 5 | 18.1 | 0.0625 | 0.0625 | 80;85;90;95;100",
        // base ⌊100/525⌋ = 0.19 -> 0.19·105 = 19.95
        "fractional prices | 100 | 110 | 105 | 100 | 0.02 | 1 | 0.01 | false"
            + " | 5 | 19.95 | 0.025 | 0.02 | 100;102.5;105;107.5;110",
        // min_quote 0.053·100 = 5.3 > 3: one level of min_quote at the midpoint (above budget)
        "budget below one level | 90 | 110 | 100 | 3 | 0.001 | 1 | 0.01 | false"
            + " | 1 | 5.3 | 0.2222222222222222222222222222222222 | 0.02 | 100",
        // ⌊20/5.3⌋ = 3 levels of ⌊20/300⌋ = 0.066 base
        "budget limits the count | 90 | 110 | 100 | 20 | 0.001 | 1 | 0.01 | false"
            + " | 3 | 6.6 | 0.1111111111111111111111111111111111 | 0.02 | 90;100;110",
        // range 0.0001 < min step 0.0005: zero levels by step -> one level (reference divides by 0)
        "range narrower than one step | 100 | 100.01 | 100 | 100 | 0.0005 | 1 | 0.01 | false"
            + " | 1 | 100 | 0.0001 | 0.02 | 100.005",
        // venue min notional 10 > 5: min_base 0.105; 6 levels by step of 0.166 base
        "venue minimum notional wins | 90 | 120 | 100 | 100 | 0.05 | 10 | 0.01 | false"
            + " | 6 | 16.6 | 0.06666666666666666666666666666666666 | 0.02 | 90;96;102;108;114;120",
        // price increment 1 at mid 100 makes the minimum step 0.01: ⌊0.2222/0.01⌋ = 22 levels
        "price increment sets the minimum step | 90 | 110 | 100 | 1000 | 0.0005 | 1 | 1 | false"
            + " | 22 | 45.4 | 0.01058201058201058201058201058201058 | 0.02 | -",
      })
  void shouldLayOutLevelsFromMidAndTradingRules(
      final String name,
      final String start,
      final String end,
      final String mid,
      final String total,
      final String spread,
      final String minNotional,
      final String priceIncrement,
      final boolean coerce,
      final int levels,
      final String quotePerLevel,
      final String step,
      final String takeProfit,
      final String prices) {
    GridConfigs configs =
        GridConfigs.buy().range(start, end).limit("1").total(total).minSpread(spread);
    if (coerce) {
      configs = configs.coerceTpToStep();
    }
    final TradingRules rules = new TradingRules(
        new BigDecimal("0.001"), new BigDecimal(minNotional), new BigDecimal(priceIncrement),
        new BigDecimal("0.001"));

    final GridLevelsPlanned plan = GridPlanner.plan(configs.build(), Price.of(mid), rules);

    assertEquals(levels, plan.levels().size());
    assertDecimal(step, plan.step());
    for (int i = 0; i < levels; i++) {
      final GridLevel level = plan.levels().get(i);
      assertEquals("L" + i, level.id());
      assertDecimal(quotePerLevel, level.amountQuote().value());
      assertDecimal(takeProfit, level.takeProfit());
      if (prices != null) {
        assertDecimal(prices.split(";")[i], level.price().value());
      }
    }
    assertDecimal(mid, plan.mid().value());
  }

  @Test
  void shouldPlaceTakeProfitTargetsAboveForBuyAndBelowForSellGrids() {
    final GridLevel level =
        new GridLevel("L0", Price.of("90"), QuoteAmount.of("18"), new BigDecimal("0.02"));
    assertDecimal("91.8", level.takeProfitPrice(Side.BUY).value());
    assertDecimal("88.2", level.takeProfitPrice(Side.SELL).value());
  }

  @Test
  void shouldNeverLayOutMoreThanTheMaximumNumberOfLevels() {
    final GridExecutorConfig config = GridConfigs.buy().range("10", "1000").limit("1")
        .total("1000000").minSpread("0.0005").minOrderQuote("1").build();
    final TradingRules fine = new TradingRules(
        new BigDecimal("0.00001"), BigDecimal.ONE, new BigDecimal("0.0001"),
        new BigDecimal("0.00001"));

    final List<GridLevel> levels = GridPlanner.plan(config, Price.of("500"), fine).levels();

    assertEquals(GridPlanner.MAX_LEVELS, levels.size());
    assertDecimal("1000", levels.get(levels.size() - 1).price().value());
  }
}
