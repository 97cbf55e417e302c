package dev.osprey.binance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Binance's spot rate limits, kept before sending so that Binance never has to refuse (and never
 * bans the IP): request weight per minute, and new orders per 10 s and per day. Binance counts in
 * fixed intervals (a minute, 10 s, a day, from the epoch), so this does too. The figures come from
 * {@code exchangeInfo}'s {@code rateLimits} when it lists them; {@link #spotDefaults} are Binance's
 * documented spot figures. Time is passed in; thread-safe.
 *
 * <p>Binance counts orders per account and request weight per IP. The nodes of a cluster trade
 * one account from their own addresses, so each keeps to its share of the order limits ({@code
 * limit / sharers}, at least 1) and to the whole weight limit.
 */
final class BinanceLimits {
  /** One of Binance's limits: at most {@code limit} per {@code intervalMs}, fixed windows. */
  final class Limit {
    final String type;
    final String label;
    final long intervalMs;
    final int limit;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    Limit(final String type, final String label, final long intervalMs, final int limit) {
      this.type = type;
      this.label = label;
      this.intervalMs = intervalMs;
      this.limit = limit;
    }

    /** This node's part of the limit now: orders count per account, weight per IP. */
    int share() {
      final int sharing = "ORDERS".equals(type) ? Math.max(1, sharers.getAsInt()) : 1;
      return Math.max(1, limit / sharing);
    }

    /** Ms until {@code amount} more fit ({@code 0}: now), without counting them. */
    long waitFor(final int amount, final long nowMs) {
      roll(nowMs);
      return used + amount <= share() ? 0 : windowStart + intervalMs - nowMs;
    }

    void take(final int amount, final long nowMs) {
      roll(nowMs);
      used += amount;
    }

    private void roll(final long nowMs) {
      final long start = nowMs - Math.floorMod(nowMs, intervalMs);
      if (start != windowStart) {
        windowStart = start;
        used = 0;
      }
    }

    /** {@code ORDERS 50/10SECOND}: how Binance itself names a limit. */
    @Override
    public String toString() {
      return type + " " + limit + "/" + label;
    }
  }

  private final List<Limit> weights = new ArrayList<>();
  private final List<Limit> orders = new ArrayList<>();
  private final IntSupplier sharers;

  /** Limits of a connector that trades its account alone. */
  BinanceLimits() {
    this(() -> 1);
  }

  /** Limits of one of {@code sharers} connectors trading the account (the cluster's nodes). */
  BinanceLimits(final IntSupplier sharers) {
    this.sharers = sharers;
  }

  /** Binance spot: 6000 request weight per minute, 50 orders per 10 s, 160000 orders per day. */
  static BinanceLimits spotDefaults() {
    return spotDefaults(() -> 1);
  }

  /** As {@link #spotDefaults()}, the order limits shared by {@code sharers} connectors. */
  static BinanceLimits spotDefaults(final IntSupplier sharers) {
    final BinanceLimits l = new BinanceLimits(sharers);
    l.add("REQUEST_WEIGHT", "MINUTE", 1, 6000);
    l.add("ORDERS", "SECOND", 10, 50);
    l.add("ORDERS", "DAY", 1, 160_000);
    return l;
  }

  /**
   * Adds a limit as {@code exchangeInfo} lists it ({@code rateLimitType}, {@code interval}, {@code
   * intervalNum}, {@code limit}); types other than weights and orders are ignored.
   */
  synchronized void add(
      final String type, final String interval, final int intervalNum, final int limit) {
    final long unitMs;
    switch (interval.toUpperCase(Locale.ROOT)) {
      case "SECOND":
        unitMs = 1_000;
        break;
      case "MINUTE":
        unitMs = 60_000;
        break;
      case "HOUR":
        unitMs = 3_600_000;
        break;
      case "DAY":
        unitMs = 86_400_000;
        break;
      default:
        return;
    }
    final Limit l = new Limit(type, intervalNum + interval, unitMs * intervalNum, limit);
    if ("REQUEST_WEIGHT".equals(type)) {
      weights.add(l);
    } else if ("ORDERS".equals(type)) {
      orders.add(l);
    }
  }

  /** Forgets every limit (before taking Binance's own list). */
  synchronized void clear() {
    weights.clear();
    orders.clear();
  }

  /**
   * Books a request of {@code weight} (and one new order when {@code order}) now, or says which
   * limit it would break and how long until it would not: the caller waits or refuses.
   */
  synchronized Verdict take(final int weight, final boolean order, final long nowMs) {
    Limit worst = null;
    long wait = 0;
    for (Limit l : weights) {
      final long w = l.waitFor(weight, nowMs);
      if (w > wait) {
        wait = w;
        worst = l;
      }
    }
    if (order) {
      for (Limit l : orders) {
        final long w = l.waitFor(1, nowMs);
        if (w > wait) {
          wait = w;
          worst = l;
        }
      }
    }
    if (worst != null) {
      return new Verdict(wait, worst.toString());
    }
    weights.forEach(l -> l.take(weight, nowMs));
    if (order) {
      orders.forEach(l -> l.take(1, nowMs));
    }
    return Verdict.NOW;
  }

  /** Sent now ({@code waitMs == 0}), or the wait until {@code limit} allows it. */
  record Verdict(long waitMs, String limit) {
    static final Verdict NOW = new Verdict(0, "");

    boolean allowed() {
      return waitMs == 0;
    }
  }
}
