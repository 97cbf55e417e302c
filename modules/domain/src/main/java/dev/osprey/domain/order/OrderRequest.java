package dev.osprey.domain.order;

import dev.osprey.domain.Require;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;

/**
 * An order as an executor intends it. {@code price} is null for MARKET orders. The amount is
 * always in base units.
 */
public record OrderRequest(
    ClientOrderId clientOrderId,
    String connectorName,
    TradingPair tradingPair,
    Side side,
    OrderType orderType,
    Quantity amount,
    Price price,
    PositionAction positionAction) {

  public OrderRequest {
    Require.nonNull(
        "client_order_id", clientOrderId, "connector_name", connectorName,
        "trading_pair", tradingPair, "side", side, "order_type", orderType, "amount", amount,
        "position_action", positionAction);
    if (orderType.isLimit() && price == null) {
      throw new IllegalArgumentException(orderType + " order needs a price");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("order amount must be positive");
    }
  }
}
