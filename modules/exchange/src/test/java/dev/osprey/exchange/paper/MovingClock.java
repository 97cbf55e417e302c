package dev.osprey.exchange.paper;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand, so that every step of a scenario has its own timestamp. */
final class MovingClock extends SteppedClock {

  MovingClock(final Instant start) {
    super(start);
  }

  /** Moves one second on and returns the new time. */
  Instant tick() {
    set(instant().plus(Duration.ofSeconds(1)));
    return instant();
  }

  /** Moves {@code by} on at once (a node down for a while). */
  void jump(final Duration by) {
    set(instant().plus(by));
  }
}
