package dev.osprey.testkit.binance;

import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One order inside the simulated Binance, with its trades; guarded by the venue's lock. */
final class SimBinanceOrder {
  /** One trade of this order; {@code commission} in {@code commissionAsset}, as Binance reports. */
  record Trade(
      long id,
      BigDecimal price,
      BigDecimal qty,
      BigDecimal commission,
      String commissionAsset,
      boolean maker,
      long time) {}

  /** What the new-order request asked for; {@code price} is null for a market order. */
  record Request(
      String symbol,
      String clientOrderId,
      String side,
      String type,
      BigDecimal price,
      BigDecimal origQty) {}

  final long orderId;
  final Request request;
  final long time;
  String status = "NEW";
  long updateTime;
  final List<Trade> trades = new ArrayList<>();

  SimBinanceOrder(final long orderId, final Request request, final long time) {
    this.orderId = orderId;
    this.request = request;
    this.time = time;
    this.updateTime = time;
  }

  boolean isBuy() {
    return "BUY".equals(request.side());
  }

  boolean isOpen() {
    return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
  }

  BigDecimal executedQty() {
    return Decimals.sum(trades, Trade::qty);
  }

  BigDecimal quoteQty() {
    return Decimals.sum(trades, t -> t.qty().multiply(t.price()));
  }

  BigDecimal remaining() {
    return request.origQty().subtract(executedQty());
  }

  /** The limit price as Binance writes it, zeros for a market order. */
  private String priceText() {
    return request.price() == null ? "0.00000000" : request.price().toPlainString();
  }

  /** The order as {@code GET /api/v3/order} shows it. */
  Map<String, Object> view() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", request.symbol());
    m.put("orderId", orderId);
    m.put("orderListId", -1);
    m.put("clientOrderId", request.clientOrderId());
    m.put("price", priceText());
    m.put("origQty", request.origQty().toPlainString());
    m.put("executedQty", executedQty().toPlainString());
    m.put("cummulativeQuoteQty", quoteQty().toPlainString());
    m.put("status", status);
    m.put("timeInForce", "LIMIT".equals(request.type()) ? "GTC" : "GTC");
    m.put("type", request.type());
    m.put("side", request.side());
    m.put("stopPrice", "0.00000000");
    m.put("icebergQty", "0.00000000");
    m.put("time", time);
    m.put("updateTime", updateTime);
    m.put("isWorking", true);
    return m;
  }

  /** The FULL answer to the new order: the order and its fills so far. */
  Map<String, Object> fullAnswer() {
    final Map<String, Object> m = view();
    m.put("transactTime", time);
    final List<Map<String, Object>> fills = new ArrayList<>();
    for (Trade t : trades) {
      final Map<String, Object> f = new LinkedHashMap<>();
      f.put("price", t.price().toPlainString());
      f.put("qty", t.qty().toPlainString());
      f.put("commission", t.commission().toPlainString());
      f.put("commissionAsset", t.commissionAsset());
      f.put("tradeId", t.id());
      fills.add(f);
    }
    m.put("fills", fills);
    return m;
  }

  /** A trade as {@code GET /api/v3/myTrades} shows it. */
  Map<String, Object> tradeView(final Trade t) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", request.symbol());
    m.put("id", t.id());
    m.put("orderId", orderId);
    m.put("orderListId", -1);
    m.put("price", t.price().toPlainString());
    m.put("qty", t.qty().toPlainString());
    m.put("quoteQty", t.qty().multiply(t.price()).toPlainString());
    m.put("commission", t.commission().toPlainString());
    m.put("commissionAsset", t.commissionAsset());
    m.put("time", t.time());
    m.put("isBuyer", isBuy());
    m.put("isMaker", t.maker());
    m.put("isBestMatch", true);
    return m;
  }

  /**
   * An {@code executionReport} of this order: {@code exec} is Binance's execution type ({@code
   * NEW}, {@code TRADE}, {@code CANCELED}); {@code last} the trade a TRADE report carries.
   */
  Map<String, Object> report(
      final String exec, final Trade last, final String cancelId, final long now) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("e", "executionReport");
    m.put("E", now);
    m.put("s", request.symbol());
    m.put("c", cancelId != null ? cancelId : request.clientOrderId());
    m.put("S", request.side());
    m.put("o", request.type());
    m.put("f", "GTC");
    m.put("q", request.origQty().toPlainString());
    m.put("p", priceText());
    m.put("x", exec);
    m.put("X", status);
    m.put("r", "NONE");
    m.put("i", orderId);
    m.put("l", last == null ? "0" : last.qty().toPlainString());
    m.put("z", executedQty().toPlainString());
    m.put("L", last == null ? "0" : last.price().toPlainString());
    m.put("n", last == null ? "0" : last.commission().toPlainString());
    m.put("N", last == null ? null : last.commissionAsset());
    m.put("T", last == null ? now : last.time());
    m.put("t", last == null ? -1 : last.id());
    m.put("m", last != null && last.maker());
    m.put("O", time);
    m.put("C", cancelId != null ? request.clientOrderId() : "");
    return m;
  }
}
