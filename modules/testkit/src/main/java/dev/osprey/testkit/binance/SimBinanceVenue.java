package dev.osprey.testkit.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.testkit.SimulatedMarket;
import dev.osprey.testkit.okx.SimCounters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of the simulated Binance spot venue: symbols, book tickers, orders and their trades,
 * balances, the open user-data and market sockets, and the fault switches. Matching: a MARKET order
 * takes the ticker's other side at once; a LIMIT order takes it when it crosses, else rests and
 * fills at its own price (as maker) when a later ticker crosses it. Fees: a BUY pays in the base
 * asset it receives, a SELL in quote, as Binance charges. All methods hold the venue's lock.
 */
final class SimBinanceVenue implements SimulatedMarket {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A listed symbol. */
  record Symbol(
      String symbol,
      String base,
      String quote,
      BigDecimal tick,
      BigDecimal step,
      BigDecimal minQty) {}

  /** An answer to a REST request: HTTP status, JSON body, and a {@code Retry-After} or null. */
  record Answer(int status, String body, String retryAfter) {
    static Answer ok(final Object body) {
      return new Answer(200, write(body), null);
    }

    static Answer error(final int status, final int code, final String msg) {
      return new Answer(status, write(Map.of("code", code, "msg", msg)), null);
    }
  }

  /** One client WebSocket: where to send, and how to drop it. */
  record Socket(Consumer<String> send, Runnable drop, Set<String> streams) {}

  final SimCounters counters = new SimCounters();
  private final Clock clock;
  private final Map<String, Symbol> symbols = new LinkedHashMap<>();
  private final Map<String, BigDecimal[]> tickers = new LinkedHashMap<>();
  private final List<SimBinanceOrder> orders = new ArrayList<>();
  private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
  private final List<Socket> userSockets = new CopyOnWriteArrayList<>();
  private final List<Socket> marketSockets = new CopyOnWriteArrayList<>();
  final Set<String> faults = ConcurrentHashMap.newKeySet();
  private BigDecimal makerFee = BigDecimal.ZERO;
  private BigDecimal takerFee = BigDecimal.ZERO;
  private long ids = 1000;
  private long tradeIds = 5000;
  private int rateLimited;
  private String retryAfter = "0";
  private int unknownOutcomes;
  private int lostOrders;

  SimBinanceVenue(final Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  static String write(final Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ set-up

  synchronized void list(final Symbol s) {
    symbols.put(s.symbol(), s);
  }

  @Override
  public SimCounters counters() {
    return counters;
  }

  @Override
  public synchronized void setFees(final BigDecimal maker, final BigDecimal taker) {
    makerFee = maker;
    takerFee = taker;
  }

  @Override
  public synchronized void setBalance(final String asset, final BigDecimal free) {
    balances.put(asset, free);
  }

  synchronized void rateLimitNextOrders(final int count, final int retryAfterSeconds) {
    rateLimited = count;
    retryAfter = Integer.toString(retryAfterSeconds);
  }

  synchronized void unknownOutcomeOfNextOrders(final int count) {
    unknownOutcomes = count;
  }

  synchronized void loseNextOrders(final int count) {
    lostOrders = count;
  }

  /**
   * Sets the book ticker, fills the resting orders it crosses (buys at most {@code askQty} in all,
   * sells {@code bidQty}; null is unlimited), pushes it to subscribers.
   */
  @Override
  public synchronized void setTicker(
      final String symbol,
      final BigDecimal bid,
      final BigDecimal bidQty,
      final BigDecimal ask,
      final BigDecimal askQty) {
    tickers.put(symbol, new BigDecimal[] {bid, ask, bidQty, askQty});
    final List<Map<String, Object>> reports = new ArrayList<>();
    BigDecimal askLeft = askQty;
    BigDecimal bidLeft = bidQty;
    for (SimBinanceOrder o : orders) {
      if (!o.request.symbol().equals(symbol) || !o.isOpen() || "MARKET".equals(o.request.type())) {
        continue;
      }
      final BigDecimal limit = o.request.price();
      final boolean crosses = o.isBuy() ? ask.compareTo(limit) <= 0 : bid.compareTo(limit) >= 0;
      final BigDecimal left = o.isBuy() ? askLeft : bidLeft;
      final BigDecimal qty = left == null ? o.remaining() : left.min(o.remaining());
      if (crosses && qty.signum() > 0) {
        trade(o, limit, qty, true, reports);
        if (o.isBuy() && askLeft != null) {
          askLeft = askLeft.subtract(qty);
        } else if (!o.isBuy() && bidLeft != null) {
          bidLeft = bidLeft.subtract(qty);
        }
      }
    }
    final String stream = symbol.toLowerCase(Locale.ROOT) + "@bookTicker";
    for (Socket s : marketSockets) {
      if (s.streams().contains(stream)) {
        s.send().accept(bookTicker(symbol));
      }
    }
    pushUser(reports);
  }

  private String bookTicker(final String symbol) {
    final BigDecimal[] t = tickers.get(symbol);
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("u", ++ids);
    m.put("s", symbol);
    m.put("b", t[0].toPlainString());
    m.put("B", t[2] == null ? "1000000" : t[2].toPlainString());
    m.put("a", t[1].toPlainString());
    m.put("A", t[3] == null ? "1000000" : t[3].toPlainString());
    return write(m);
  }

  // ------------------------------------------------------------------ sockets

  void openUser(final Socket s) {
    counters.increment("connect:user");
    userSockets.add(s);
  }

  void openMarket(final Socket s) {
    counters.increment("connect:market");
    marketSockets.add(s);
  }

  void closed(final Socket s) {
    userSockets.remove(s);
    marketSockets.remove(s);
  }

  synchronized void subscribe(final Socket s, final List<String> streams) {
    for (String stream : streams) {
      counters.increment("subscribe:" + stream);
      s.streams().add(stream);
      final String symbol = stream.substring(0, stream.indexOf('@')).toUpperCase(Locale.ROOT);
      if (tickers.containsKey(symbol)) {
        s.send().accept(bookTicker(symbol)); // the current quote, so a new subscriber has one
      }
    }
  }

  void dropUserSockets() {
    for (Socket s : userSockets) {
      s.drop().run();
    }
    userSockets.clear();
  }

  void dropMarketSockets() {
    for (Socket s : marketSockets) {
      s.drop().run();
    }
    marketSockets.clear();
  }

  private void pushUser(final List<Map<String, Object>> reports) {
    final List<Map<String, Object>> out = new ArrayList<>(reports);
    if (faults.contains("reverse")) {
      Collections.reverse(out);
    }
    for (Map<String, Object> r : out) {
      final String text = write(r);
      for (Socket s : userSockets) {
        s.send().accept(text);
        if (faults.contains("duplicate")) {
          s.send().accept(text);
        }
      }
    }
  }

  // ------------------------------------------------------------------ REST

  synchronized Answer newOrder(final Map<String, String> p) {
    counters.increment("order");
    final String cid = p.getOrDefault("newClientOrderId", "x-" + (ids + 1));
    counters.increment("order:" + cid);
    if (rateLimited > 0) {
      rateLimited--;
      counters.increment("order:rate-limited");
      return new Answer(
          429,
          write(
              Map.of(
                  "code",
                  -1015,
                  "msg",
                  "Too many new orders; current limit is 50 orders per 10 SECOND.")),
          retryAfter);
    }
    if (lostOrders > 0) {
      lostOrders--;
      return Answer.error(
          503,
          -1007,
          "Timeout waiting for response from backend server. Send"
              + " status unknown; execution status unknown."); // and the order never arrived
    }
    final Symbol s = symbols.get(p.get("symbol"));
    if (s == null) {
      return Answer.error(400, -1121, "Invalid symbol.");
    }
    for (SimBinanceOrder o : orders) {
      if (o.request.clientOrderId().equals(cid) && o.isOpen()) {
        return Answer.error(400, -2010, "Duplicate order sent.");
      }
    }
    final String type = p.get("type");
    final BigDecimal qty = new BigDecimal(p.get("quantity"));
    final BigDecimal price = p.containsKey("price") ? new BigDecimal(p.get("price")) : null;
    final BigDecimal[] t = tickers.get(s.symbol());
    final boolean buy = "BUY".equals(p.get("side"));
    if (qty.compareTo(s.minQty()) < 0 || qty.remainder(s.step()).signum() != 0) {
      return Answer.error(400, -1013, "Filter failure: LOT_SIZE");
    }
    final boolean crosses =
        t != null
            && (price == null || (buy ? t[1].compareTo(price) <= 0 : t[0].compareTo(price) >= 0));
    if ("LIMIT_MAKER".equals(type) && crosses) {
      return Answer.error(400, -2010, "Order would immediately match and take.");
    }
    if ("MARKET".equals(type) && t == null) {
      return Answer.error(400, -2010, "Market is closed.");
    }
    final SimBinanceOrder o =
        new SimBinanceOrder(
            ++ids,
            new SimBinanceOrder.Request(s.symbol(), cid, p.get("side"), type, price, qty),
            clock.millis());
    orders.add(o);
    final List<Map<String, Object>> reports = new ArrayList<>();
    reports.add(o.report("NEW", null, null, clock.millis()));
    if (crosses) {
      trade(o, buy ? t[1] : t[0], qty, false, reports);
    }
    if (faults.remove("drop-user-on-order")) {
      dropUserSockets(); // the reports of this order are lost with the socket
    } else {
      pushUser(reports);
    }
    if (unknownOutcomes > 0) {
      unknownOutcomes--;
      return Answer.error(
          503,
          -1007,
          "Timeout waiting for response from backend server. Send status unknown; execution status"
              + " unknown.");
    }
    return Answer.ok(o.fullAnswer());
  }

  private void trade(
      final SimBinanceOrder o,
      final BigDecimal price,
      final BigDecimal qty,
      final boolean maker,
      final List<Map<String, Object>> reports) {
    final Symbol s = symbols.get(o.request.symbol());
    final BigDecimal rate = maker ? makerFee : takerFee;
    final BigDecimal commission =
        o.isBuy() ? qty.multiply(rate) : qty.multiply(price).multiply(rate);
    final SimBinanceOrder.Trade tr =
        new SimBinanceOrder.Trade(
            ++tradeIds,
            price,
            qty,
            commission.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
            o.isBuy() ? s.base() : s.quote(),
            maker,
            clock.millis());
    o.trades.add(tr);
    o.status = o.remaining().signum() == 0 ? "FILLED" : "PARTIALLY_FILLED";
    o.updateTime = clock.millis();
    final BigDecimal quote = qty.multiply(price);
    balances.merge(s.base(), o.isBuy() ? qty : qty.negate(), BigDecimal::add);
    balances.merge(s.quote(), o.isBuy() ? quote.negate() : quote, BigDecimal::add);
    reports.add(o.report("TRADE", tr, null, clock.millis()));
  }

  synchronized Answer cancel(final Map<String, String> p) {
    final String cid = p.get("origClientOrderId");
    counters.increment("cancel:" + cid);
    final SimBinanceOrder o = latest(p.get("symbol"), cid);
    if (o == null || !o.isOpen()) {
      return Answer.error(400, -2011, "Unknown order sent.");
    }
    o.status = "CANCELED";
    o.updateTime = clock.millis();
    pushUser(List.of(o.report("CANCELED", null, "cancel-" + (++ids), clock.millis())));
    return Answer.ok(o.view());
  }

  synchronized Answer order(final Map<String, String> p) {
    if (p.containsKey("orderId") && !p.get("orderId").equals("0")) {
      counters.increment("rest:order-by-orderId");
    }
    final SimBinanceOrder o = latest(p.get("symbol"), p.get("origClientOrderId"));
    return o == null ? Answer.error(400, -2013, "Order does not exist.") : Answer.ok(o.view());
  }

  synchronized Answer trades(final Map<String, String> p) {
    final List<Map<String, Object>> out = new ArrayList<>();
    for (SimBinanceOrder o : orders) {
      if (o.request.symbol().equals(p.get("symbol"))
          && (!p.containsKey("orderId") || Long.toString(o.orderId).equals(p.get("orderId")))) {
        o.trades.forEach(t -> out.add(o.tradeView(t)));
      }
    }
    return Answer.ok(out);
  }

  synchronized Answer openOrders(final Map<String, String> p) {
    final List<Map<String, Object>> out = new ArrayList<>();
    for (SimBinanceOrder o : orders) {
      if (o.isOpen() && (!p.containsKey("symbol") || o.request.symbol().equals(p.get("symbol")))) {
        out.add(o.view());
      }
    }
    return Answer.ok(out);
  }

  synchronized Answer account() {
    final List<Map<String, Object>> list = new ArrayList<>();
    balances.forEach(
        (a, free) -> list.add(Map.of("asset", a, "free", free.toPlainString(), "locked", "0")));
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("makerCommission", 10);
    m.put("takerCommission", 10);
    m.put("buyerCommission", 0);
    m.put("sellerCommission", 0);
    m.put("canTrade", true);
    m.put("canWithdraw", false);
    m.put("canDeposit", false);
    m.put("updateTime", clock.millis());
    m.put("accountType", "SPOT");
    m.put("balances", list);
    m.put("permissions", List.of("SPOT"));
    return Answer.ok(m);
  }

  synchronized Answer exchangeInfo() {
    final List<Map<String, Object>> list = new ArrayList<>();
    for (Symbol s : symbols.values()) {
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", s.symbol());
      m.put("status", "TRADING");
      m.put("baseAsset", s.base());
      m.put("quoteAsset", s.quote());
      m.put("orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET"));
      m.put(
          "filters",
          List.of(
              Map.of(
                  "filterType",
                  "PRICE_FILTER",
                  "minPrice",
                  s.tick().toPlainString(),
                  "maxPrice",
                  "1000000",
                  "tickSize",
                  s.tick().toPlainString()),
              Map.of(
                  "filterType",
                  "LOT_SIZE",
                  "minQty",
                  s.minQty().toPlainString(),
                  "maxQty",
                  "9000",
                  "stepSize",
                  s.step().toPlainString()),
              Map.of("filterType", "NOTIONAL", "minNotional", "0")));
      m.put("permissions", List.of("SPOT"));
      list.add(m);
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("timezone", "UTC");
    m.put("serverTime", clock.millis());
    m.put(
        "rateLimits",
        List.of(
            Map.of(
                "rateLimitType",
                "REQUEST_WEIGHT",
                "interval",
                "MINUTE",
                "intervalNum",
                1,
                "limit",
                6000),
            Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", 50),
            Map.of(
                "rateLimitType", "ORDERS", "interval", "DAY", "intervalNum", 1, "limit", 160000)));
    m.put("exchangeFilters", List.of());
    m.put("symbols", list);
    return Answer.ok(m);
  }

  private SimBinanceOrder latest(final String symbol, final String cid) {
    for (int i = orders.size() - 1; i >= 0; i--) {
      final SimBinanceOrder o = orders.get(i);
      if (o.request.symbol().equals(symbol) && o.request.clientOrderId().equals(cid)) {
        return o;
      }
    }
    return null;
  }

  /** Every order, as {@code GET /api/v3/order} shows it, oldest first. */
  synchronized List<Map<String, Object>> orders() {
    final List<Map<String, Object>> out = new ArrayList<>();
    orders.forEach(o -> out.add(o.view()));
    return out;
  }
}
