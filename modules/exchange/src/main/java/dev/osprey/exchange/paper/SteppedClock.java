package dev.osprey.exchange.paper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that reads the instant its owner last set, never the wall clock: the time of paper
 * venues in a replay or a test. Not thread-safe: one owner moves it.
 */
public class SteppedClock extends Clock {
  private Instant now;

  public SteppedClock(final Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code at}. */
  protected final void set(final Instant at) {
    now = at;
  }

  @Override
  public final Instant instant() {
    return now;
  }

  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(final ZoneId zone) {
    throw new UnsupportedOperationException("a stepped clock stays in UTC");
  }
}
