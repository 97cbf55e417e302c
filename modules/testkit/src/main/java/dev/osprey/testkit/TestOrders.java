package dev.osprey.testkit;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;

/** Spot order requests as executors build them, for connector tests. */
public final class TestOrders {
  private TestOrders() {}

  public static OrderRequest market(
      final String connector,
      final TradingPair pair,
      final ClientOrderId id,
      final Side side,
      final String amount) {
    return new OrderRequest(
        id, connector, pair, side, OrderType.MARKET, Quantity.of(amount), null, PositionAction.NIL);
  }

  public static OrderRequest limit(
      final String connector,
      final TradingPair pair,
      final ClientOrderId id,
      final Side side,
      final String amount,
      final String price) {
    return new OrderRequest(
        id,
        connector,
        pair,
        side,
        OrderType.LIMIT,
        Quantity.of(amount),
        Price.of(price),
        PositionAction.NIL);
  }
}
