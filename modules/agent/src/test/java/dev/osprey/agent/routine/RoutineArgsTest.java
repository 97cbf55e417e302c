package dev.osprey.agent.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.agent.market.CandleInterval;
import dev.osprey.agent.routine.RoutineArgsException.Violation;
import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutineArgsTest {
  private static final List<RoutineParam> PARAMS =
      List.of(
          RoutineParam.required("trading_pair", ParamType.STRING, "market"),
          RoutineParam.optional("interval", ParamType.INTERVAL, "1m", "candle length"),
          RoutineParam.optional("period", ParamType.INTEGER, 14, "candles"),
          RoutineParam.optional("threshold", ParamType.DECIMAL, null, "level"),
          RoutineParam.optional("notify", ParamType.BOOLEAN, false, "send"));

  private static List<Violation> violations(final Map<String, ?> raw) {
    return assertThrows(RoutineArgsException.class, () -> RoutineArgs.of(PARAMS, raw))
        .violations();
  }

  @Test
  void shouldFillDefaultsAndReadTypedValues() {
    final RoutineArgs args = RoutineArgs.of(PARAMS, Map.of("trading_pair", "BTC-USDT"));

    assertEquals("BTC-USDT", args.string("trading_pair"));
    assertEquals(CandleInterval.ONE_MINUTE, args.interval("interval"));
    assertEquals(14, args.integer("period"));
    assertFalse(args.bool("notify"));
    assertFalse(args.has("threshold"));
  }

  @Test
  void shouldReadJsonNumbersExactly() {
    final RoutineArgs args =
        RoutineArgs.of(
            PARAMS,
            Map.of("trading_pair", "BTC-USDT", "period", 20.0, "threshold", 0.1, "interval", "4h"));

    assertEquals(20, args.integer("period"));
    assertEquals(new BigDecimal("0.1"), args.decimal("threshold"));
    assertEquals(CandleInterval.FOUR_HOURS, args.interval("interval"));
    assertEquals(
        new BigDecimal("2.50"),
        RoutineArgs.of(PARAMS, Map.of("trading_pair", "X", "threshold", "2.50"))
            .decimal("threshold"));
    assertEquals(
        7, RoutineArgs.of(PARAMS, Map.of("trading_pair", "X", "period", BigInteger.valueOf(7)))
            .integer("period"));
  }

  @Test
  void shouldTreatNullAsAbsent() {
    final Map<String, Object> raw = new HashMap<>();
    raw.put("trading_pair", "BTC-USDT");
    raw.put("period", null);
    assertEquals(14, RoutineArgs.of(PARAMS, raw).integer("period"));

    raw.put("trading_pair", null);
    assertEquals(List.of(new Violation("trading_pair", "is required")), violations(raw));
  }

  @Test
  void shouldReportEveryViolationNamingItsField() {
    final Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("interval", "2m");
    raw.put("period", "14");
    raw.put("threshold", "lots");
    raw.put("notify", "yes");
    raw.put("colour", "red");

    assertEquals(
        List.of(
            new Violation("trading_pair", "is required"),
            new Violation("interval", "must be one of 1m, 5m, 15m, 1h, 4h, 1d"),
            new Violation("period", "must be an integer"),
            new Violation("threshold", "must be a decimal number"),
            new Violation("notify", "must be true or false"),
            new Violation(
                "colour",
                "is not a parameter (expected one of trading_pair, interval, period, threshold,"
                    + " notify)")),
        violations(raw));
  }

  @Test
  void shouldSayWhichFieldsAreWrongInTheMessage() {
    final var error =
        assertThrows(
            RoutineArgsException.class,
            () -> RoutineArgs.of(PARAMS, Map.of("trading_pair", 42, "period", 1.5)));
    assertEquals(
        "invalid routine arguments: trading_pair must be a string; period must be an integer",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {2147483648L, -2147483649L})
  void shouldRejectIntegersOutsideIntRange(final long period) {
    assertEquals(
        List.of(new Violation("period", "must be an integer between -2147483648 and 2147483647")),
        violations(Map.of("trading_pair", "X", "period", period)));
  }

  @Test
  void shouldApplyRoutineRulesNamingTheField() {
    final RoutineArgs args =
        RoutineArgs.of(PARAMS, Map.of("trading_pair", "BTC/USDT", "period", 0));

    assertEquals(
        List.of(new Violation("period", "must be between 1 and 500")),
        assertThrows(RoutineArgsException.class, () -> args.integerBetween("period", 1, 500))
            .violations());
    assertEquals(
        List.of(new Violation("trading_pair", "trading pair must be BASE-QUOTE, got 'BTC/USDT'")),
        assertThrows(
                RoutineArgsException.class, () -> args.parse("trading_pair", TradingPair::parse))
            .violations());
    assertEquals(
        List.of(new Violation("trading_pair", "must be at most 5 characters")),
        assertThrows(RoutineArgsException.class, () -> args.text("trading_pair", 5)).violations());
  }

  @Test
  void shouldTreatReadingAnUndeclaredTypeAsARoutineBug() {
    final RoutineArgs args = RoutineArgs.of(PARAMS, Map.of("trading_pair", "X"));
    assertThrows(IllegalStateException.class, () -> args.integer("trading_pair"));
    assertThrows(IllegalStateException.class, () -> args.decimal("threshold"));
  }

  @Test
  void shouldRefuseParamsThatContradictThemselves() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RoutineParam("period", ParamType.INTEGER, true, 14, "required, defaulted"));
    assertEquals(
        "default of interval must be one of 1m, 5m, 15m, 1h, 4h, 1d",
        assertThrows(
                IllegalArgumentException.class,
                () -> RoutineParam.optional("interval", ParamType.INTERVAL, "1w", "x"))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RoutineParam.required("TradingPair", ParamType.STRING, "not snake_case"));
  }
}
