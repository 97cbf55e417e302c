package dev.osprey.backtest;

import dev.osprey.exchange.paper.SteppedClock;
import java.time.Instant;

/**
 * The data's clock: it reads the time of the tick being replayed, and only the replay moves it
 * ({@link #advanceTo}). The paper venues stamp quotes, orders and fills with it, exactly as a live
 * node's venues stamp them with the wall clock. Time never goes backwards: rows are sorted first.
 */
final class ReplayClock extends SteppedClock {

  ReplayClock(final Instant start) {
    super(start);
  }

  void advanceTo(final Instant tick) {
    if (tick.isBefore(instant())) {
      throw new IllegalStateException("replay time cannot go back from " + instant() + " to " + tick);
    }
    set(tick);
  }
}
