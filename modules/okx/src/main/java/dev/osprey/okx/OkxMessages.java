package dev.osprey.okx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The OKX v5 message shapes the connector reads and writes, as OKX documents them. Field names are
 * OKX's own; every number is a string ({@code ""} when absent).
 */
final class OkxMessages {
  private OkxMessages() {}

  /** A WebSocket request: {@code login}, {@code subscribe}, {@code order}, {@code cancel-order}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WsRequest(String id, String op, List<? extends Map<String, ?>> args) {}

  /**
   * A trade as OKX reports it, in an {@code orders} push (its latest fill) or a row of {@code GET
   * /api/v5/trade/fills}; {@code fillFee} is negative when charged.
   */
  interface TradeReport {
    String instId();

    String tradeId();

    String fillPx();

    String fillSz();

    String fillFee();

    String fillFeeCcy();

    /** {@code M} for maker, {@code T} for taker. */
    String execType();

    String fillTime();
  }

  /**
   * One order: an {@code orders} channel push or a {@code GET /api/v5/trade/order} answer. The
   * {@code fill*} and {@code tradeId} fields describe the latest fill only (a push per fill).
   */
  record OrderData(
      String instType,
      String instId,
      String ordId,
      String clOrdId,
      String px,
      String sz,
      String ordType,
      String side,
      String tdMode,
      String tgtCcy,
      String accFillSz,
      String fillPx,
      String fillSz,
      String tradeId,
      String fillTime,
      String fillFee,
      String fillFeeCcy,
      String execType,
      String avgPx,
      String state,
      String cTime,
      String uTime)
      implements TradeReport {
    /** This order with its sizes ({@code sz}, {@code accFillSz}, {@code fillSz}) rewritten. */
    OrderData withSizes(final String newSz, final String newAccFillSz, final String newFillSz) {
      return new OrderData(
          instType, instId, ordId, clOrdId, px, newSz, ordType, side, tdMode, tgtCcy, newAccFillSz,
          fillPx, newFillSz, tradeId, fillTime, fillFee, fillFeeCcy, execType, avgPx, state, cTime,
          uTime);
    }
  }

  /** One fill of {@code GET /api/v5/trade/fills}; {@code fee} is negative when charged. */
  record FillData(
      String instId,
      String tradeId,
      String ordId,
      String clOrdId,
      String fillPx,
      String fillSz,
      String side,
      String execType,
      String fee,
      String feeCcy,
      String ts)
      implements TradeReport {
    /** This fill with its size rewritten. */
    FillData withSize(final String newFillSz) {
      return new FillData(
          instId, tradeId, ordId, clOrdId, fillPx, newFillSz, side, execType, fee, feeCcy, ts);
    }

    @Override
    public String fillFee() {
      return fee;
    }

    @Override
    public String fillFeeCcy() {
      return feeCcy;
    }

    @Override
    public String fillTime() {
      return ts;
    }
  }

  /** A {@code tickers} channel push. */
  record TickerData(
      String instId,
      String bidPx,
      String bidSz,
      String askPx,
      String askSz,
      String last,
      String ts) {}

  /**
   * One instrument of {@code GET /api/v5/public/instruments}; {@code ctVal} is a swap contract's
   * size in base ({@code ""} for spot).
   */
  record InstrumentData(
      String instType,
      String instId,
      String baseCcy,
      String quoteCcy,
      String tickSz,
      String lotSz,
      String minSz,
      String state,
      String instIdCode,
      String ctVal) {}

  /** One result of an {@code order} or {@code cancel-order} op; {@code sCode} "0" is success. */
  record OpResult(
      String ordId,
      String clOrdId,
      String ts,
      @JsonProperty("sCode") String sCode,
      @JsonProperty("sMsg") String sMsg) {}

  /** One balance line of {@code GET /api/v5/account/balance}. */
  record BalanceDetail(String ccy, String availBal, String cashBal) {}
}
