package dev.osprey.domain.executor;

import dev.osprey.domain.Require;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;

/**
 * A filled (or partly filled) order whose inventory an executor hands over to its controller's
 * position book instead of closing it. The book applies each {@code clientOrderId} once.
 */
public record HeldOrder(
    ClientOrderId clientOrderId,
    String connectorName,
    TradingPair tradingPair,
    Side tradeType,
    OrderType orderType,
    PositionAction position,
    Price price,
    Quantity amount,
    Quantity executedAmountBase,
    QuoteAmount executedAmountQuote,
    QuoteAmount cumulativeFeePaidQuote,
    Instant lastUpdate) {

  public HeldOrder {
    Require.nonNull("client_order_id", clientOrderId, "trade_type", tradeType);
  }

  /** The held part of {@code order}: what it executed, with the fees it paid. */
  public static HeldOrder of(final TrackedOrder order, final Instant at) {
    final var r = order.request();
    return new HeldOrder(
        r.clientOrderId(),
        r.connectorName(),
        r.tradingPair(),
        r.side(),
        r.orderType(),
        r.positionAction(),
        order.averagePrice().orElse(r.price()),
        r.amount(),
        order.executedBase(),
        order.executedQuote(),
        order.feesQuote(),
        at);
  }
}
