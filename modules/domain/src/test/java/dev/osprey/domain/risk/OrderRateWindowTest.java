package dev.osprey.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderRateWindowTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private final OrderRateWindow window = new OrderRateWindow();

  private Optional<Duration> at(final long millis, final int max) {
    return window.tryAcquire(Optional.of(max), T0.plusMillis(millis));
  }

  @Test
  void shouldLetMaxOrdersLeaveInOneSecondAndTellTheNextHowLongToWait() {
    assertEquals(Optional.empty(), at(0, 2));
    assertEquals(Optional.empty(), at(300, 2));
    assertEquals(Optional.of(Duration.ofMillis(500)), at(500, 2), "the first slot frees at 1000 ms");
    assertEquals(Optional.of(Duration.ofMillis(1)), at(999, 2));
    assertEquals(Optional.empty(), at(1000, 2));
    assertEquals(Optional.of(Duration.ofMillis(200)), at(1100, 2), "the 300 ms order frees its slot at 1300 ms");
  }

  @Test
  void shouldNotLetABurstOfTwiceTheRateThroughAcrossASecondBoundary() {
    assertEquals(Optional.empty(), at(900, 3));
    assertEquals(Optional.empty(), at(950, 3));
    assertEquals(Optional.empty(), at(990, 3));
    assertEquals(Optional.of(Duration.ofMillis(890)), at(1010, 3));
  }

  @Test
  void shouldNotCountRefusedOrdersNorLimitWithoutAMaximum() {
    assertEquals(Optional.empty(), at(0, 1));
    assertEquals(Optional.of(Duration.ofMillis(1000)), at(0, 1));
    assertEquals(Optional.of(Duration.ofMillis(500)), at(500, 1));
    assertEquals(Optional.empty(), at(1000, 1));
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.empty(), window.tryAcquire(Optional.empty(), T0.plusMillis(1000)));
    }
  }
}
