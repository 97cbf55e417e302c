package dev.osprey.okx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** OKX times: epoch milliseconds as strings; ISO-8601 with milliseconds in REST signatures. */
final class OkxTime {
  private OkxTime() {}

  /** {@code value} (epoch ms) as an instant, or {@code fallback} when it is absent. */
  static Instant millis(final String value, final Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return Instant.ofEpochMilli(Long.parseLong(value.trim()));
  }

  /** The {@code OK-ACCESS-TIMESTAMP} form: {@code 2020-12-08T09:08:57.715Z}. */
  static String iso(final Instant at) {
    final Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
    final String text = ms.toString();
    // Instant.toString drops a zero fraction; OKX wants exactly three digits.
    return ms.getNano() == 0 ? text.replace("Z", ".000Z") : text;
  }
}
