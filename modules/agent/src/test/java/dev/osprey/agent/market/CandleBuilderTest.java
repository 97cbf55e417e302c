package dev.osprey.agent.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleBuilderTest {
  private final CandleBuilder builder = new CandleBuilder();

  private void mid(final String at, final String price) {
    builder.onMid(Instant.parse(at), Price.of(price));
  }

  private static Candle candle(
      final String openTime,
      final String open,
      final String high,
      final String low,
      final String close) {
    return new Candle(
        Instant.parse(openTime), Price.of(open), Price.of(high), Price.of(low), Price.of(close));
  }

  private void assertCandles(final CandleInterval interval, final Candle... expected) {
    assertEquals(List.of(expected), builder.candles(interval, 10));
  }

  @Test
  void shouldCloseCandlesOnMinuteBoundariesAndReturnTheFormingOneLast() {
    mid("2026-01-05T10:00:00Z", "100");
    mid("2026-01-05T10:00:20Z", "103");
    mid("2026-01-05T10:00:40Z", "99");
    mid("2026-01-05T10:00:59.999Z", "101");
    mid("2026-01-05T10:01:00Z", "102"); // first instant of the next bucket
    mid("2026-01-05T10:01:30Z", "104");
    mid("2026-01-05T10:03:10Z", "105"); // nothing seen in 10:02: no candle for it

    assertCandles(
        CandleInterval.ONE_MINUTE,
        candle("2026-01-05T10:00:00Z", "100", "103", "99", "101"),
        candle("2026-01-05T10:01:00Z", "102", "104", "102", "104"),
        candle("2026-01-05T10:03:00Z", "105", "105", "105", "105"));
    assertCandles(
        CandleInterval.FIVE_MINUTES, candle("2026-01-05T10:00:00Z", "100", "105", "99", "105"));
  }

  @Test
  void shouldReturnOnlyTheLastCandlesUpToLimit() {
    mid("2026-01-05T10:00:00Z", "1");
    mid("2026-01-05T10:01:00Z", "2");
    mid("2026-01-05T10:02:00Z", "3");

    assertEquals(
        List.of(
            candle("2026-01-05T10:01:00Z", "2", "2", "2", "2"),
            candle("2026-01-05T10:02:00Z", "3", "3", "3", "3")),
        builder.candles(CandleInterval.ONE_MINUTE, 2));
    assertEquals(1, builder.candles(CandleInterval.ONE_DAY, 5).size());
  }

  @Test
  void shouldKeepAtMostTheConfiguredClosedCandlesPlusTheFormingOne() {
    final CandleBuilder small = new CandleBuilder(2);
    for (int minute = 0; minute < 5; minute++) {
      small.onMid(
          Instant.parse("2026-01-05T10:00:00Z").plusSeconds(60L * minute),
          Price.of(String.valueOf(minute)));
    }

    final List<Candle> kept = small.candles(CandleInterval.ONE_MINUTE, 100);
    assertEquals(3, kept.size());
    assertEquals(Instant.parse("2026-01-05T10:02:00Z"), kept.get(0).openTime());
    assertEquals(Instant.parse("2026-01-05T10:04:00Z"), kept.get(2).openTime());
  }

  @Test
  void shouldIgnoreObservationsOlderThanTheCurrentBucket() {
    mid("2026-01-05T10:00:10Z", "100");
    mid("2026-01-05T10:01:10Z", "101");
    mid("2026-01-05T10:00:50Z", "500"); // the 10:00 candle has closed

    assertCandles(
        CandleInterval.ONE_MINUTE,
        candle("2026-01-05T10:00:00Z", "100", "100", "100", "100"),
        candle("2026-01-05T10:01:00Z", "101", "101", "101", "101"));
    // in 5m the same observation is late but still inside the forming bucket
    assertCandles(
        CandleInterval.FIVE_MINUTES, candle("2026-01-05T10:00:00Z", "100", "500", "100", "101"));
  }

  @Test
  void shouldTakeOpenAndCloseByObservationTimeWithinTheBucket() {
    mid("2026-01-05T10:00:30Z", "100");
    mid("2026-01-05T10:00:10Z", "98"); // late, earliest in the bucket: the open
    mid("2026-01-05T10:00:20Z", "103"); // late, neither first nor last: only the high

    assertCandles(
        CandleInterval.ONE_MINUTE, candle("2026-01-05T10:00:00Z", "98", "103", "98", "100"));
  }

  @Test
  void shouldHaveNoCandlesBeforeTheFirstObservation() {
    assertEquals(List.of(), builder.candles(CandleInterval.ONE_HOUR, 3));
  }

  @Test
  void shouldRejectNonPositiveLimitAndCapacity() {
    assertThrows(
        IllegalArgumentException.class, () -> builder.candles(CandleInterval.ONE_MINUTE, 0));
    assertThrows(IllegalArgumentException.class, () -> new CandleBuilder(0));
  }
}
