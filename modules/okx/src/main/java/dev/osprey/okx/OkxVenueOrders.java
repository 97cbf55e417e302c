package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** OKX's record of an order (REST order + fills) as the {@link VenueOrder} reconciliation reads. */
final class OkxVenueOrders {
  private OkxVenueOrders() {}

  /**
   * @param known the request as the connector sent it, or null after a restart (then rebuilt from
   *     what OKX says)
   */
  static VenueOrder of(
      final String connector,
      final OkxMessages.OrderData d,
      final List<OkxMessages.FillData> fills,
      final OrderRequest known,
      final Instant now) {
    final Instant updated = OkxTime.millis(d.uTime(), now);
    final List<Fill> out = new ArrayList<>();
    // OKX lists fills newest first; executors expect them in the order they happened.
    for (int i = fills.size() - 1; i >= 0; i--) {
      OkxFills.of(fills.get(i), updated).ifPresent(out::add);
    }
    final OrderRequest request = known != null ? known : rebuild(connector, d);
    return new VenueOrder(request, d.ordId(), state(d.state()), out, null, updated);
  }

  static VenueOrder.State state(final String okxState) {
    switch (okxState == null ? "" : okxState) {
      case "filled":
        return VenueOrder.State.FILLED;
      case "canceled":
      case "mmp_canceled":
        return VenueOrder.State.CANCELLED;
      default:
        return VenueOrder.State.OPEN;
    }
  }

  private static OrderRequest rebuild(final String connector, final OkxMessages.OrderData d) {
    final OrderType type;
    switch (d.ordType() == null ? "" : d.ordType()) {
      case "market":
        type = OrderType.MARKET;
        break;
      case "post_only":
        type = OrderType.LIMIT_MAKER;
        break;
      default:
        type = OrderType.LIMIT;
    }
    final BigDecimal px = OkxJson.decimal(d.px());
    return new OrderRequest(
        ClientOrderId.of(d.clOrdId()),
        connector,
        OkxMarkets.pair(d.instId())
            .orElseThrow(() -> new OkxException("", "not a spot instrument: " + d.instId())),
        "sell".equals(d.side()) ? Side.SELL : Side.BUY,
        type,
        new Quantity(OkxJson.decimalOrZero(d.sz())),
        type == OrderType.MARKET || px == null ? null : new Price(px),
        PositionAction.NIL);
  }
}
