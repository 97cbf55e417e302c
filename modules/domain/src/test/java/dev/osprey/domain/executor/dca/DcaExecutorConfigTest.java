package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.BrokenConfig;
import dev.osprey.domain.executor.ConfigAssertions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The DCA config: defaults, every validation rule, exposure and derived prices. */
class DcaExecutorConfigTest {

  @Test
  void shouldDefaultToMakerWithLeverageOneAndNoBounds() {
    final DcaExecutorConfig c = DcaConfigs.maker().build();

    assertEquals(DcaMode.MAKER, c.mode());
    assertEquals(1, c.leverage());
    assertEquals(null, c.activationBounds());
    assertEquals("dca_executor", c.type());
    assertEquals(List.of(), c.validate());
  }

  @Test
  void shouldGiveATakerWithoutBoundsTheReferenceWindow() {
    final DcaExecutorConfig c = DcaConfigs.taker().build();

    assertEquals(DcaConfigs.decimals("0.0001", "0.005"), c.activationBounds());
    assertEquals(
        DcaConfigs.decimals("0.01", "0.02"),
        DcaConfigs.taker().bounds("0.01", "0.02").build().activationBounds());
  }

  static Stream<BrokenConfig<DcaConfigs>> brokenConfigs() {
    return Stream.of(
        BrokenConfig.of("unequal lists", c -> c.prices("100", "75", "50"), "amounts_quote", "prices"),
        BrokenConfig.of("empty lists", c -> c.amounts().prices(), "amounts_quote", "prices"),
        BrokenConfig.of("missing lists", c -> c.amountsList(null).pricesList(null),
            "amounts_quote", "prices"),
        BrokenConfig.of("zero amount", c -> c.amounts("100", "0"), "amounts_quote[1]"),
        BrokenConfig.of("negative price", c -> c.prices("-1", "75"), "prices[0]"),
        BrokenConfig.of("null price", c -> c.prices("100", null), "prices[1]"),
        BrokenConfig.of("zero stop loss", c -> c.stopLoss("0"), "stop_loss"),
        BrokenConfig.of("negative take profit", c -> c.takeProfit("-0.1"), "take_profit"),
        BrokenConfig.of("zero time limit", c -> c.timeLimit(0), "time_limit"),
        BrokenConfig.of("trailing without delta", c -> c.trailing("0.01", "0"),
            "trailing_stop.trailing_delta"),
        BrokenConfig.of("trailing without activation", c -> c.trailing(null, "0.01"),
            "trailing_stop.activation_price"),
        BrokenConfig.of("taker with one bound", c -> c.mode(DcaMode.TAKER).bounds("0.01"),
            "activation_bounds"),
        BrokenConfig.of("negative bound", c -> c.bounds("-0.01"), "activation_bounds"),
        BrokenConfig.of("three bounds", c -> c.bounds("0.01", "0.02", "0.03"), "activation_bounds"),
        BrokenConfig.of("leverage 0", c -> c.leverage(0), "leverage"),
        BrokenConfig.of("no venue, pair or side",
            c -> c.market(" ", null).side(null), "connector_name", "trading_pair",
            "side"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigs")
  void shouldNameEveryBrokenField(final BrokenConfig<DcaConfigs> broken) {
    broken.assertNamed(DcaConfigs.maker(), DcaConfigs::build);
  }

  @Test
  void shouldSayWhyListsOfUnequalLengthAreRefused() {
    final List<FieldViolation> v = DcaConfigs.maker().prices("100", "75", "50").build().validate();

    assertEquals(
        List.of(
            new FieldViolation("amounts_quote", "must have as many entries as prices (2 vs 3)"),
            new FieldViolation("prices", "must have as many entries as amounts_quote (3 vs 2)")),
        v);
  }

  @Test
  void shouldRefuseToCreateAnExecutorForAnInvalidConfig() {
    final DcaExecutorConfig bad = DcaConfigs.maker().amounts("100").build();

    ConfigAssertions.assertRefused(2, () -> DcaExecutor.create(bad));
  }

  @ParameterizedTest(name = "mid {0} -> exposure 400")
  @CsvSource({"80", "120"})
  void shouldPlanTheWholeBudgetInQuoteWhateverTheMid(final String mid) {
    ConfigAssertions.assertPlansQuoteWhateverTheMid("400", DcaConfigs.maker().build(), mid);
    assertEquals(
        Optional.empty(), DcaConfigs.maker().amountsList(null).build().plannedExposure(
            Optional.empty()));
  }

  @Test
  void shouldDeriveTheReferencePricesAndMaxLoss() {
    final DcaExecutorConfig c = DcaConfigs.maker().stopLoss("0.05").build();

    assertDecimal("81.25", c.targetAveragePrice().value()); // (100·100 + 75·300) / 400
    assertDecimal("20", c.maxLossQuote().value()); // 400 · 0.05
    assertDecimal("75", c.minPrice().value());
    assertDecimal("100", c.maxPrice().value());
    assertDecimal("0", DcaConfigs.maker().build().maxLossQuote().value());
    assertEquals(
        Optional.of(DcaConfigs.T0.plusSeconds(60)),
        DcaConfigs.maker().timeLimit(60).build().deadline());
  }

  @Test
  void shouldKeepEverythingButTheIdentityInWithIdentity() {
    final DcaExecutorConfig c = DcaConfigs.taker().stopLoss("0.05").build();
    final Instant at = Instant.parse("2026-02-01T00:00:00Z");

    ConfigAssertions.assertIdentityCopy(c, "other", "ctl-2", at);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"maker, MAKER", "TAKER, TAKER", "1, MAKER", "2, TAKER", "' Taker ', TAKER"})
  void shouldParseModeNamesAndCodes(final String text, final DcaMode expected) {
    assertEquals(expected, DcaMode.parse(text));
  }

  @Test
  void shouldParseNumericModeCodesAndRefuseUnknownOnes() {
    assertEquals(DcaMode.TAKER, DcaMode.parse(2));
    final IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DcaMode.parse("BOTH"));
    assertTrue(e.getMessage().contains("MAKER (1), TAKER (2)"), e.getMessage());
  }
}
