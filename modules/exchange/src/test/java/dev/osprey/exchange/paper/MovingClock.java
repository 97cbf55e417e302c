package dev.osprey.exchange.paper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so that every step of a scenario has its own timestamp. */
final class MovingClock extends Clock {
  private Instant now;

  MovingClock(final Instant start) {
    this.now = start;
  }

  /** Moves one second on and returns the new time. */
  Instant tick() {
    now = now.plus(Duration.ofSeconds(1));
    return now;
  }

  /** Moves {@code by} on at once (a node down for a while). */
  void jump(final Duration by) {
    now = now.plus(by);
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
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
