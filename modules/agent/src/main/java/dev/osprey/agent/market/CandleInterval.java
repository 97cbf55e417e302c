package dev.osprey.agent.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The length of a candle, written as exchanges write it ({@code 1m}, {@code 1h}, {@code 1d}).
 * Buckets are aligned to the Unix epoch, so in UTC: a {@code 4h} candle opens at 00:00, 04:00,
 * 08:00 … and a {@code 1d} candle at midnight UTC, whatever the local time zone.
 */
public enum CandleInterval {
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  FOUR_HOURS("4h", Duration.ofHours(4)),
  ONE_DAY("1d", Duration.ofDays(1));

  private final String label;
  private final Duration length;

  CandleInterval(final String label, final Duration length) {
    this.label = label;
    this.length = length;
  }

  /**
   * Parses an interval as written in agent files and API calls.
   *
   * @param text one of {@code 1m 5m 15m 1h 4h 1d}
   * @return the interval
   * @throws IllegalArgumentException listing the accepted labels when {@code text} is not one
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CandleInterval parse(final String text) {
    for (final CandleInterval interval : values()) {
      if (interval.label.equals(text)) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        "candle interval must be one of " + labels() + ", got '" + text + "'");
  }

  /** The accepted labels, comma-separated, shortest first (for error messages and schemas). */
  public static String labels() {
    return Arrays.stream(values()).map(CandleInterval::label).collect(Collectors.joining(", "));
  }

  /** The label, for example {@code 15m}. */
  @JsonValue
  public String label() {
    return label;
  }

  /** How long one candle of this interval lasts. */
  public Duration length() {
    return length;
  }

  /**
   * The open time of the bucket holding {@code at}: {@code at} rounded down to a multiple of the
   * length since the epoch. Floor division keeps instants before 1970 in the right bucket.
   *
   * @param at any instant
   * @return the start of its bucket, never after {@code at}
   */
  public Instant bucketStart(final Instant at) {
    final long lengthMs = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), lengthMs) * lengthMs);
  }

  @Override
  public String toString() {
    return label;
  }
}
