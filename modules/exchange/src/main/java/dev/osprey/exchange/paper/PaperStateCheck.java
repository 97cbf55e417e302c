package dev.osprey.exchange.paper;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Refuses a {@link PaperState} a venue could not continue from exactly: one saved under another
 * name, with an open order on an unlisted market, with counters that would hand out an id again,
 * or whose locked funds differ from what its open orders reserve. Such a state comes from a
 * hand-edited or mixed-up file; trading on it would quietly break balances or id uniqueness, so
 * the restore fails loudly instead.
 */
final class PaperStateCheck {
  private PaperStateCheck() {}

  /**
   * @throws IllegalArgumentException naming the first inconsistency found
   */
  static void check(final String venue, final PaperState state) {
    if (!venue.equals(state.venue())) {
      throw new IllegalArgumentException(
          "state of venue '" + state.venue() + "' cannot restore venue '" + venue + "'");
    }
    final Set<TradingPair> listed = new HashSet<>();
    for (PaperState.Market m : state.markets()) {
      if (!listed.add(m.pair())) {
        throw new IllegalArgumentException("market " + m.pair() + " is listed twice");
      }
    }
    checkOrders(venue, state, listed);
    checkLocks(state);
  }

  private static void checkOrders(
      final String venue, final PaperState state, final Set<TradingPair> listed) {
    final Set<ClientOrderId> ids = new HashSet<>();
    final Set<Long> arrivals = new HashSet<>();
    final Set<String> trades = new HashSet<>();
    final PaperState.Counters counters = state.counters();
    for (PaperState.Order o : state.orders()) {
      final ClientOrderId id = o.request().clientOrderId();
      if (!ids.add(id)) {
        throw new IllegalArgumentException("order " + id + " appears twice");
      }
      if (!arrivals.add(o.sequence()) || o.sequence() <= 0 || o.sequence() > counters.arrivals()) {
        throw new IllegalArgumentException(
            "order " + id + " has arrival " + o.sequence() + ": arrivals must be distinct, in 1.."
                + counters.arrivals());
      }
      if (!o.state().isDone() && !listed.contains(o.request().tradingPair())) {
        throw new IllegalArgumentException(
            "open order " + id + " trades " + o.request().tradingPair() + ", which is not listed");
      }
      checkNumber(venue + "-O", o.exchangeOrderId(), counters.orders(), "orders");
      for (Fill f : o.fills()) {
        if (!trades.add(f.tradeId())) {
          throw new IllegalArgumentException("trade " + f.tradeId() + " appears twice");
        }
        checkNumber(venue + "-T", f.tradeId(), counters.trades(), "trades");
      }
    }
  }

  /** An id of this venue ({@code <prefix><n>}) must not be above the counter that made it. */
  private static void checkNumber(
      final String prefix, final String id, final long counter, final String name) {
    if (id == null || !id.startsWith(prefix)) {
      return;
    }
    final long n;
    try {
      n = Long.parseLong(id.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return;
    }
    if (n > counter) {
      throw new IllegalArgumentException(
          "id " + id + " is above the " + name + " counter " + counter
              + ": the venue would give it out again");
    }
  }

  private static void checkLocks(final PaperState state) {
    final Map<String, BigDecimal> reserved = new TreeMap<>();
    for (PaperState.Order o : state.orders()) {
      if (!o.state().isDone()) {
        final TradingPair pair = o.request().tradingPair();
        final String asset = o.request().side() == Side.BUY ? pair.quote() : pair.base();
        reserved.merge(asset, o.reserved(), BigDecimal::add);
      }
    }
    final Set<String> assets = new HashSet<>(reserved.keySet());
    assets.addAll(state.balances().locked().keySet());
    for (String asset : assets) {
      final BigDecimal held = reserved.getOrDefault(asset, BigDecimal.ZERO);
      final BigDecimal locked = state.balances().locked().getOrDefault(asset, BigDecimal.ZERO);
      if (held.compareTo(locked) != 0) {
        throw new IllegalArgumentException(
            "locked " + asset + " is " + locked.toPlainString() + " but open orders reserve "
                + held.toPlainString());
      }
    }
  }
}
