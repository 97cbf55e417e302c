package dev.osprey.exchange.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local clock moved onto a venue's time. Venues refuse a signed request whose timestamp is too
 * far from their own clock (OKX: 30 s; Binance: the request's {@code recvWindow}), so signatures
 * use this clock, aligned with the venue's time endpoint at start (and after the venue called a
 * timestamp stale). The error left is at most the round trip of that request.
 */
public class VenueClock extends Clock {
  private static final Logger LOG = LoggerFactory.getLogger(VenueClock.class);

  private final Clock local;
  private volatile long offsetMs;

  public VenueClock(final Clock local) {
    this.local = local;
  }

  /** The local clock this one is moved from (what a venue's per-interval limits count on). */
  public Clock local() {
    return local;
  }

  /** Aligns with {@code venueNow}, the venue's time read just now. */
  public void align(final Instant venueNow) {
    offsetMs = venueNow.toEpochMilli() - local.millis();
  }

  /**
   * Aligns with the venue's time once {@code venueNow} (a read of its time endpoint) completes; a
   * failed read is logged and the last offset kept. The stage never fails.
   */
  public CompletableFuture<Void> alignWith(
      final CompletableFuture<Instant> venueNow, final String venue) {
    return venueNow.handle(
        (now, error) -> {
          if (error != null) {
            LOG.warn("{} time not read ({}); signing on the last offset", venue, error.toString());
          } else {
            align(now);
            if (Math.abs(offsetMs) > 1_000) {
              LOG.warn("local clock is {} ms off {}'s; signing on {}'s", -offsetMs, venue, venue);
            }
          }
          return null;
        });
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
