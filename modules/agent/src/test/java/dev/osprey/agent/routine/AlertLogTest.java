package dev.osprey.agent.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLogTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private static Alert alert(final int n) {
    return new Alert(T0.plusSeconds(n), AlertLevel.WARN, "alert " + n);
  }

  @Test
  void shouldKeepOnlyTheLastThousandAlerts() {
    final AlertLog log = new AlertLog();
    for (int n = 1; n <= 1005; n++) {
      log.record(alert(n));
    }

    assertEquals(1000, log.size());
    final List<Alert> kept = log.recent(2000);
    assertEquals(1000, kept.size());
    assertEquals(alert(6), kept.get(0));
    assertEquals(alert(1005), kept.get(999));
  }

  @Test
  void shouldReturnTheMostRecentOldestFirst() {
    final AlertLog log = new AlertLog(3);
    for (int n = 1; n <= 4; n++) {
      log.record(alert(n));
    }

    assertEquals(List.of(alert(3), alert(4)), log.recent(2));
  }

  @Test
  void shouldRefuseAnEmptyCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new AlertLog(0));
  }
}
