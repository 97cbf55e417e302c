package dev.osprey.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskLimitsTest {

  @Test
  void shouldReadNumbersAndDecimalStringsAndTreatAbsentAsOff() {
    final Map<String, Object> m = new HashMap<>();
    m.put("max_open_executors", 3);
    m.put("max_single_order_quote", "100.5");
    m.put("max_drawdown_pct", 10.0);
    m.put("max_cost_per_day_usd", 0.1);
    m.put("cooldown_after_loss_sec", 300L);
    m.put("max_daily_loss_quote", null);
    final RiskLimits l = RiskLimits.fromMap(m);
    assertEquals(Optional.of(3), l.maxOpenExecutors());
    assertEquals(Optional.of(QuoteAmount.of("100.5")), l.maxSingleOrderQuote());
    assertEquals(0, new BigDecimal("10").compareTo(l.maxDrawdownPct().orElseThrow()));
    assertEquals(new BigDecimal("0.1"), l.maxCostPerDayUsd().orElseThrow());
    assertEquals(Optional.of(300L), l.cooldownAfterLossSec());
    assertTrue(l.maxDailyLossQuote().isEmpty());
    assertTrue(l.maxPositionSizeQuote().isEmpty());
    assertTrue(l.shutdownDrawdownPct().isEmpty());
    assertTrue(l.maxOrdersPerSecond().isEmpty());
    assertEquals(l, RiskLimits.fromMap(l.toMap()));
  }

  @Test
  void shouldReadNoLimitsFromAnEmptyOrMissingMap() {
    assertEquals(RiskLimits.NONE, RiskLimits.fromMap(Map.of()));
    assertEquals(RiskLimits.NONE, RiskLimits.fromMap(null));
  }

  @Test
  void shouldRefuseAnUnknownLimitByName() {
    final FieldViolation.Invalid e = assertThrows(
        FieldViolation.Invalid.class,
        () -> RiskLimits.fromMap(Map.of("max_leverage", 5, "max_open_executors", 2)));
    assertEquals(1, e.violations().size());
    assertEquals("max_leverage", e.violations().get(0).field());
    assertTrue(e.violations().get(0).rule().startsWith("is not a known risk limit"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_open_executors      | -1    | must not be negative, got -1",
        "max_position_size_quote | -0.01 | must not be negative, got -0.01",
        "max_drawdown_pct        | abc   | must be a number, got 'abc'",
        "max_open_executors      | 2.5   | must be a whole number, got 2.5",
        "cooldown_after_loss_sec | 1e30  | must be at most 9223372036854775807, got "
            + "1000000000000000000000000000000",
      })
  void shouldRefuseABadValueNamingTheLimit(
      final String key, final String value, final String rule) {
    final FieldViolation.Invalid e =
        assertThrows(FieldViolation.Invalid.class, () -> RiskLimits.fromMap(Map.of(key, value)));
    assertEquals(List.of(new FieldViolation(key, rule)), e.violations());
  }

  @Test
  void shouldRefuseNonNumbersAndReportEveryViolation() {
    final Map<String, Object> m = new HashMap<>();
    m.put("max_single_order_quote", true);
    m.put("max_cost_per_day_usd", List.of(1));
    m.put("max_orders_per_second", Double.NaN);
    m.put("bogus", 1);
    final FieldViolation.Invalid e =
        assertThrows(FieldViolation.Invalid.class, () -> RiskLimits.fromMap(m));
    assertEquals(4, e.violations().size());
  }

  @Test
  void shouldAcceptZeroAsAnActiveLimit() {
    final RiskLimits l = RiskLimits.fromMap(Map.of("max_open_executors", 0));
    assertEquals(Optional.of(0), l.maxOpenExecutors());
  }
}
