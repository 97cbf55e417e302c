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
import java.util.function.Function;

/**
 * The positions one controller holds after its executors handed their inventory over
 * ({@code POSITION_HOLD}). Each held order is netted into its bucket ({@link PositionKey}) once:
 * the book remembers every client order id it applied, so replaying a hand-over (after a crash,
 * or the same executor reported twice) changes nothing.
 *
 * <p>Immutable, and a plain record so that it can be snapshotted as it is. {@code holds} are in
 * the order their buckets were opened, {@code appliedOrderIds} in the order they were applied.
 */
public record PositionBook(
    String controllerId, List<PositionHold> holds, List<ClientOrderId> appliedOrderIds) {

  public PositionBook {
    Objects.requireNonNull(controllerId, "controller_id");
    holds = List.copyOf(holds);
    appliedOrderIds = List.copyOf(appliedOrderIds);
  }

  public static PositionBook empty(final String controllerId) {
    return new PositionBook(controllerId, List.of(), List.of());
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
    return apply(executorId, orders, connector -> mode);
  }

  /**
   * As {@link #apply(String, List, PositionMode)}, each order netted by the mode of its own
   * connector (an XEMM or arbitrage executor hands over orders of two venues).
   *
   * @param modeOfConnector how the market of each {@code connector_name} nets positions
   */
  public PositionBook apply(
      final String executorId, final List<HeldOrder> orders,
      final Function<String, PositionMode> modeOfConnector) {
    final Map<PositionKey, PositionHold> next = byKey();
    final Set<ClientOrderId> seen = new HashSet<>(appliedOrderIds);
    final List<ClientOrderId> applied = new ArrayList<>(appliedOrderIds);
    for (HeldOrder o : orders) {
      if (!seen.add(o.clientOrderId())) {
        continue;
      }
      applied.add(o.clientOrderId());
      final PositionKey key = PositionKey.of(o, modeOfConnector.apply(o.connectorName()));
      next.put(key, next.getOrDefault(key, PositionHold.empty(key)).add(executorId, o));
    }
    return applied.size() == appliedOrderIds.size()
        ? this
        : new PositionBook(controllerId, List.copyOf(next.values()), applied);
  }

  /** True when {@code id} was netted into this book. */
  public boolean isApplied(final ClientOrderId id) {
    return appliedOrderIds.contains(id);
  }

  public Optional<PositionHold> get(final PositionKey key) {
    for (PositionHold h : holds) {
      if (h.key().equals(key)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** The one-way bucket of {@code pair} on {@code connector}. */
  public Optional<PositionHold> get(final String connector, final TradingPair pair) {
    return get(PositionKey.oneWay(connector, pair));
  }

  /** The buckets of {@code pair} on {@code connector} (one-way and both hedge sides). */
  public List<PositionHold> positions(final String connector, final TradingPair pair) {
    final List<PositionHold> out = new ArrayList<>();
    for (PositionHold h : holds) {
      if (isOf(h.key(), connector, pair)) {
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
    final List<PositionHold> kept = new ArrayList<>();
    for (PositionHold h : holds) {
      if (!isOf(h.key(), connector, pair)) {
        kept.add(h);
      }
    }
    return kept.size() == holds.size()
        ? this
        : new PositionBook(controllerId, kept, appliedOrderIds);
  }

  /** Realized P&amp;L over all buckets, fees excluded. */
  public QuoteAmount realizedPnl() {
    return QuoteAmount.sum(holds, PositionHold::realizedPnlQuote);
  }

  /** Fees paid by the orders of all buckets. */
  public QuoteAmount cumFees() {
    return QuoteAmount.sum(holds, PositionHold::cumFeesQuote);
  }

  private Map<PositionKey, PositionHold> byKey() {
    final Map<PositionKey, PositionHold> m = new LinkedHashMap<>();
    for (PositionHold h : holds) {
      m.put(h.key(), h);
    }
    return m;
  }

  private static boolean isOf(final PositionKey k, final String connector, final TradingPair pair) {
    return k.connectorName().equals(connector) && k.tradingPair().equals(pair);
  }
}
