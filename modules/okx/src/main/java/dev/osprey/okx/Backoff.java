package dev.osprey.okx;

import java.time.Duration;

/** Reconnect delays: {@code min}, doubled per failed attempt, capped at {@code max}. */
record Backoff(Duration min, Duration max) {
  /** The delay before attempt {@code attempt} (0 = the first retry). */
  Duration delay(final int attempt) {
    final int shift = Math.min(Math.max(attempt, 0), 30);
    final long ms = min.toMillis() << shift;
    return ms >= max.toMillis() || ms < 0 ? max : Duration.ofMillis(ms);
  }
}
