package dev.osprey.testkit.okx;

import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One order inside the simulated venue, with its fills; guarded by the venue's lock. */
final class SimOrder {
  /** One trade of this order, fee signed as OKX reports it (negative = charged). */
  record Trade(
      String tradeId,
      BigDecimal px,
      BigDecimal sz,
      BigDecimal fee,
      String feeCcy,
      boolean maker,
      long ts) {}

  /**
   * What the {@code order} op asked for; {@code px} is null for a market order. A swap order has
   * its instrument's {@code ctVal} (null for spot) and is sized in contracts.
   */
  record Request(
      String clOrdId,
      String instId,
      String side,
      String ordType,
      BigDecimal px,
      BigDecimal sz,
      String tdMode,
      BigDecimal ctVal,
      String posSide,
      boolean reduceOnly) {}

  final String ordId;
  final Request request;
  final long cTime;
  final long arrival;
  String state = "live";
  long uTime;
  final List<Trade> trades = new ArrayList<>();

  SimOrder(final String ordId, final Request request, final long now, final long arrival) {
    this.ordId = ordId;
    this.request = request;
    this.cTime = now;
    this.uTime = now;
    this.arrival = arrival;
  }

  boolean isBuy() {
    return "buy".equals(request.side());
  }

  boolean isOpen() {
    return "live".equals(state) || "partially_filled".equals(state);
  }

  BigDecimal filled() {
    return Decimals.sum(trades, Trade::sz);
  }

  BigDecimal remaining() {
    return request.sz().subtract(filled());
  }

  boolean isSwap() {
    return request.ctVal() != null;
  }

  String instType() {
    return isSwap() ? "SWAP" : "SPOT";
  }

  String base() {
    return request.instId().substring(0, request.instId().indexOf('-'));
  }

  String quote() {
    return request.instId().split("-")[1];
  }

  /** The order as OKX shows it, in a push or a REST answer; {@code last} fills the fill fields. */
  Map<String, String> view(final Trade last) {
    final Map<String, String> m = new LinkedHashMap<>();
    m.put("instType", instType());
    m.put("instId", request.instId());
    m.put("ordId", ordId);
    m.put("clOrdId", request.clOrdId());
    m.put("tag", "");
    m.put("px", request.px() == null ? "" : request.px().toPlainString());
    m.put("sz", request.sz().toPlainString());
    m.put("ordType", request.ordType());
    m.put("side", request.side());
    m.put("tdMode", request.tdMode());
    m.put("tgtCcy", !isSwap() && "market".equals(request.ordType()) ? "base_ccy" : "");
    m.put("posSide", request.posSide() == null ? (isSwap() ? "net" : "") : request.posSide());
    m.put("reduceOnly", Boolean.toString(request.reduceOnly()));
    m.put("accFillSz", filled().toPlainString());
    m.put("avgPx", avgPx());
    m.put("fillPx", last == null ? "" : last.px().toPlainString());
    m.put("fillSz", last == null ? "" : last.sz().toPlainString());
    m.put("tradeId", last == null ? "" : last.tradeId());
    m.put("fillTime", last == null ? "" : Long.toString(last.ts()));
    m.put("fillFee", last == null ? "" : last.fee().toPlainString());
    m.put("fillFeeCcy", last == null ? "" : last.feeCcy());
    m.put("execType", last == null ? "" : last.maker() ? "M" : "T");
    m.put("fee", totalFee().toPlainString());
    m.put("state", state);
    m.put("cTime", Long.toString(cTime));
    m.put("uTime", Long.toString(uTime));
    m.put("code", "0");
    m.put("msg", "");
    return m;
  }

  /** A trade as {@code GET /api/v5/trade/fills} shows it. */
  Map<String, String> fillView(final Trade t) {
    final Map<String, String> m = new LinkedHashMap<>();
    m.put("instType", instType());
    m.put("instId", request.instId());
    m.put("tradeId", t.tradeId());
    m.put("ordId", ordId);
    m.put("clOrdId", request.clOrdId());
    m.put("fillPx", t.px().toPlainString());
    m.put("fillSz", t.sz().toPlainString());
    m.put("side", request.side());
    m.put("execType", t.maker() ? "M" : "T");
    m.put("fee", t.fee().toPlainString());
    m.put("feeCcy", t.feeCcy());
    m.put("ts", Long.toString(t.ts()));
    return m;
  }

  private String avgPx() {
    final BigDecimal filled = filled();
    if (filled.signum() == 0) {
      return "";
    }
    final BigDecimal notional = Decimals.sum(trades, t -> t.px().multiply(t.sz()));
    return notional.divide(filled, 12, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private BigDecimal totalFee() {
    return Decimals.sum(trades, Trade::fee);
  }
}
