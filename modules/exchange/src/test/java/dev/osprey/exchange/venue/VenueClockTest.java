package dev.osprey.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VenueClockTest {
  private static final Instant LOCAL = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldTellTheVenuesTimeOnceAligned() {
    final VenueClock clock = new VenueClock(Clock.fixed(LOCAL, ZoneOffset.UTC));
    assertEquals(LOCAL, clock.instant());
    clock.align(LOCAL.plusSeconds(300));
    assertEquals(300_000, clock.offsetMs());
    assertEquals(LOCAL.plusSeconds(300), clock.instant());
    clock.align(LOCAL.minusMillis(1_500));
    assertEquals(LOCAL.minusMillis(1_500), clock.instant());
  }
}
