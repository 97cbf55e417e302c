package dev.osprey.okx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The local clock moved onto OKX's time. OKX refuses a login or a signed request whose timestamp is
 * more than 30 s from its own clock, so signatures use this clock, aligned with OKX's {@code GET
 * /api/v5/public/time} at start (and after OKX called a timestamp stale). The error left is at most
 * the round trip of that request.
 */
final class VenueClock extends Clock {
  private final Clock local;
  private volatile long offsetMs;

  VenueClock(final Clock local) {
    this.local = local;
  }

  /** Aligns with {@code venueNow}, OKX's time read just now. */
  void align(final Instant venueNow) {
    offsetMs = venueNow.toEpochMilli() - local.millis();
  }

  /** How far OKX's clock is ahead of the local one, in ms (negative when behind). */
  long offsetMs() {
    return offsetMs;
  }

  @Override
  public ZoneId getZone() {
    return local.getZone();
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    return Clock.offset(local.withZone(zone), Duration.ofMillis(offsetMs));
  }

  @Override
  public Instant instant() {
    return local.instant().plusMillis(offsetMs);
  }
}
