package dev.osprey.agent.routine;

import static dev.osprey.agent.routine.HandComputedSeries.ATR_CANDLES;
import static dev.osprey.agent.routine.HandComputedSeries.RSI_CLOSES;
import static dev.osprey.agent.routine.HandComputedSeries.closes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

  private static BigDecimal decimal(final String value) {
    return new BigDecimal(value);
  }

  @Test
  void shouldSeedEmaWithTheSimpleAverageAndApplyTheMultiplier() {
    // period 4: multiplier 2/5 = 0.4; seed (10+11+12+13)/4 = 11.5
    // 15: 11.5 + 0.4*3.5 = 12.9; 14: 12.9 + 0.4*1.1 = 13.34; 16: 13.34 + 0.4*2.66 = 14.404
    final List<Price> closes = closes("10", "11", "12", "13", "15", "14", "16");
    assertEquals(decimal("14.40400000"), Indicators.ema(closes, 4));
  }

  @Test
  void shouldRoundEmaHalfEvenToEightPlaces() {
    // period 2: multiplier 2/3; seed 1.5; 4: 1.5 + 2/3 * 2.5 = 3.1666… -> 3.16666667
    assertEquals(decimal("3.16666667"), Indicators.ema(closes("1", "2", "4"), 2));
    // exactly period closes: the simple average
    assertEquals(decimal("2.00000000"), Indicators.ema(closes("1", "2", "3"), 3));
  }

  @Test
  void shouldComputeRsiFromTheSeedAveragesWithPeriodPlusOneCloses() {
    // gains 2+3+1+4+2+1+2+1+2 = 18, losses 1+2+1+3+1 = 8; avgGain 18/14, avgLoss 8/14
    // RSI = 100 * 18 / (18 + 8) = 69.2307692307… -> 69.23076923
    assertEquals(decimal("69.23076923"), Indicators.rsi(RSI_CLOSES, 14));
  }

  @Test
  void shouldSmoothRsiTheWilderWayAfterTheSeed() {
    // one more close, 110 -> 107 (loss 3): avgGain = (18/14*13 + 0)/14 = 234/196,
    // avgLoss = (8/14*13 + 3)/14 = 146/196; RSI = 100 * 234 / 380 = 61.5789473684… -> 61.57894737
    final List<Price> closes = new ArrayList<>(RSI_CLOSES);
    closes.add(Price.of("107"));
    assertEquals(decimal("61.57894737"), Indicators.rsi(closes, 14));
  }

  @Test
  void shouldGiveRsiHundredWithoutLossesAndZeroWithoutGains() {
    assertEquals(decimal("100.00000000"), Indicators.rsi(closes("1", "2", "3", "4"), 3));
    assertEquals(decimal("100.00000000"), Indicators.rsi(closes("5", "5", "5", "5"), 3));
    assertEquals(decimal("0E-8"), Indicators.rsi(closes("4", "3", "2", "1"), 3));
  }

  @Test
  void shouldComputeAtrWithGapsAndWilderSmoothing() {
    // period 3: seed (2 + 2 + 1.4)/3 = 1.8; tr 1.8: (1.8*2 + 1.8)/3 = 1.8;
    // tr 2.2: (1.8*2 + 2.2)/3 = 5.8/3 = 1.9333… -> 1.93333333
    assertEquals(decimal("1.93333333"), Indicators.atr(ATR_CANDLES, 3));
    // seed only: the first four candles
    assertEquals(decimal("1.80000000"), Indicators.atr(ATR_CANDLES.subList(0, 4), 3));
  }

  @Test
  void shouldExpressAtrAsPercentOfLastCloseFromTheUnroundedAtr() {
    // (5.8/3) / 10.4 * 100 = 580/31.2 = 18.5897435897… -> 18.58974359
    assertEquals(decimal("18.58974359"), Indicators.atrPct(ATR_CANDLES, 3));
  }

  @Test
  void shouldComputeVolatilityAsSampleDeviationOfTheLastReturnsInPercent() {
    // returns +0.02, +0.01, +0.03: mean 0.02, squared deviations 0 + 0.0001 + 0.0001,
    // variance 0.0002/2 = 0.0001, deviation 0.01 -> 1 %
    final List<Price> closes = closes("100", "102", "103.02", "106.1106");
    assertEquals(decimal("1.00000000"), Indicators.volatility(closes, 3));
  }

  @Test
  void shouldUseOnlyTheLastPeriodReturnsForVolatility() {
    // the leading 50 -> 100 (+100 %) is outside the last 4 returns +0.1 -0.1 +0.1 -0.1:
    // mean 0, variance 4*0.01/3, deviation 0.2/sqrt(3) = 0.1154700538379… -> 11.54700538 %
    assertEquals(
        decimal("11.54700538"),
        Indicators.volatility(closes("50", "100", "110", "99", "108.9", "98.01"), 4));
  }

  @Test
  void shouldSayHowManyCandlesAreNeededAndHowManyThereAre() {
    final List<Price> tenCloses = RSI_CLOSES.subList(0, 10);
    final var rsi =
        assertThrows(NotEnoughDataException.class, () -> Indicators.rsi(tenCloses, 14));
    assertEquals("rsi(14) needs at least 15 candles, got 10", rsi.getMessage());
    assertEquals(15, rsi.needed());
    assertEquals(10, rsi.available());
    assertEquals(
        "atr(14) needs at least 15 candles, got 6",
        assertThrows(IllegalArgumentException.class, () -> Indicators.atr(ATR_CANDLES, 14))
            .getMessage());
    assertEquals(
        "ema(20) needs at least 20 candles, got 15",
        assertThrows(IllegalArgumentException.class, () -> Indicators.ema(RSI_CLOSES, 20))
            .getMessage());
    assertEquals(
        "volatility(20) needs at least 21 candles, got 15",
        assertThrows(IllegalArgumentException.class, () -> Indicators.volatility(RSI_CLOSES, 20))
            .getMessage());
  }

  @Test
  void shouldRejectPeriodsThatDefineNothing() {
    assertEquals(
        "volatility period must be at least 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> Indicators.volatility(RSI_CLOSES, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Indicators.ema(RSI_CLOSES, 0));
  }
}
