package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of a TWAP executor read from its orders. Each order carries its slot in its ledger role
 * ({@code slot_<i>}), so the plan is never rebuilt: a slot whose last order was refused or
 * cancelled unfilled is simply open again, and every other slot keeps its order. A slot is
 * <em>occupied</em> while its last order is live or filled, <em>open</em> otherwise.
 */
final class TwapSlots {
  private static final String PREFIX = "slot_";

  private final TwapExecutorConfig config;
  private final OrderLedger ledger;
  private final Map<Integer, TrackedOrder> last = new HashMap<>();
  private int highestSubmitted = -1;

  TwapSlots(final TwapExecutorConfig config, final OrderLedger ledger) {
    this.config = config;
    this.ledger = ledger;
    for (var e : ledger.entries()) {
      final int slot = slotOf(e.role());
      last.put(slot, e.order());
      highestSubmitted = Math.max(highestSubmitted, slot);
    }
  }

  static String role(final int slot) {
    return PREFIX + slot;
  }

  static int slotOf(final String role) {
    return Integer.parseInt(role.substring(PREFIX.length()));
  }

  int size() {
    return config.numberOfOrders();
  }

  boolean filled(final int slot) {
    final TrackedOrder o = last.get(slot);
    return o != null && o.status() == OrderStatus.FILLED;
  }

  boolean occupied(final int slot) {
    final TrackedOrder o = last.get(slot);
    return o != null && (o.isLive() || o.status() == OrderStatus.FILLED);
  }

  int filledCount() {
    int n = 0;
    for (TrackedOrder o : last.values()) {
      if (o.status() == OrderStatus.FILLED) {
        n++;
      }
    }
    return n;
  }

  int liveCount() {
    int n = 0;
    for (TrackedOrder o : last.values()) {
      if (o.isLive()) {
        n++;
      }
    }
    return n;
  }

  boolean allFilled() {
    return filledCount() == size();
  }

  /** Slots still needing an order, due or not: the reference's {@code number_of_orders_left}. */
  int remaining() {
    return size() - filledCount() - liveCount();
  }

  /** Open slots whose time has come, in slot order. */
  List<Integer> openDue(final Instant now) {
    final List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size() && !config.slotTime(i).isAfter(now); i++) {
      if (!occupied(i)) {
        out.add(i);
      }
    }
    return out;
  }

  boolean allDue(final Instant now) {
    return !config.slotTime(size() - 1).isAfter(now);
  }

  /** True when some slot's last order was refused and waits to be placed again. */
  boolean refusedPending() {
    for (TrackedOrder o : last.values()) {
      if (o.status() == OrderStatus.FAILED) {
        return true;
      }
    }
    return false;
  }

  /** When the first slot after every slot ever ordered is due; empty once the last was ordered. */
  Optional<Instant> nextSlotTime() {
    final int next = highestSubmitted + 1;
    return next < size() ? Optional.of(config.slotTime(next)) : Optional.empty();
  }

  Quantity executedBase() {
    return Quantity.sum(ledger.all(), TrackedOrder::executedBase);
  }

  QuoteAmount executedQuote() {
    return QuoteAmount.sum(ledger.all(), TrackedOrder::executedQuote);
  }

  QuoteAmount fees() {
    return QuoteAmount.sum(ledger.all(), TrackedOrder::feesQuote);
  }

  /** Volume-weighted price of every fill; empty before the first one. */
  Optional<Price> averagePrice() {
    final Quantity base = executedBase();
    return base.isZero()
        ? Optional.empty()
        : Optional.of(new Price(Decimals.div(executedQuote().value(), base.value())));
  }

  /**
   * Quote still committed by live orders: what each has left to fill, at its limit price (MARKET
   * orders at {@code mid}). The reference counts the whole order amount, filled part included,
   * which would reserve the filled part twice.
   */
  QuoteAmount openNotional(final Price mid) {
    QuoteAmount sum = QuoteAmount.ZERO;
    for (TrackedOrder o : ledger.all()) {
      if (o.isLive()) {
        final Price p = o.request().price() != null ? o.request().price() : mid;
        sum = sum.plus(p.times(o.remaining()));
      }
    }
    return sum;
  }
}
