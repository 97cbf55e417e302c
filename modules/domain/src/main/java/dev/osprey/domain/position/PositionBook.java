package dev.osprey.domain.position;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The positions one controller holds after its executors handed their inventory over
 * ({@code POSITION_HOLD}). Each held order is netted into its bucket ({@link PositionKey}) once:
 * the book remembers every client order id it applied, so replaying a hand-over (after a crash,
 * or the same executor reported twice) changes nothing.
 *
 * <p>Immutable; buckets keep the order in which they were opened.
 */
public final class PositionBook {
  private final String controllerId;
  private final Map<PositionKey, PositionHold> holds;
  private final Set<ClientOrderId> applied;

  private PositionBook(
      final String controllerId,
      final Map<PositionKey, PositionHold> holds,
      final Set<ClientOrderId> applied) {
    this.controllerId = controllerId;
    this.holds = holds;
    this.applied = applied;
  }

  public static PositionBook empty(final String controllerId) {
    return new PositionBook(
        Objects.requireNonNull(controllerId, "controller_id"), new LinkedHashMap<>(), Set.of());
  }

  public String controllerId() {
    return controllerId;
  }

  /** {@link #apply(String, List, PositionMode)} for spot and one-way perpetual markets. */
  public PositionBook apply(final String executorId, final List<HeldOrder> orders) {
    return apply(executorId, orders, PositionMode.ONE_WAY);
  }

  /**
   * This book with the orders {@code executorId} handed over netted in, in list order. Orders whose
   * client order id was applied before are skipped.
   *
   * @param executorId the executor that held the orders (listed on the holds it touches)
   * @param orders its held orders
   * @param mode how the orders' markets net positions
   */
  public PositionBook apply(
      final String executorId, final List<HeldOrder> orders, final PositionMode mode) {
    final Map<PositionKey, PositionHold> next = new LinkedHashMap<>(holds);
    final Set<ClientOrderId> seen = new HashSet<>(applied);
    boolean changed = false;
    for (HeldOrder o : orders) {
      if (!seen.add(o.clientOrderId())) {
        continue;
      }
      changed = true;
      final PositionKey key = PositionKey.of(o, mode);
      next.put(key, next.getOrDefault(key, PositionHold.empty(key)).add(executorId, o));
    }
    return changed ? new PositionBook(controllerId, next, Set.copyOf(seen)) : this;
  }

  /** True when {@code id} was netted into this book. */
  public boolean isApplied(final ClientOrderId id) {
    return applied.contains(id);
  }

  public Optional<PositionHold> get(final PositionKey key) {
    return Optional.ofNullable(holds.get(key));
  }

  /** The one-way bucket of {@code pair} on {@code connector}. */
  public Optional<PositionHold> get(final String connector, final TradingPair pair) {
    return get(PositionKey.oneWay(connector, pair));
  }

  /** Every bucket, flat ones included, in the order they were opened. */
  public List<PositionHold> positions() {
    return List.copyOf(holds.values());
  }

  /** The buckets of {@code pair} on {@code connector} (one-way and both hedge sides). */
  public List<PositionHold> positions(final String connector, final TradingPair pair) {
    final List<PositionHold> out = new ArrayList<>();
    for (PositionHold h : holds.values()) {
      if (h.key().connectorName().equals(connector) && h.key().tradingPair().equals(pair)) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * This book without the buckets of {@code pair} on {@code connector} (the API's clear position).
   * Their order ids stay applied, so a replayed hand-over cannot bring them back.
   */
  public PositionBook clear(final String connector, final TradingPair pair) {
    final Map<PositionKey, PositionHold> next = new LinkedHashMap<>(holds);
    next.keySet()
        .removeIf(k -> k.connectorName().equals(connector) && k.tradingPair().equals(pair));
    return next.size() == holds.size() ? this : new PositionBook(controllerId, next, applied);
  }

  /** Realized P&amp;L over all buckets, fees excluded. */
  public QuoteAmount realizedPnl() {
    QuoteAmount sum = QuoteAmount.ZERO;
    for (PositionHold h : holds.values()) {
      sum = sum.plus(h.realizedPnlQuote());
    }
    return sum;
  }

  /** Fees paid by the orders of all buckets. */
  public QuoteAmount cumFees() {
    QuoteAmount sum = QuoteAmount.ZERO;
    for (PositionHold h : holds.values()) {
      sum = sum.plus(h.cumFeesQuote());
    }
    return sum;
  }
}
