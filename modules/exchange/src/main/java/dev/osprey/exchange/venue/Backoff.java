package dev.osprey.exchange.venue;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconnect delays of a venue connector: {@code min}, doubled per failed attempt, capped at {@code
 * max}. Shared by the real venues' connectors (OKX, Binance).
 */
public class Backoff {
  private final Duration min;
  private final Duration max;

  public Backoff(final Duration min, final Duration max) {
    this.min = Objects.requireNonNull(min, "min");
    this.max = Objects.requireNonNull(max, "max");
  }

  /** The delay before attempt {@code attempt} (0 = the first retry). */
  public Duration delay(final int attempt) {
    final int shift = Math.min(Math.max(attempt, 0), 30);
    final long ms = min.toMillis() << shift;
    return ms >= max.toMillis() || ms < 0 ? max : Duration.ofMillis(ms);
  }

  public Duration min() {
    return min;
  }

  public Duration max() {
    return max;
  }
}
