package dev.osprey.exchange.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The local clock moved onto a venue's time. Venues refuse a signed request whose timestamp is too
 * far from their own clock (OKX: 30 s; Binance: the request's {@code recvWindow}), so signatures
 * use this clock, aligned with the venue's time endpoint at start (and after the venue called a
 * timestamp stale). The error left is at most the round trip of that request.
 */
public class VenueClock extends Clock {
  private final Clock local;
  private volatile long offsetMs;

  public VenueClock(final Clock local) {
    this.local = local;
  }

  /** Aligns with {@code venueNow}, the venue's time read just now. */
  public void align(final Instant venueNow) {
    offsetMs = venueNow.toEpochMilli() - local.millis();
  }

  /** How far the venue's clock is ahead of the local one, in ms (negative when behind). */
  public long offsetMs() {
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
