package dev.osprey.testkit.okx;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes of what the simulated OKX sends: op answers, channel pushes, errors and REST
 * envelopes, as OKX's v5 documentation shows them. Op answers carry the venue's clock.
 */
final class SimMessages {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Clock clock;

  SimMessages(final Clock clock) {
    this.clock = clock;
  }

  /** A {@code tickers} push of {@code t} (sizes as set; "unlimited" shows as a deep book). */
  static String tickerPush(final String instId, final SimVenue.Ticker t) {
    final Map<String, String> data = new LinkedHashMap<>();
    data.put("instType", instId.endsWith("-SWAP") ? "SWAP" : "SPOT");
    data.put("instId", instId);
    data.put("last", t.bid().px.toPlainString());
    data.put("askPx", t.ask().px.toPlainString());
    data.put("askSz", t.ask().sz == null ? "1000000" : t.ask().sz.toPlainString());
    data.put("bidPx", t.bid().px.toPlainString());
    data.put("bidSz", t.bid().sz == null ? "1000000" : t.bid().sz.toPlainString());
    data.put("ts", Long.toString(t.ts()));
    return write(
        Map.of("arg", Map.of("channel", "tickers", "instId", instId), "data", List.of(data)));
  }

  static String orderPush(final SimOrder o, final SimOrder.Trade trade) {
    final String push =
        write(
            Map.of(
                "arg",
                Map.of("channel", "orders", "instType", o.instType(), "uid", "1"),
                "data",
                List.of(o.view(trade))));
    return trade == null ? push : "F" + push; // marked so that held fill pushes can be told apart
  }

  static String ok(final List<?> data) {
    return write(Map.of("code", "0", "msg", "", "data", data));
  }

  String op(
      final String id,
      final String op,
      final String code,
      final String msg,
      final List<Map<String, String>> data) {
    final String micros = Long.toString(clock.millis() * 1000);
    final Map<String, Object> m =
        new LinkedHashMap<>(ordered("id", id, "op", op, "code", code, "msg", msg));
    m.put("data", data);
    m.put("inTime", micros);
    m.put("outTime", micros);
    return write(m);
  }

  Map<String, String> result(
      final String ordId, final String clOrdId, final String sCode, final String sMsg) {
    return ordered(
        "ordId",
        ordId,
        "clOrdId",
        clOrdId,
        "tag",
        "",
        "ts",
        Long.toString(clock.millis()),
        "sCode",
        sCode,
        "sMsg",
        sMsg);
  }

  static String error(final String code, final String msg, final SimSocket s) {
    return write(ordered("event", "error", "code", code, "msg", msg, "connId", s.connId));
  }

  static Map<String, String> ordered(final String... keyValues) {
    final Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static BigDecimal decimal(final String s) {
    return s == null || s.isBlank() ? null : new BigDecimal(s);
  }

  static String write(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
