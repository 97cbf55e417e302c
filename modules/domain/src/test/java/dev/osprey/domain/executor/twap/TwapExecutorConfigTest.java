package dev.osprey.domain.executor.twap;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.executor.BrokenConfig;
import dev.osprey.domain.executor.ConfigAssertions;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The TWAP config: defaults, the slice plan, every validation rule, exposure. */
class TwapExecutorConfigTest {

  @Test
  void shouldDefaultToTakerWithLeverageOne() {
    final TwapExecutorConfig c = TwapConfigs.taker().build();

    assertEquals(TwapMode.TAKER, c.mode());
    assertEquals(1, c.leverage());
    assertEquals("twap_executor", c.type());
    assertEquals(List.of(), c.validate());
    assertEquals(List.of(), TwapConfigs.maker().build().validate());
  }

  @ParameterizedTest(name = "duration {0}s every {1}s -> {2} slices of {3}")
  @CsvSource({
    "40,    10, 5,     20",
    "45,    10, 5,     20",
    "9,     10, 1,     100",
    "60,    60, 2,     50",
    "30,    10, 4,     25",
    "86400, 1,  86401, 0.001157394011643383757132440596752352", // 100 / 86401 at 34 digits
  })
  void shouldPlanOneSliceEveryIntervalIncludingBothEnds(
      final long duration, final long interval, final int orders, final String slice) {
    final TwapExecutorConfig c = TwapConfigs.taker().duration(duration).interval(interval).build();

    assertEquals(orders, c.numberOfOrders());
    assertDecimal(slice, c.orderAmountQuote().value());
    assertEquals(TwapConfigs.T0.plusSeconds((orders - 1) * interval), c.slotTime(orders - 1));
  }

  static Stream<BrokenConfig<TwapConfigs>> brokenConfigs() {
    return Stream.of(
        BrokenConfig.of("zero total", c -> c.total("0"), "total_amount_quote"),
        BrokenConfig.of("missing total", c -> c.total(null), "total_amount_quote"),
        BrokenConfig.of("zero duration", c -> c.duration(0L), "total_duration"),
        BrokenConfig.of("missing interval", c -> c.interval(null), "order_interval"),
        BrokenConfig.of("negative interval", c -> c.interval(-10L), "order_interval"),
        BrokenConfig.of("too many slices", c -> c.duration(200_000L).interval(1L), "order_interval"),
        BrokenConfig.of("maker without buffer", c -> c.mode(TwapMode.MAKER), "limit_order_buffer"),
        BrokenConfig.of("maker buffer of 1", c -> c.mode(TwapMode.MAKER).buffer("1"),
            "limit_order_buffer"),
        BrokenConfig.of("negative buffer", c -> c.mode(TwapMode.MAKER).buffer("-0.01"),
            "limit_order_buffer"),
        BrokenConfig.of("zero resubmission time", c -> c.resubmission(0L), "order_resubmission_time"),
        BrokenConfig.of("leverage 0", c -> c.leverage(0), "leverage"),
        BrokenConfig.of("no side", c -> c.side(null), "side"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigs")
  void shouldNameEveryBrokenField(final BrokenConfig<TwapConfigs> broken) {
    broken.assertNamed(TwapConfigs.taker(), TwapConfigs::build);
  }

  @Test
  void shouldRefuseToCreateAnExecutorForAnInvalidConfig() {
    final TwapExecutorConfig bad = TwapConfigs.taker().total("0").interval(0L).build();

    ConfigAssertions.assertRefused(2, () -> TwapExecutor.create(bad));
  }

  @ParameterizedTest(name = "mid {0} -> exposure 100")
  @CsvSource({"10", "1000"})
  void shouldPlanTheTotalBudgetInQuoteWhateverTheMid(final String mid) {
    ConfigAssertions.assertPlansQuoteWhateverTheMid("100", TwapConfigs.taker().build(), mid);
    assertEquals(
        Optional.empty(),
        TwapConfigs.taker().total(null).build().plannedExposure(Optional.empty()));
  }

  @ParameterizedTest(name = "{0} at mid 10 with buffer 0.01 -> {1}")
  @CsvSource({"BUY, 9.9", "SELL, 10.1"})
  void shouldPriceMakerSlicesABufferBehindTheMid(final Side side, final String price) {
    final TwapExecutorConfig c = TwapConfigs.maker().side(side).build();

    assertDecimal(price, c.limitPrice(Price.of("10")).value());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"maker, MAKER", "TAKER, TAKER", "1, MAKER", "2, TAKER"})
  void shouldParseModeNamesAndCodes(final String text, final TwapMode expected) {
    assertEquals(expected, TwapMode.parse(text));
    assertEquals(expected, TwapMode.parse(expected.code()));
  }
}
