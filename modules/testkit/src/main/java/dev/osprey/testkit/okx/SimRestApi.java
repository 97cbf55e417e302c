package dev.osprey.testkit.okx;

import static dev.osprey.testkit.okx.SimMessages.ok;
import static dev.osprey.testkit.okx.SimMessages.ordered;
import static dev.osprey.testkit.okx.SimMessages.write;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated OKX's REST GETs (time, instruments, orders, fills, balances), read-only. */
final class SimRestApi {
  private SimRestApi() {}

  /** The JSON answer of a REST GET; null for an unknown path. */
  static String answer(
      final String path,
      final Map<String, String> q,
      final Clock clock,
      final Collection<SimInstruments.Instrument> instruments,
      final List<SimOrder> orders,
      final Map<String, BigDecimal> balances,
      final SimAccount account) {
    switch (path) {
      case "/api/v5/account/config":
        return ok(List.of(Map.of("posMode", account.posMode())));
      case "/api/v5/public/time":
        return ok(List.of(Map.of("ts", Long.toString(clock.millis()))));
      case "/api/v5/public/instruments":
        {
          final List<Map<String, Object>> data = new ArrayList<>();
          for (SimInstruments.Instrument i : instruments) {
            final String instType = i.isSwap() ? "SWAP" : "SPOT";
            if ((!q.containsKey("instId") || q.get("instId").equals(i.instId()))
                && (!q.containsKey("instType") || q.get("instType").equals(instType))) {
              final String[] ccys = i.instId().split("-");
              final Map<String, Object> row =
                  new LinkedHashMap<>(
                      ordered(
                          "instType",
                          instType,
                          "instId",
                          i.instId(),
                          "baseCcy",
                          i.isSwap() ? "" : ccys[0], // OKX lists swaps by instId and ctVal only
                          "quoteCcy",
                          i.isSwap() ? "" : ccys[1],
                          "ctVal",
                          i.isSwap() ? i.ctVal().toPlainString() : "",
                          "tickSz",
                          i.tickSz().toPlainString(),
                          "lotSz",
                          i.lotSz().toPlainString(),
                          "minSz",
                          i.minSz().toPlainString(),
                          "state",
                          "live"));
              row.put("instIdCode", i.instIdCode()); // a number, as OKX lists it
              data.add(row);
            }
          }
          return ok(data);
        }
      case "/api/v5/trade/order":
        {
          for (SimOrder o : orders) {
            if (o.request.instId().equals(q.get("instId"))
                && (o.request.clOrdId().equals(q.get("clOrdId"))
                    || o.ordId.equals(q.get("ordId")))) {
              return ok(
                  List.of(o.view(o.trades.isEmpty() ? null : o.trades.get(o.trades.size() - 1))));
            }
          }
          return write(Map.of("code", "51603", "msg", "Order does not exist", "data", List.of()));
        }
      case "/api/v5/trade/fills":
        {
          final List<Map<String, String>> data = new ArrayList<>();
          for (SimOrder o : orders) {
            if ((!q.containsKey("instId") || o.request.instId().equals(q.get("instId")))
                && (!q.containsKey("ordId") || o.ordId.equals(q.get("ordId")))) {
              for (SimOrder.Trade t : o.trades) {
                data.add(0, o.fillView(t)); // newest first, as OKX lists them
              }
            }
          }
          return ok(data);
        }
      case "/api/v5/trade/orders-pending":
      case "/api/v5/trade/orders-history":
        {
          final boolean pending = path.endsWith("pending");
          final List<Map<String, String>> data = new ArrayList<>();
          for (SimOrder o : orders) {
            if (o.isOpen() == pending
                && (!q.containsKey("instId") || o.request.instId().equals(q.get("instId")))) {
              data.add(0, o.view(null));
            }
          }
          return ok(data);
        }
      case "/api/v5/account/balance":
        {
          final List<Map<String, String>> details = new ArrayList<>();
          for (Map.Entry<String, BigDecimal> e : balances.entrySet()) {
            details.add(
                ordered(
                    "ccy",
                    e.getKey(),
                    "availBal",
                    e.getValue().toPlainString(),
                    "cashBal",
                    e.getValue().toPlainString()));
          }
          return ok(List.of(Map.of("details", details)));
        }
      default:
        return null;
    }
  }
}
