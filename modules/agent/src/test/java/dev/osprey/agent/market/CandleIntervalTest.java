package dev.osprey.agent.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandleIntervalTest {

  @ParameterizedTest
  @CsvSource({
    "1m, ONE_MINUTE, 60",
    "5m, FIVE_MINUTES, 300",
    "15m, FIFTEEN_MINUTES, 900",
    "1h, ONE_HOUR, 3600",
    "4h, FOUR_HOURS, 14400",
    "1d, ONE_DAY, 86400"
  })
  void shouldParseEveryExchangeLabel(
      final String label, final CandleInterval expected, final long seconds) {
    assertEquals(expected, CandleInterval.parse(label));
    assertEquals(label, expected.label());
    assertEquals(seconds, expected.length().toSeconds());
  }

  @Test
  void shouldRejectUnknownLabelListingAcceptedOnes() {
    final var error =
        assertThrows(IllegalArgumentException.class, () -> CandleInterval.parse("2m"));
    assertEquals(
        "candle interval must be one of 1m, 5m, 15m, 1h, 4h, 1d, got '2m'", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CandleInterval.parse("1M"));
    assertThrows(IllegalArgumentException.class, () -> CandleInterval.parse(null));
  }

  @ParameterizedTest
  @CsvSource({
    "1m, 2026-01-05T10:07:59.999Z, 2026-01-05T10:07:00Z",
    "5m, 2026-01-05T10:07:59Z, 2026-01-05T10:05:00Z",
    "15m, 2026-01-05T10:15:00Z, 2026-01-05T10:15:00Z",
    "1h, 2026-01-05T10:59:59Z, 2026-01-05T10:00:00Z",
    "4h, 2026-01-05T11:30:00Z, 2026-01-05T08:00:00Z",
    "1d, 2026-01-05T23:59:59Z, 2026-01-05T00:00:00Z",
    "1h, 1969-12-31T23:30:00Z, 1969-12-31T23:00:00Z"
  })
  void shouldAlignBucketsToTheEpochInUtc(
      final String label, final String at, final String expectedStart) {
    assertEquals(
        Instant.parse(expectedStart), CandleInterval.parse(label).bucketStart(Instant.parse(at)));
  }
}
