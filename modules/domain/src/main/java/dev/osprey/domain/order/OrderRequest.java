package dev.osprey.domain.order;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.util.Objects;

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
    Objects.requireNonNull(clientOrderId, "client_order_id");
    Objects.requireNonNull(connectorName, "connector_name");
    Objects.requireNonNull(tradingPair, "trading_pair");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(orderType, "order_type");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(positionAction, "position_action");
    if (orderType.isLimit() && price == null) {
      throw new IllegalArgumentException(orderType + " order needs a price");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("order amount must be positive");
    }
  }
}
