package dev.osprey.okx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sliding-window limit per key (OKX: 60 orders per 2 s per instrument), applied before sending so
 * that OKX never has to refuse: {@link #reserve} books the earliest slot that keeps at most {@code
 * maxRequests} sends in any {@code windowMs} and returns how long to wait for it. Slots of one key
 * are handed out in call order, so delayed orders keep their order. Pure: time is passed in.
 */
final class OkxRateLimiter {
  private final int maxRequests;
  private final long windowMs;

  /** Booked send times per key, ascending. */
  private final Map<String, List<Long>> booked = new HashMap<>();

  OkxRateLimiter(final int maxRequests, final long windowMs) {
    if (maxRequests < 1 || windowMs < 1) {
      throw new IllegalArgumentException("need at least one request per positive window");
    }
    this.maxRequests = maxRequests;
    this.windowMs = windowMs;
  }

  /** OKX's limit for placing (and, separately, cancelling) spot orders. */
  static OkxRateLimiter okxOrders() {
    return new OkxRateLimiter(60, 2_000);
  }

  /** Books a send of {@code key} at or after {@code nowMs}; returns the wait in ms (0 = now). */
  synchronized long reserve(final String key, final long nowMs) {
    final List<Long> times = booked.computeIfAbsent(key, k -> new ArrayList<>());
    // A send at t counts in [t, t + window): earlier ones no longer constrain a slot >= now.
    while (!times.isEmpty() && times.get(0) <= nowMs - windowMs) {
      times.remove(0);
    }
    long slot = nowMs;
    if (!times.isEmpty()) {
      slot = Math.max(slot, times.get(times.size() - 1));
    }
    if (times.size() >= maxRequests) {
      slot = Math.max(slot, times.get(times.size() - maxRequests) + windowMs);
    }
    times.add(slot);
    return slot - nowMs;
  }
}
