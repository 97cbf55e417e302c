package dev.osprey.exchange.paper;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Balances of the paper account per asset: a total and the part of it locked by resting orders.
 * Available = total − locked. Not thread-safe: {@link PaperExchange} guards it with its lock.
 *
 * <p>Assets are kept sorted by name so that every view of the wallet lists them in the same order.
 */
final class Wallet {
  private final Map<String, BigDecimal> total = new TreeMap<>();
  private final Map<String, BigDecimal> locked = new TreeMap<>();

  BigDecimal available(final String asset) {
    return total(asset).subtract(locked(asset));
  }

  BigDecimal total(final String asset) {
    return total.getOrDefault(asset, BigDecimal.ZERO);
  }

  BigDecimal locked(final String asset) {
    return locked.getOrDefault(asset, BigDecimal.ZERO);
  }

  /** Makes {@code available} the free amount of {@code asset}; locked funds stay locked. */
  void setAvailable(final String asset, final BigDecimal available) {
    if (available.signum() < 0) {
      throw new IllegalArgumentException(
          "balance of " + asset + " must not be negative: " + available.toPlainString());
    }
    total.put(asset, available.add(locked(asset)));
  }

  /** Adds {@code delta} (may be negative) to the total of {@code asset}. */
  void add(final String asset, final BigDecimal delta) {
    total.put(asset, total(asset).add(delta));
  }

  void lock(final String asset, final BigDecimal amount) {
    locked.put(asset, locked(asset).add(amount));
  }

  void unlock(final String asset, final BigDecimal amount) {
    locked.put(asset, locked(asset).subtract(amount));
  }

  /** Replaces every balance with the saved ones, exactly as saved. */
  void restore(final PaperState.Balances saved) {
    total.clear();
    locked.clear();
    total.putAll(saved.total());
    locked.putAll(saved.locked());
  }

  /** Total and locked funds as they are held, zero locks included, for a snapshot. */
  PaperState.Balances toState() {
    return new PaperState.Balances(total, locked);
  }

  Map<String, BigDecimal> availableByAsset() {
    final Map<String, BigDecimal> out = new TreeMap<>();
    for (String asset : total.keySet()) {
      out.put(asset, available(asset));
    }
    return out;
  }

  Map<String, BigDecimal> totalByAsset() {
    return new TreeMap<>(total);
  }

  Map<String, BigDecimal> lockedByAsset() {
    final Map<String, BigDecimal> out = new TreeMap<>();
    for (Map.Entry<String, BigDecimal> e : locked.entrySet()) {
      if (e.getValue().signum() != 0) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
