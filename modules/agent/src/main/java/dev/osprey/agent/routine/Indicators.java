package dev.osprey.agent.routine;

import dev.osprey.agent.market.Candle;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Technical indicators over candles, in decimal arithmetic only.
 *
 * <p>Every intermediate step is computed at {@link #MC} (16 significant digits, half-even); every
 * result is rounded once, at the end, to {@value #RESULT_SCALE} decimal places half-even. The same
 * candles therefore give the same digits live, on paper and in replay.
 *
 * <p>Each indicator needs a minimum number of candles for its period and throws {@link
 * NotEnoughDataException} (an {@link IllegalArgumentException}) with both counts when it has
 * fewer. More candles than the minimum are used in full: the smoothed indicators (EMA, RSI, ATR)
 * start from the oldest candle given, so their value depends on how much history is passed.
 */
public final class Indicators {
  /** Precision of every intermediate step. */
  public static final MathContext MC = MathContext.DECIMAL64;

  /** Decimal places of every result. */
  public static final int RESULT_SCALE = 8;

  /** Rounding of every result to {@link #RESULT_SCALE}. */
  public static final RoundingMode RESULT_ROUNDING = RoundingMode.HALF_EVEN;

  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Indicators() {}

  /** The close of every candle, in the same order. */
  public static List<Price> closes(final List<Candle> candles) {
    return candles.stream().map(Candle::close).toList();
  }

  /**
   * Exponential moving average of the closes: seeded with the simple average of the first {@code
   * period} closes, then {@code ema += (close - ema) * 2 / (period + 1)} for each later close.
   *
   * @param closes oldest first, at least {@code period}
   * @param period at least 1
   * @return the EMA after the last close
   */
  public static BigDecimal ema(final List<Price> closes, final int period) {
    requirePeriod("ema", period, 1);
    requireCandles("ema", period, period, closes);
    final BigDecimal multiplier = TWO.divide(BigDecimal.valueOf(period + 1L), MC);
    BigDecimal ema = BigDecimal.ZERO;
    for (int i = 0; i < period; i++) {
      ema = ema.add(closes.get(i).value(), MC);
    }
    ema = ema.divide(BigDecimal.valueOf(period), MC);
    for (int i = period; i < closes.size(); i++) {
      ema = closes.get(i).value().subtract(ema, MC).multiply(multiplier, MC).add(ema, MC);
    }
    return round(ema);
  }

  /**
   * Relative strength index with Wilder's smoothing: average gain and loss are seeded with the
   * simple averages of the first {@code period} close-to-close changes, then each later change
   * moves them by {@code avg = (avg * (period - 1) + change) / period}. The result is {@code 100 *
   * avgGain / (avgGain + avgLoss)}, which equals {@code 100 - 100 / (1 + RS)}; it is 100 when
   * there are no losses, a flat series included.
   *
   * @param closes oldest first, at least {@code period + 1}
   * @param period at least 1
   * @return the RSI after the last close, between 0 and 100
   */
  public static BigDecimal rsi(final List<Price> closes, final int period) {
    requirePeriod("rsi", period, 1);
    requireCandles("rsi", period, period + 1, closes);
    BigDecimal avgGain = BigDecimal.ZERO;
    BigDecimal avgLoss = BigDecimal.ZERO;
    for (int i = 1; i <= period; i++) {
      final BigDecimal change = change(closes, i);
      avgGain = avgGain.add(gain(change), MC);
      avgLoss = avgLoss.add(loss(change), MC);
    }
    avgGain = avgGain.divide(BigDecimal.valueOf(period), MC);
    avgLoss = avgLoss.divide(BigDecimal.valueOf(period), MC);
    for (int i = period + 1; i < closes.size(); i++) {
      final BigDecimal change = change(closes, i);
      avgGain = wilder(avgGain, gain(change), period);
      avgLoss = wilder(avgLoss, loss(change), period);
    }
    if (avgLoss.signum() == 0) {
      return round(HUNDRED);
    }
    return round(HUNDRED.multiply(avgGain, MC).divide(avgGain.add(avgLoss, MC), MC));
  }

  /**
   * Average true range with Wilder's smoothing. The true range of a candle is the largest of
   * {@code high - low}, {@code |high - previous close|} and {@code |low - previous close|}, so the
   * first candle only provides a previous close. The ATR is seeded with the simple average of the
   * first {@code period} true ranges, then {@code atr = (atr * (period - 1) + tr) / period}.
   *
   * @param candles oldest first, at least {@code period + 1}
   * @param period at least 1
   * @return the ATR after the last candle, in price units
   */
  public static BigDecimal atr(final List<Candle> candles, final int period) {
    return round(averageTrueRange(candles, period));
  }

  /**
   * The {@link #atr ATR} as a percentage of the last close: {@code atr / close * 100}, computed
   * from the unrounded ATR.
   *
   * @param candles oldest first, at least {@code period + 1}, the last close not zero
   * @param period at least 1
   * @return the ATR in percent of the last close
   */
  public static BigDecimal atrPct(final List<Candle> candles, final int period) {
    final BigDecimal atr = averageTrueRange(candles, period);
    final BigDecimal lastClose = candles.get(candles.size() - 1).close().value();
    if (lastClose.signum() == 0) {
      throw new IllegalArgumentException("atr_pct is undefined: the last close is zero");
    }
    return round(atr.divide(lastClose, MC).multiply(HUNDRED, MC));
  }

  /**
   * Volatility as the sample standard deviation (divisor {@code period - 1}) of the last {@code
   * period} simple returns {@code close[i] / close[i-1] - 1}, in percent. Not annualised: it is
   * per candle of whatever interval the closes come from.
   *
   * @param closes oldest first, at least {@code period + 1}, none zero among the last {@code
   *     period + 1}
   * @param period at least 2 (one return has no sample deviation)
   * @return the standard deviation of returns in percent
   */
  public static BigDecimal volatility(final List<Price> closes, final int period) {
    requirePeriod("volatility", period, 2);
    requireCandles("volatility", period, period + 1, closes);
    final int first = closes.size() - period;
    final BigDecimal[] returns = new BigDecimal[period];
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < period; i++) {
      final BigDecimal previous = closes.get(first + i - 1).value();
      if (previous.signum() == 0) {
        throw new IllegalArgumentException("volatility is undefined: a close is zero");
      }
      returns[i] = closes.get(first + i).value().divide(previous, MC).subtract(BigDecimal.ONE, MC);
      sum = sum.add(returns[i], MC);
    }
    final BigDecimal mean = sum.divide(BigDecimal.valueOf(period), MC);
    BigDecimal squares = BigDecimal.ZERO;
    for (final BigDecimal r : returns) {
      final BigDecimal deviation = r.subtract(mean, MC);
      squares = squares.add(deviation.multiply(deviation, MC), MC);
    }
    final BigDecimal variance = squares.divide(BigDecimal.valueOf(period - 1L), MC);
    return round(variance.sqrt(MC).multiply(HUNDRED, MC));
  }

  private static BigDecimal averageTrueRange(final List<Candle> candles, final int period) {
    requirePeriod("atr", period, 1);
    requireCandles("atr", period, period + 1, candles);
    BigDecimal atr = BigDecimal.ZERO;
    for (int i = 1; i <= period; i++) {
      atr = atr.add(trueRange(candles, i), MC);
    }
    atr = atr.divide(BigDecimal.valueOf(period), MC);
    for (int i = period + 1; i < candles.size(); i++) {
      atr = wilder(atr, trueRange(candles, i), period);
    }
    return atr;
  }

  private static BigDecimal trueRange(final List<Candle> candles, final int i) {
    final BigDecimal high = candles.get(i).high().value();
    final BigDecimal low = candles.get(i).low().value();
    final BigDecimal previousClose = candles.get(i - 1).close().value();
    return high.subtract(low)
        .max(high.subtract(previousClose).abs())
        .max(low.subtract(previousClose).abs());
  }

  /** Wilder's smoothing: a moving average that gives the new value a weight of 1/period. */
  private static BigDecimal wilder(
      final BigDecimal average, final BigDecimal value, final int period) {
    return average
        .multiply(BigDecimal.valueOf(period - 1L), MC)
        .add(value, MC)
        .divide(BigDecimal.valueOf(period), MC);
  }

  private static BigDecimal change(final List<Price> closes, final int i) {
    return closes.get(i).value().subtract(closes.get(i - 1).value(), MC);
  }

  private static BigDecimal gain(final BigDecimal change) {
    return change.signum() > 0 ? change : BigDecimal.ZERO;
  }

  private static BigDecimal loss(final BigDecimal change) {
    return change.signum() < 0 ? change.negate() : BigDecimal.ZERO;
  }

  private static void requirePeriod(final String indicator, final int period, final int minimum) {
    if (period < minimum) {
      throw new IllegalArgumentException(
          indicator + " period must be at least " + minimum + ", got " + period);
    }
  }

  private static void requireCandles(
      final String indicator, final int period, final int needed, final List<?> data) {
    Objects.requireNonNull(data, indicator + " input");
    if (data.size() < needed) {
      throw new NotEnoughDataException(indicator + "(" + period + ")", needed, data.size());
    }
  }

  private static BigDecimal round(final BigDecimal value) {
    return value.setScale(RESULT_SCALE, RESULT_ROUNDING);
  }
}
