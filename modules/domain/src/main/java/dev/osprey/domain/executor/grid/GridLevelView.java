package dev.osprey.domain.executor.grid;

import dev.osprey.domain.order.ClientOrderId;
import java.util.List;

/** A level as it stands: its layout, its state, and the orders of its current cycle. */
public record GridLevelView(
    GridLevel level,
    GridLevelState state,
    ClientOrderId openOrder,
    List<ClientOrderId> takeProfitOrders) {

  public GridLevelView {
    takeProfitOrders = List.copyOf(takeProfitOrders);
  }
}
