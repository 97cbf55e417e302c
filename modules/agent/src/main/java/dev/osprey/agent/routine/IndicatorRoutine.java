package dev.osprey.agent.routine;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A routine that computes one {@link Indicators indicator} over a market's candles: the built-in
 * {@code atr}, {@code rsi}, {@code ema} and {@code volatility}. All four take the same parameters
 * ({@code connector}, {@code trading_pair}, {@code interval}, {@code period}) and add {@code
 * last_close} and {@code candles_used} to their own outputs.
 *
 * <p>The candles include the forming one, so the value moves within a candle as it does on an
 * exchange chart.
 */
public final class IndicatorRoutine extends DescribedRoutine {
  /** The largest period accepted: a bound on how many candles one call may ask for. */
  public static final int MAX_PERIOD = 500;

  /** The longest connector name accepted. */
  private static final int MAX_CONNECTOR_CHARS = 64;

  /**
   * How many periods of history the smoothed indicators (EMA, RSI, ATR) ask for. They start from
   * their oldest candle; after ten periods the seed weighs under 0.01 % in Wilder's smoothing of
   * period 14 ((13/14)^126), so the value hardly depends on where the history starts.
   */
  private static final int SMOOTHING_HISTORY_PERIODS = 10;

  /** Computes the routine's own outputs, in order, from the candles and the period. */
  @FunctionalInterface
  private interface Formula {
    Map<String, Object> apply(List<Candle> candles, int period);
  }

  /** How many candles to ask the context for, given the period. */
  @FunctionalInterface
  private interface History {
    int candles(int period);
  }

  /** An indicator of closes with one output named like the routine. */
  @FunctionalInterface
  private interface ClosesIndicator {
    BigDecimal apply(List<Price> closes, int period);
  }

  private final int minPeriod;
  private final History history;
  private final Formula formula;

  private IndicatorRoutine(
      final String name,
      final String description,
      final int defaultPeriod,
      final int minPeriod,
      final History history,
      final Formula formula) {
    super(
        name,
        description,
        List.of(
            RoutineParam.required(
                "connector", ParamType.STRING, "venue the candles come from, e.g. binance"),
            RoutineParam.required(
                "trading_pair", ParamType.STRING, "market as BASE-QUOTE, e.g. BTC-USDT"),
            RoutineParam.optional(
                "interval",
                ParamType.INTERVAL,
                CandleInterval.ONE_MINUTE.label(),
                "candle length: " + CandleInterval.labels()),
            RoutineParam.optional(
                "period",
                ParamType.INTEGER,
                defaultPeriod,
                "candles in the indicator's window, " + minPeriod + " to " + MAX_PERIOD)));
    this.minPeriod = minPeriod;
    this.history = history;
    this.formula = formula;
  }

  /** Average true range: outputs {@code atr}, {@code atr_pct} (of the last close). */
  public static IndicatorRoutine atr() {
    return new IndicatorRoutine(
        "atr",
        "Average true range (Wilder) in price units and as a percentage of the last close",
        14,
        1,
        IndicatorRoutine::smoothingHistory,
        (candles, period) ->
            outputs(
                "atr", Indicators.atr(candles, period),
                "atr_pct", Indicators.atrPct(candles, period)));
  }

  /** Relative strength index: outputs {@code rsi}, 0 to 100. */
  public static IndicatorRoutine rsi() {
    return smoothedOverCloses(
        "rsi", "Relative strength index (Wilder), 0 to 100", 14, Indicators::rsi);
  }

  /** Exponential moving average of closes: outputs {@code ema}. */
  public static IndicatorRoutine ema() {
    return smoothedOverCloses(
        "ema",
        "Exponential moving average of closes, seeded with their simple average",
        20,
        Indicators::ema);
  }

  /** Return volatility: outputs {@code volatility_pct}, per candle, not annualised. */
  public static IndicatorRoutine volatility() {
    return new IndicatorRoutine(
        "volatility",
        "Sample standard deviation of close-to-close returns over the period, in percent",
        20,
        2,
        period -> period + 1,
        (candles, period) ->
            outputs(
                "volatility_pct", Indicators.volatility(Indicators.closes(candles), period)));
  }

  private static IndicatorRoutine smoothedOverCloses(
      final String name,
      final String description,
      final int defaultPeriod,
      final ClosesIndicator indicator) {
    return new IndicatorRoutine(
        name,
        description,
        defaultPeriod,
        1,
        IndicatorRoutine::smoothingHistory,
        (candles, period) -> outputs(name, indicator.apply(Indicators.closes(candles), period)));
  }

  private static int smoothingHistory(final int period) {
    return SMOOTHING_HISTORY_PERIODS * period + 1;
  }

  private static Map<String, Object> outputs(final Object... namesAndValues) {
    final Map<String, Object> outputs = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      outputs.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return outputs;
  }

  @Override
  public RoutineResult run(final RoutineArgs args, final RoutineContext ctx) {
    final String connector = args.text("connector", MAX_CONNECTOR_CHARS);
    final TradingPair pair = args.parse("trading_pair", TradingPair::parse);
    final CandleInterval interval = args.interval("interval");
    final int period = args.integerBetween("period", minPeriod, MAX_PERIOD);

    final List<Candle> candles =
        ctx.candles(connector, pair, interval, history.candles(period));
    final Map<String, Object> outputs = formula.apply(candles, period);
    outputs.put("last_close", candles.get(candles.size() - 1).close().value());
    outputs.put("candles_used", BigDecimal.valueOf(candles.size()));
    final String values =
        outputs.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    return RoutineResult.of(
        outputs,
        name() + "(" + period + ") " + pair + " " + interval + " on " + connector + ": " + values);
  }
}
