package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.TrackedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One level and the orders of its current cycle: the open order and every take-profit order
 * placed for it (a cancelled or refused take profit is replaced, and the fills of all of them
 * count). The state is derived from the orders in the ledger, never stored twice.
 *
 * <p>An open order that ended with part of its amount filled (cancelled for leaving the
 * activation bounds, or at shutdown) counts as filled for what it traded: the level takes profit
 * on that part instead of forgetting it, as the reference does.
 */
record GridSlot(GridLevel level, ClientOrderId open, List<ClientOrderId> takeProfits) {

  GridSlot {
    takeProfits = List.copyOf(takeProfits);
  }

  static GridSlot idle(final GridLevel level) {
    return new GridSlot(level, null, List.of());
  }

  GridSlot withOpen(final ClientOrderId id) {
    return new GridSlot(level, id, List.of());
  }

  GridSlot withTakeProfit(final ClientOrderId id) {
    final List<ClientOrderId> next = new ArrayList<>(takeProfits);
    next.add(id);
    return new GridSlot(level, open, next);
  }

  GridSlot reset() {
    return idle(level);
  }

  GridLevelState state(final OrderLedger ledger) {
    final Optional<TrackedOrder> o = openOrder(ledger);
    if (o.isEmpty()) {
      return GridLevelState.NOT_ACTIVE;
    }
    if (o.get().isLive()) {
      return GridLevelState.OPEN_ORDER_PLACED;
    }
    if (o.get().executedBase().isZero()) {
      return GridLevelState.NOT_ACTIVE;
    }
    if (liveTakeProfit(ledger).isPresent()) {
      return GridLevelState.CLOSE_ORDER_PLACED;
    }
    return takeProfitExecuted(ledger).ge(o.get().executedBase())
        ? GridLevelState.COMPLETE
        : GridLevelState.OPEN_ORDER_FILLED;
  }

  /** Holds inventory: its open order is done and traded (OPEN_ORDER_FILLED, CLOSE_ORDER_PLACED). */
  boolean holdsInventory(final OrderLedger ledger) {
    final GridLevelState s = state(ledger);
    return s == GridLevelState.OPEN_ORDER_FILLED || s == GridLevelState.CLOSE_ORDER_PLACED;
  }

  Optional<TrackedOrder> openOrder(final OrderLedger ledger) {
    return open == null ? Optional.empty() : ledger.get(open);
  }

  Optional<TrackedOrder> liveTakeProfit(final OrderLedger ledger) {
    for (TrackedOrder o : takeProfitOrders(ledger)) {
      if (o.isLive()) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  List<TrackedOrder> takeProfitOrders(final OrderLedger ledger) {
    final List<TrackedOrder> out = new ArrayList<>();
    for (ClientOrderId id : takeProfits) {
      ledger.get(id).ifPresent(out::add);
    }
    return out;
  }

  Quantity openExecuted(final OrderLedger ledger) {
    return openOrder(ledger).map(TrackedOrder::executedBase).orElse(Quantity.ZERO);
  }

  Quantity takeProfitExecuted(final OrderLedger ledger) {
    return Quantity.sum(takeProfitOrders(ledger), TrackedOrder::executedBase);
  }

  /** The open order and the take profits of this cycle that traded, in submission order. */
  List<ClientOrderId> tradedOrders(final OrderLedger ledger) {
    final List<ClientOrderId> out = new ArrayList<>();
    openOrder(ledger).filter(o -> o.executedBase().isPositive()).ifPresent(o -> out.add(o.id()));
    for (TrackedOrder o : takeProfitOrders(ledger)) {
      if (o.executedBase().isPositive()) {
        out.add(o.id());
      }
    }
    return out;
  }
}
