package dev.osprey.agent.routine;

import static dev.osprey.agent.routine.HandComputedSeries.ATR_CANDLES;
import static dev.osprey.agent.routine.HandComputedSeries.RSI_CLOSES;
import static dev.osprey.agent.routine.HandComputedSeries.closes;
import static dev.osprey.agent.routine.HandComputedSeries.flatCandles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.market.CandleInterval;
import dev.osprey.agent.routine.LocalWebhookServer.Received;
import dev.osprey.agent.routine.RoutineArgsException.Violation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutinesTest {
  private static final Instant NOW = Instant.parse("2026-01-05T10:06:30Z");

  private final List<String> posted = new ArrayList<>();
  private final WebhookSender recordingSender =
      (url, body) -> {
        posted.add(url + " " + body);
        return 200;
      };
  private final ScriptedRoutineContext ctx =
      new ScriptedRoutineContext(NOW, recordingSender)
          .withCandles("binance", "BTC-USDT", CandleInterval.ONE_MINUTE, ATR_CANDLES)
          .withCandles("binance", "ETH-USDT", CandleInterval.FIVE_MINUTES, flatCandles(RSI_CLOSES));
  private final Routines routines = Routines.builtIn();

  private static Map<String, Object> args(final Object... namesAndValues) {
    final Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return args;
  }

  private List<Violation> violations(final String routine, final Map<String, Object> args) {
    return assertThrows(RoutineArgsException.class, () -> routines.run(routine, args, ctx))
        .violations();
  }

  /** The call fails with exactly one violation. */
  private void assertRejected(
      final String routine, final Map<String, Object> args, final String field, final String rule) {
    assertEquals(List.of(new Violation(field, rule)), violations(routine, args));
  }

  @Test
  void shouldListTheBuiltInRoutinesInOrder() {
    assertEquals(
        List.of("atr", "rsi", "ema", "volatility", "webhook", "alert"),
        routines.all().stream().map(Routine::name).toList());
    assertEquals("rsi", routines.get("rsi").orElseThrow().name());
    assertEquals(Optional.empty(), routines.get("macd"));
  }

  @Test
  void shouldDescribeParametersAsAJsonSchema() {
    final Map<String, Object> interval = new LinkedHashMap<>();
    interval.put("type", "string");
    interval.put("enum", List.of("1m", "5m", "15m", "1h", "4h", "1d"));
    interval.put("description", "candle length: 1m, 5m, 15m, 1h, 4h, 1d");
    interval.put("default", "1m");
    final Map<String, Object> period = new LinkedHashMap<>();
    period.put("type", "integer");
    period.put("description", "candles in the indicator's window, 1 to 500");
    period.put("default", 14);

    final Map<String, Object> atr = routines.describe().get(0);
    assertEquals("atr", atr.get("name"));
    final Map<?, ?> parameters = (Map<?, ?>) atr.get("parameters");
    assertEquals("object", parameters.get("type"));
    assertEquals(List.of("connector", "trading_pair"), parameters.get("required"));
    assertEquals(false, parameters.get("additionalProperties"));
    final Map<?, ?> properties = (Map<?, ?>) parameters.get("properties");
    assertEquals(
        List.of("connector", "trading_pair", "interval", "period"),
        List.copyOf(properties.keySet()));
    assertEquals(
        Map.of("type", "string", "description", "venue the candles come from, e.g. binance"),
        properties.get("connector"));
    assertEquals(interval, properties.get("interval"));
    assertEquals(period, properties.get("period"));
  }

  @Test
  void shouldRunAtrOverTheContextsCandles() {
    final RoutineResult result =
        routines.run(
            "atr", args("connector", "binance", "trading_pair", "btc-usdt", "period", 3), ctx);

    // the values IndicatorsTest works out by hand for these candles
    final Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("atr", new BigDecimal("1.93333333"));
    expected.put("atr_pct", new BigDecimal("18.58974359"));
    expected.put("last_close", new BigDecimal("10.4"));
    expected.put("candles_used", new BigDecimal("6"));
    assertEquals(expected, result.outputs());
    assertEquals(
        Optional.of(
            "atr(3) BTC-USDT 1m on binance: atr=1.93333333 atr_pct=18.58974359 last_close=10.4"
                + " candles_used=6"),
        result.summary());
    assertEquals(List.of(31), ctx.requestedLimits()); // ten periods of history, plus one
  }

  @Test
  void shouldRunRsiWithItsDefaultPeriod() {
    final RoutineResult result =
        routines.run(
            "rsi", args("connector", "binance", "trading_pair", "ETH-USDT", "interval", "5m"), ctx);

    assertEquals(new BigDecimal("69.23076923"), result.outputs().get("rsi"));
    assertEquals(new BigDecimal("15"), result.outputs().get("candles_used"));
    assertEquals(List.of(141), ctx.requestedLimits());
  }

  @Test
  void shouldRunEmaOverTheCloses() {
    ctx.withCandles(
        "okx",
        "SOL-USDC",
        CandleInterval.ONE_HOUR,
        flatCandles(closes("10", "11", "12", "13", "15", "14", "16")));

    final RoutineResult result =
        routines.run(
            "ema",
            args("connector", "okx", "trading_pair", "SOL-USDC", "interval", "1h", "period", 4),
            ctx);

    assertEquals(new BigDecimal("14.40400000"), result.outputs().get("ema"));
    assertEquals(new BigDecimal("16"), result.outputs().get("last_close"));
  }

  @Test
  void shouldAskForOnlyTheCandlesVolatilityUses() {
    // the 50 is outside the last 3 returns (+2 %, +1 %, +3 %): sample deviation 1 %
    ctx.withCandles(
        "okx",
        "SOL-USDC",
        CandleInterval.ONE_MINUTE,
        flatCandles(closes("50", "100", "102", "103.02", "106.1106")));

    final RoutineResult result =
        routines.run(
            "volatility", args("connector", "okx", "trading_pair", "SOL-USDC", "period", 3), ctx);

    assertEquals(new BigDecimal("1.00000000"), result.outputs().get("volatility_pct"));
    assertEquals(new BigDecimal("4"), result.outputs().get("candles_used"));
    assertEquals(List.of(4), ctx.requestedLimits());
  }

  @Test
  void shouldSayHowManyCandlesAreMissing() {
    final Map<String, Object> btc = args("connector", "binance", "trading_pair", "BTC-USDT");
    final var error =
        assertThrows(NotEnoughDataException.class, () -> routines.run("atr", btc, ctx));
    assertEquals("atr(14) needs at least 15 candles, got 6", error.getMessage());
    assertEquals(
        "ema(20) needs at least 20 candles, got 0",
        assertThrows(
                NotEnoughDataException.class,
                () -> routines.run("ema", args("connector", "kraken", "trading_pair", "A-B"), ctx))
            .getMessage());
  }

  @Test
  void shouldRejectIndicatorArgumentsNamingTheField() {
    assertEquals(
        List.of(
            new Violation("connector", "is required"),
            new Violation("period", "must be an integer")),
        violations("rsi", args("trading_pair", "BTC-USDT", "period", "14")));
    assertRejected(
        "rsi",
        args("connector", "binance", "trading_pair", "BTCUSDT"),
        "trading_pair",
        "trading pair must be BASE-QUOTE, got 'BTCUSDT'");
    assertRejected(
        "volatility",
        args("connector", "binance", "trading_pair", "A-B", "period", 1),
        "period",
        "must be between 2 and 500");
    assertRejected(
        "atr", args("connector", " ", "trading_pair", "A-B"), "connector", "must not be blank");
    assertTrue(ctx.requestedLimits().isEmpty());
  }

  @Test
  void shouldRecordAnAlertStampedWithTheContextClock() {
    final RoutineResult result =
        routines.run("alert", args("level", "warn", "message", "ATR above 2%"), ctx);

    assertEquals(
        List.of(new Alert(NOW, AlertLevel.WARN, "ATR above 2%")), ctx.alertLog().recent(10));
    assertEquals(Map.of("level", "WARN", "at", "2026-01-05T10:06:30Z"), result.outputs());
  }

  @Test
  void shouldRaiseAlertsAtInfoUnlessToldOtherwise() {
    routines.run("alert", args("message", "session started"), ctx);

    assertEquals(
        List.of(new Alert(NOW, AlertLevel.INFO, "session started")), ctx.alertLog().recent(10));
  }

  @Test
  void shouldRejectAnUnknownAlertLevelAndABlankMessage() {
    assertRejected(
        "alert",
        args("level", "PANIC", "message", "x"),
        "level",
        "must be one of INFO, WARN, CRITICAL");
    assertRejected("alert", args("message", ""), "message", "must not be blank");
    assertEquals(0, ctx.alertLog().size());
  }

  @Test
  void shouldPostAWebhookThroughTheContextsSender() {
    final RoutineResult result =
        routines.run(
            "webhook", args("url", "https://hooks.example.com/T0K3N", "body", "{\"a\":1}"), ctx);

    assertEquals(List.of("https://hooks.example.com/T0K3N {\"a\":1}"), posted);
    assertEquals(Map.of("status", new BigDecimal("200"), "ok", true), result.outputs());
    assertEquals(
        Optional.of("webhook to https://hooks.example.com answered 200"), result.summary());
  }

  @Test
  void shouldPostAWebhookToALocalServerWithTheJdkSender() {
    try (LocalWebhookServer server = new LocalWebhookServer()) {
      final var jdkCtx =
          new ScriptedRoutineContext(NOW, new JdkWebhookSender(Duration.ofSeconds(5)));
      final URI url = server.url("/notify");

      final RoutineResult result =
          routines.run("webhook", args("url", url.toString(), "body", "{\"rsi\":71}"), jdkCtx);

      assertEquals(
          List.of(
              new Received("POST", "/notify", "application/json; charset=utf-8", "{\"rsi\":71}")),
          server.received());
      assertEquals(new BigDecimal("202"), result.outputs().get("status"));
    }
  }

  @Test
  void shouldRefuseWebhookUrlsThatAreNotHttp() {
    assertRejected(
        "webhook",
        args("url", "file:///etc/passwd", "body", "{}"),
        "url",
        "must be an absolute http or https URL");
    assertRejected(
        "webhook",
        args("url", "not a url", "body", "{}"),
        "url",
        "must be an absolute http or https URL");
    assertTrue(posted.isEmpty());
  }

  @Test
  void shouldNameTheKnownRoutinesWhenAskedForAnUnknownOne() {
    assertEquals(
        "no routine named macd (known: atr, rsi, ema, volatility, webhook, alert)",
        assertThrows(NoSuchElementException.class, () -> routines.run("macd", Map.of(), ctx))
            .getMessage());
  }

  @Test
  void shouldRefuseTwoRoutinesWithOneName() {
    assertThrows(IllegalArgumentException.class, () -> Routines.builtIn(new AlertRoutine()));
  }
}
