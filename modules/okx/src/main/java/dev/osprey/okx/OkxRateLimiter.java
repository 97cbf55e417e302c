package dev.osprey.okx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A sliding-window limit per key (OKX: 60 orders per 2 s per instrument), applied before sending so
 * that OKX never has to refuse: {@link #reserve} books the earliest slot that keeps at most {@code
 * maxRequests} sends in any {@code windowMs} and returns how long to wait for it. Slots of one key
 * are handed out in call order, so delayed orders keep their order. Pure: time is passed in.
 *
 * <p>OKX counts the limit per account, so when {@code sharers} connectors (the nodes of a cluster,
 * each with its own connector on the same key) trade the account, each keeps to its share: {@code
 * maxRequests / sharers} per window, at least one.
 */
final class OkxRateLimiter {
  private final int maxRequests;
  private final long windowMs;
  private final IntSupplier sharers;

  /** Booked send times per key, ascending. */
  private final Map<String, List<Long>> booked = new HashMap<>();

  OkxRateLimiter(final int maxRequests, final long windowMs) {
    this(maxRequests, windowMs, () -> 1);
  }

  OkxRateLimiter(final int maxRequests, final long windowMs, final IntSupplier sharers) {
    if (maxRequests < 1 || windowMs < 1) {
      throw new IllegalArgumentException("need at least one request per positive window");
    }
    this.maxRequests = maxRequests;
    this.windowMs = windowMs;
    this.sharers = sharers;
  }

  /**
   * OKX's limit for placing (and, separately, cancelling) orders: 60 per 2 s per instrument, shared
   * by {@code sharers} connectors on the account.
   */
  static OkxRateLimiter okxOrders(final IntSupplier sharers) {
    return new OkxRateLimiter(60, 2_000, sharers);
  }

  /** The sends allowed per window now: this connector's share, at least one. */
  int allowed() {
    return Math.max(1, maxRequests / Math.max(1, sharers.getAsInt()));
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
    final int allowed = allowed();
    if (times.size() >= allowed) {
      slot = Math.max(slot, times.get(times.size() - allowed) + windowMs);
    }
    times.add(slot);
    return slot - nowMs;
  }
}
