package dev.osprey.domain.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * {@code max_orders_per_second} of one controller: at most {@code max} orders in any one-second
 * window (sliding, so no burst of twice the rate across a second boundary). An order over the rate
 * is told how long to wait; it is not refused for good. Mutable: it lives inside one actor.
 */
public final class OrderRateWindow {
  private static final Duration WINDOW = Duration.ofSeconds(1);
  private final ArrayDeque<Instant> sent = new ArrayDeque<>();

  /**
   * Takes a slot for an order at {@code now} if the rate allows it.
   *
   * @param max the limit; empty means no limit
   * @return empty when the order may leave now (the slot is taken), else how long to wait
   */
  public Optional<Duration> tryAcquire(final Optional<Integer> max, final Instant now) {
    while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
      sent.pollFirst();
    }
    if (max.isEmpty()) {
      return Optional.empty();
    }
    if (sent.size() >= max.get()) {
      // The slot frees when the oldest order of the window is a second old.
      return Optional.of(Duration.between(now, sent.peekFirst().plus(WINDOW)));
    }
    sent.addLast(now);
    return Optional.empty();
  }
}
