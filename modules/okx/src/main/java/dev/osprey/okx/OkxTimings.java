package dev.osprey.okx;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the connector talks to OKX.
 *
 * @param reconnectMin first delay before reconnecting a dropped socket, doubled up to {@code
 *     reconnectMax}
 * @param requestTimeout how long a REST request or a WebSocket op may take before it fails
 */
public record OkxTimings(Duration reconnectMin, Duration reconnectMax, Duration requestTimeout) {
  /** Half a second to 30 s between reconnects; 10 s for a request. */
  public static final OkxTimings DEFAULT =
      new OkxTimings(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10));

  public OkxTimings {
    Objects.requireNonNull(reconnectMin, "reconnectMin");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (reconnectMin.isNegative() || reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("need 0 <= reconnectMin <= reconnectMax");
    }
  }
}
