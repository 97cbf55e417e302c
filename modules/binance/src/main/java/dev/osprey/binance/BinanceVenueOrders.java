package dev.osprey.binance;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.exchange.VenueOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.OrderSide;

/**
 * Binance's record of an order (look-up + trades) as the {@link VenueOrder} reconciliation reads.
 */
final class BinanceVenueOrders {
  private BinanceVenueOrders() {}

  /**
   * @param events the order's events as the tracker reported them (its fills, in order)
   * @param known the request as the connector sent it, or null after a restart (then rebuilt from
   *     what Binance says)
   */
  static VenueOrder of(
      final String connector,
      final BinanceMarkets markets,
      final BinanceOrder o,
      final List<OrderEvent> events,
      final OrderRequest known,
      final Instant now) {
    final List<Fill> fills = new ArrayList<>();
    for (OrderEvent e : events) {
      if (e instanceof OrderEvent.Filled f) {
        fills.add(f.fill());
      }
    }
    final VenueOrder.State state;
    switch (BinanceOrderTracker.state(o.status == null ? "" : o.status.name())) {
      case FILLED:
        state = VenueOrder.State.FILLED;
        break;
      case CANCELLED:
        state = VenueOrder.State.CANCELLED;
        break;
      case REJECTED:
        state = VenueOrder.State.REJECTED;
        break;
      default:
        state = VenueOrder.State.OPEN;
    }
    final OrderRequest request = known != null ? known : rebuild(connector, markets, o);
    return new VenueOrder(
        request,
        Long.toString(o.orderId),
        state,
        fills,
        state == VenueOrder.State.REJECTED ? "rejected by Binance" : null,
        o.time > 0 ? Instant.ofEpochMilli(o.time) : now);
  }

  private static OrderRequest rebuild(
      final String connector, final BinanceMarkets markets, final BinanceOrder o) {
    final OrderType type;
    switch (o.type == null ? "" : o.type.name()) {
      case "MARKET":
        type = OrderType.MARKET;
        break;
      case "LIMIT_MAKER":
        type = OrderType.LIMIT_MAKER;
        break;
      default:
        type = OrderType.LIMIT;
    }
    return new OrderRequest(
        ClientOrderId.of(o.clientOrderId),
        connector,
        markets
            .pair(o.symbol)
            .orElseThrow(() -> new IllegalStateException("Binance lists no symbol " + o.symbol)),
        o.side == OrderSide.SELL ? Side.SELL : Side.BUY,
        type,
        new Quantity(o.origQty),
        type == OrderType.MARKET || o.price == null || o.price.signum() == 0
            ? null
            : new Price(o.price),
        PositionAction.NIL);
  }
}
