package dev.osprey.domain.executor.lp;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.ConfigAssertions;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LpExecutorConfigTest {

  @Test
  void shouldDefaultTheOptionalFieldsAsTheReferenceAndTheSimulationDo() {
    final LpExecutorConfig c = LpConfigs.range().side(null).fees(null, null).build();
    assertEquals(List.of(), c.validate());
    assertEquals(LpSide.RANGE, c.lpSide());
    assertDecimal("0.003", c.feeTier());
    assertDecimal("0", c.txFeeQuote().value());
    assertEquals(Boolean.FALSE, c.keepPosition());
    assertEquals(LpExecutorConfig.TYPE, c.type());
    assertNull(c.side());
  }

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        broken(b -> b.range("100", "100"), "lower_price", "must be below upper_price"),
        broken(b -> b.range("0", "100"), "lower_price", "is required and positive"),
        broken(b -> b.range("64", null), "upper_price", "is required and positive"),
        broken(b -> b.limits(null, "200"), "upper_limit_price", "must not be below upper_price"),
        broken(b -> b.limits("65", null), "lower_limit_price", "must not be above lower_price"),
        broken(b -> b.limits(null, "0"), "upper_limit_price", "must be positive when given"),
        broken(b -> b.amounts("0", "0"), "base_amount", "cannot both be 0"),
        broken(b -> b.amounts("0", "-1"), "quote_amount", "must not be negative"),
        broken(b -> b.side(LpSide.BUY), "base_amount", "must be 0 for side BUY"),
        broken(b -> b.side(LpSide.BUY).amounts("0", "0"), "quote_amount", "must be positive"),
        broken(b -> b.side(LpSide.SELL), "quote_amount", "must be 0 for side SELL"),
        broken(b -> b.side(LpSide.SELL).amounts("0", "0"), "base_amount", "must be positive"),
        broken(b -> b.autoClose(-1L, null), "auto_close_above_range_seconds", ">= 0"),
        broken(b -> b.autoClose(null, -5L), "auto_close_below_range_seconds", ">= 0"),
        broken(b -> b.fees("1", "0"), "fee_tier", "[0, 1)"),
        broken(b -> b.fees("-0.001", "0"), "fee_tier", "[0, 1)"),
        broken(b -> b.fees("0.003", "-1"), "tx_fee_quote", "must not be negative"));
  }

  private static Arguments broken(
      final UnaryOperator<LpConfigs> change, final String field, final String rule) {
    return Arguments.of(change, field, rule);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("brokenConfigs")
  void shouldNameTheFieldAndTheRuleOfEveryViolation(
      final UnaryOperator<LpConfigs> change, final String field, final String rule) {
    final List<FieldViolation> v = change.apply(LpConfigs.range()).build().validate();
    assertTrue(
        v.stream().anyMatch(x -> x.field().equals(field) && x.rule().contains(rule)),
        () -> "expected " + field + " '" + rule + "' in " + v);
  }

  @Test
  void shouldReportEveryBrokenRuleAtOnce() {
    final List<FieldViolation> v =
        LpConfigs.range().range("100", "50").amounts("0", "0").fees("2", "-1").build().validate();
    assertEquals(
        List.of("lower_price", "base_amount", "fee_tier", "tx_fee_quote"),
        ConfigAssertions.fields(v));
  }

  @Test
  void shouldRefuseToCreateAnExecutorFromABrokenConfig() {
    final LpExecutorConfig c = LpConfigs.range().amounts("0", "0").build();
    assertThrows(FieldViolation.Invalid.class, () -> LpExecutor.create(c));
  }

  @ParameterizedTest(name = "{0}: base {1}, quote {2}, mid {3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "RANGE, 37.5, 2000, 100, 5750",
        "RANGE, 37.5, 2000, -,   -",
        "RANGE, 0,    2000, -,   2000",
        "BUY,   0,    8000, -,   8000",
        "SELL,  62.5, 0,    40,  2500",
        "SELL,  62.5, 0,    -,   -",
      })
  void shouldValueThePlannedExposureAsBaseAtMidPlusQuote(
      final LpSide side, final String base, final String quote, final String mid,
      final String expected) {
    final LpExecutorConfig c = LpConfigs.range().side(side).amounts(base, quote).build();
    final Optional<Price> m = mid == null ? Optional.empty() : Optional.of(Price.of(mid));
    final var exposure = c.plannedExposure(m);
    if (expected == null) {
      assertTrue(exposure.isEmpty());
    } else {
      assertDecimal(expected, exposure.orElseThrow().value());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "BOTH, RANGE", "range, RANGE", "0, RANGE", "3, RANGE", "buy, BUY", "1, BUY", "SELL, SELL",
    "2, SELL",
  })
  void shouldParseTheSideNamesAndTheSpecAndReferenceCodes(final String text, final LpSide side) {
    assertEquals(side, LpSide.parse(text));
  }

  @Test
  void shouldParseNumericSideCodesAndRefuseOthers() {
    assertEquals(LpSide.RANGE, LpSide.parse(0));
    assertEquals(LpSide.BUY, LpSide.parse(1));
    assertEquals(LpSide.SELL, LpSide.parse(2));
    assertThrows(IllegalArgumentException.class, () -> LpSide.parse(4));
    assertThrows(IllegalArgumentException.class, () -> LpSide.parse("HOLD"));
  }

  @Test
  void shouldReportTheTradeSideOfSingleSidedPositionsOnly() {
    assertEquals(Side.BUY, LpConfigs.range().side(LpSide.BUY).amounts("0", "1").build().side());
    assertEquals(Side.SELL, LpConfigs.range().side(LpSide.SELL).amounts("1", "0").build().side());
    assertNull(LpConfigs.range().build().side());
  }

  @Test
  void shouldKeepEverythingButTheIdentityInACopyWithIdentity() {
    final LpExecutorConfig c = LpConfigs.range().limits("50", "300").keep(true).build();
    final Instant at = Instant.parse("2026-04-01T00:00:00Z");
    final LpExecutorConfig copy = ConfigAssertions.assertIdentityCopy(c, "other", "ctl2", at);
    assertEquals(new BigDecimal("300"), copy.upperLimitPrice().value());
  }
}
