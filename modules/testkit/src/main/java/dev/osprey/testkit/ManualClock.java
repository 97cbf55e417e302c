package dev.osprey.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test moves it. Thread-safe. */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  private ManualClock(final Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public static ManualClock at(final Instant start) {
    return new ManualClock(start);
  }

  public static ManualClock at(final String isoInstant) {
    return new ManualClock(Instant.parse(isoInstant));
  }

  public void advance(final Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  public void set(final Instant t) {
    now.set(t);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    return this;
  }
}
