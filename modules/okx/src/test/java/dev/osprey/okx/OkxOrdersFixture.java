package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;

/** OKX messages and requests for the pure tests, built the way OKX and executors shape them. */
final class OkxOrdersFixture {
  static final ClientOrderId ID = ClientOrderId.of("abc123");
  static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

  private OkxOrdersFixture() {}

  static OrderRequest limitBuy(final String amount, final String price) {
    return new OrderRequest(
        ID,
        "okx",
        BTC_USDT,
        Side.BUY,
        OrderType.LIMIT,
        Quantity.of(amount),
        Price.of(price),
        PositionAction.NIL);
  }

  /** {@code request} with another client order id. */
  static OrderRequest withId(final OrderRequest request, final ClientOrderId id) {
    return copy(request, id, request.positionAction());
  }

  /** {@code request} with another position action. */
  static OrderRequest withAction(final OrderRequest request, final PositionAction action) {
    return copy(request, request.clientOrderId(), action);
  }

  private static OrderRequest copy(
      final OrderRequest request, final ClientOrderId id, final PositionAction action) {
    return new OrderRequest(
        id,
        request.connectorName(),
        request.tradingPair(),
        request.side(),
        request.orderType(),
        request.amount(),
        request.price(),
        action);
  }

  static OrderRequest marketSell(final String amount) {
    return new OrderRequest(
        ID,
        "okx",
        BTC_USDT,
        Side.SELL,
        OrderType.MARKET,
        Quantity.of(amount),
        null,
        PositionAction.NIL);
  }

  /** An {@code orders} push of order {@code ID} in {@code state}, without a fill. */
  static OkxMessages.OrderData push(final String state, final String accFillSz) {
    return fillPush(state, accFillSz, "", "", "");
  }

  /** An {@code orders} push reporting one taker fill, fee charged 0.1 % in quote. */
  static OkxMessages.OrderData fillPush(
      final String state,
      final String accFillSz,
      final String tradeId,
      final String fillPx,
      final String fillSz) {
    final String fee = fillSz.isEmpty() ? "" : "-0.05";
    return new OkxMessages.OrderData(
        "SPOT",
        "BTC-USDT",
        "900",
        ID.value(),
        "100",
        "1",
        "limit",
        "buy",
        "cash",
        "",
        accFillSz,
        fillPx,
        fillSz,
        tradeId,
        "1700000001000",
        fee,
        fillSz.isEmpty() ? "" : "USDT",
        "T",
        "",
        state,
        "1700000000000",
        "1700000002000");
  }

  /** A filled BTC-USDT-SWAP order's push: {@code contracts} bought in one fill at 100. */
  static OkxMessages.OrderData swapFillPush(final String contracts) {
    return new OkxMessages.OrderData(
        "SWAP", "BTC-USDT-SWAP", "901", ID.value(), "", contracts, "market", "buy", "cross", "",
        contracts, "100", contracts, "t1", "1700000001000", "-0.25", "USDT", "T", "100", "filled",
        "1700000000000", "1700000002000");
  }

  static OkxMessages.FillData restFill(final String tradeId, final String px, final String sz) {
    return new OkxMessages.FillData(
        "BTC-USDT",
        tradeId,
        "900",
        ID.value(),
        px,
        sz,
        "buy",
        "M",
        "-0.05",
        "USDT",
        "1700000001000");
  }
}
