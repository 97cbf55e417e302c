package dev.osprey.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The data's clock: it reads the time of the tick being replayed, and only the replay moves it
 * ({@link #advanceTo}). The paper venues stamp quotes, orders and fills with it, exactly as a live
 * node's venues stamp them with the wall clock. Time never goes backwards: rows are sorted first.
 */
final class ReplayClock extends Clock {
  private Instant now;

  ReplayClock(final Instant start) {
    this.now = start;
  }

  void advanceTo(final Instant tick) {
    if (tick.isBefore(now)) {
      throw new IllegalStateException("replay time cannot go back from " + now + " to " + tick);
    }
    now = tick;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    throw new UnsupportedOperationException("the replay clock is always UTC");
  }
}
