package dev.osprey.agent.routine;

import dev.osprey.agent.market.Candle;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Price series whose indicator values the tests state, worked out by hand in their comments. */
final class HandComputedSeries {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  /** 15 closes, 14 changes: +2 -1 +3 +1 -2 +4 -1 +2 +1 -3 +2 +1 -1 +2. */
  static final List<Price> RSI_CLOSES =
      closes(
          "100", "102", "101", "104", "105", "103", "107", "106", "108", "109", "106", "108",
          "109", "108", "110");

  /**
   * True ranges from the second candle on: 2 (high-low), 2 (gap up: high - previous close), 1.4
   * (high-low beats |low - 10.8| = 1.3), 1.8 (gap down: |low - 9.8|), 2.2 (gap up: |high - 8.5|).
   */
  static final List<Candle> ATR_CANDLES =
      List.of(
          candle(0, "10", "8", "9"),
          candle(1, "11", "9", "10"),
          candle(2, "12", "10.5", "10.8"),
          candle(3, "10.9", "9.5", "9.8"),
          candle(4, "9.7", "8.0", "8.5"),
          candle(5, "10.7", "9.9", "10.4"));

  private HandComputedSeries() {}

  static List<Price> closes(final String... values) {
    return Arrays.stream(values).map(Price::of).toList();
  }

  /** One-minute candles that each saw a single price: open = high = low = close. */
  static List<Candle> flatCandles(final List<Price> closes) {
    final List<Candle> candles = new ArrayList<>();
    for (final Price close : closes) {
      final Instant openTime = T0.plusSeconds(60L * candles.size());
      candles.add(new Candle(openTime, close, close, close, close));
    }
    return candles;
  }

  /** A one-minute candle whose open is its close: ATR never reads the open. */
  private static Candle candle(
      final int minute, final String high, final String low, final String close) {
    final Price closePrice = Price.of(close);
    return new Candle(
        T0.plusSeconds(60L * minute), closePrice, Price.of(high), Price.of(low), closePrice);
  }
}
