package dev.osprey.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time moved by an offset a test can change: a venue whose clock jumps. */
final class SkewedClock extends Clock {
  private volatile Duration offset;

  SkewedClock(final Duration offset) {
    this.offset = offset;
  }

  void shift(final Duration by) {
    offset = offset.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
