package dev.osprey.testkit.okx;

import static dev.osprey.testkit.okx.SimMessages.decimal;
import static dev.osprey.testkit.okx.SimMessages.error;
import static dev.osprey.testkit.okx.SimMessages.orderPush;
import static dev.osprey.testkit.okx.SimMessages.ordered;
import static dev.osprey.testkit.okx.SimMessages.tickerPush;
import static dev.osprey.testkit.okx.SimMessages.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.testkit.SimulatedMarket;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated OKX venue behind {@link OkxSimulator}: instruments, tickers, orders, matching, and
 * the answers and pushes OKX's v5 protocol gives. One lock guards everything; messages are queued
 * to sockets under it, so each socket sees them in the order the venue decided.
 *
 * <p>Matching (like the paper venue, so the two give the same figures for the same quotes): a
 * MARKET order, or a LIMIT order crossing on arrival, takes at the best opposite price as taker;
 * the rest of a LIMIT order rests and fills at its own price as maker on a later ticker that
 * crosses it. Ticker sizes, when given, cap what one ticker can fill. A MARKET order's unfilled
 * rest is cancelled (OKX spot market orders do not rest); a {@code post_only} order that would
 * cross is cancelled. Fees are charged as OKX does for spot: a BUY in base, a SELL in quote.
 */
final class SimVenue implements SimulatedMarket {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One side of a ticker: its price, its displayed size (null: deep enough for any order) and what
   * fills have left of that size.
   */
  static final class Level {
    final BigDecimal px;
    final BigDecimal sz;
    BigDecimal left;

    Level(final BigDecimal px, final BigDecimal sz) {
      this.px = px;
      this.sz = sz;
      this.left = sz;
    }
  }

  record Ticker(Level bid, Level ask, long ts) {}

  /** A way the venue misbehaves while a test has it switched on (see {@link OkxSimulator}). */
  enum Fault {
    REJECT_LOGINS,
    DUPLICATE_PUSHES,
    REVERSE_PUSHES,
    PUSHES_BEFORE_ANSWER,
    HOLD_FILL_PUSHES
  }

  /** What to do to the private socket on the next {@code order} op. */
  enum Drop {
    NONE,
    /** Drop the socket before the venue sees the order: the order is lost on the wire. */
    BEFORE_ORDER,
    /** Place (and match) the order, then drop the socket before the answer and pushes go out. */
    AFTER_ORDER
  }

  private final Clock clock;
  private final SimMessages answers;
  private final SimMatcher matcher;
  final SimCounters counters = new SimCounters();
  private final List<SimSocket> sockets = new CopyOnWriteArrayList<>();
  private final SimInstruments instruments = new SimInstruments(counters);
  private final Map<String, Ticker> tickers = new LinkedHashMap<>();
  private final List<SimOrder> orders = new ArrayList<>();
  private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
  final SimAccount account = new SimAccount();
  private final List<String> held = new ArrayList<>();
  private long nextOrdId = 1000;
  private long arrivals;
  private int connIds;

  // failure modes, switched by tests
  private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
  private int rateLimitedOrders;
  private Drop dropOnNextOrder = Drop.NONE;

  /** The venue's clock (the simulator's, possibly set apart from the client's). */
  Clock clock() {
    return clock;
  }

  SimVenue(final Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.answers = new SimMessages(clock);
    this.matcher = new SimMatcher(clock, balances);
  }

  // ------------------------------------------------------------------ control (tests)

  /** Lists a spot instrument, or a swap when {@code ctVal} is not null. */
  synchronized void listInstrument(
      final String instId,
      final BigDecimal tickSz,
      final BigDecimal lotSz,
      final BigDecimal minSz,
      final BigDecimal ctVal) {
    instruments.list(instId, tickSz, lotSz, minSz, ctVal);
  }

  @Override
  public SimCounters counters() {
    return counters;
  }

  @Override
  public synchronized void setFees(final BigDecimal maker, final BigDecimal taker) {
    matcher.setFees(maker, taker);
  }

  @Override
  public synchronized void setBalance(final String ccy, final BigDecimal available) {
    balances.put(ccy, available);
  }

  @Override
  public synchronized void setTicker(
      final String instId,
      final BigDecimal bid,
      final BigDecimal bidSz,
      final BigDecimal ask,
      final BigDecimal askSz) {
    final long now = clock.millis();
    final Ticker t = new Ticker(new Level(bid, bidSz), new Level(ask, askSz), now);
    tickers.put(instId, t);
    final List<String> pushes = new ArrayList<>();
    for (SimOrder o : orders) {
      if (o.request.instId().equals(instId) && o.isOpen()) {
        matcher.match(o, t, false, pushes);
      }
    }
    deliverPushes(pushes);
    final String push = tickerPush(instId, t);
    for (SimSocket s : sockets) {
      if (!s.isPrivate && s.subscriptions.contains("tickers:" + instId)) {
        s.send(push);
      }
    }
  }

  synchronized void set(final Fault fault, final boolean on) {
    if (on) {
      faults.add(fault);
    } else {
      faults.remove(fault);
    }
  }

  synchronized void rateLimitNextOrders(final int count) {
    rateLimitedOrders = count;
  }

  synchronized void dropOnNextOrder(final Drop drop) {
    dropOnNextOrder = drop;
  }

  /** Sends the fill pushes held back so far, in order. */
  synchronized void releaseHeldPushes() {
    final List<String> release = new ArrayList<>(held);
    held.clear();
    for (String p : release) {
      sendPrivate(p);
    }
  }

  synchronized void dropSockets(final boolean privateOnes) {
    for (SimSocket s : sockets) {
      if (s.isPrivate == privateOnes) {
        s.drop();
      }
    }
  }

  synchronized List<Map<String, String>> orders() {
    final List<Map<String, String>> out = new ArrayList<>();
    for (SimOrder o : orders) {
      out.add(o.view(null));
    }
    return out;
  }

  /** The JSON answer of a REST GET; null for an unknown path. */
  synchronized String rest(final String path, final Map<String, String> q) {
    counters.increment("rest:" + path);
    return SimRestApi.answer(path, q, clock, instruments.all(), orders, balances, account);
  }

  /** The JSON answer of a REST POST; null for an unknown path. */
  synchronized String restPost(final String path, final JsonNode body) {
    counters.increment("rest:POST " + path);
    if ("/api/v5/account/set-leverage".equals(path)) {
      final String instId = body.path("instId").asText();
      final String lever = body.path("lever").asText();
      counters.increment("set-leverage:" + instId + ":" + lever);
      return account.setLeverage(instId, lever, body.path("mgnMode").asText());
    }
    return null;
  }

  // ------------------------------------------------------------------ sockets

  synchronized SimSocket open(
      final boolean isPrivate,
      final org.apache.pekko.stream.BoundedSourceQueue<
              org.apache.pekko.http.javadsl.model.ws.Message>
          out) {
    final SimSocket s = new SimSocket("c" + (++connIds), isPrivate, out);
    sockets.add(s);
    counters.increment(isPrivate ? "connect:private" : "connect:public");
    return s;
  }

  void closed(final SimSocket s) {
    s.open = false;
    sockets.remove(s);
  }

  synchronized void onText(final SimSocket s, final String text) {
    if ("ping".equals(text)) {
      s.send("pong");
      return;
    }
    final JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (java.io.IOException e) {
      s.send(error("60012", "Invalid request: " + text, s));
      return;
    }
    final String op = msg.path("op").asText();
    switch (op) {
      case "login":
        login(s, msg.path("args").path(0));
        break;
      case "subscribe":
        subscribe(s, msg.path("args"));
        break;
      case "order":
        order(s, msg);
        break;
      case "cancel-order":
        cancel(s, msg);
        break;
      default:
        s.send(error("60019", "Invalid op: " + op, s));
    }
  }

  private void login(final SimSocket s, final JsonNode args) {
    final String problem =
        faults.contains(Fault.REJECT_LOGINS)
            ? "60009:Login failed."
            : SimAuth.checkLogin(args, clock.millis());
    if (problem != null) {
      final String[] codeMsg = problem.split(":", 2);
      s.send(error(codeMsg[0], codeMsg[1], s));
      counters.increment("login:rejected");
      return;
    }
    s.loggedIn = true;
    s.send(write(ordered("event", "login", "code", "0", "msg", "", "connId", s.connId)));
    counters.increment("login");
  }

  private void subscribe(final SimSocket s, final JsonNode args) {
    for (JsonNode arg : args) {
      final String channel = arg.path("channel").asText();
      final boolean privateChannel = "orders".equals(channel);
      if (privateChannel != s.isPrivate) {
        s.send(error("60018", "Wrong URL or channel:" + channel + " doesn't exist.", s));
        continue;
      }
      if (privateChannel && !s.loggedIn) {
        s.send(error("60011", "Please log in", s));
        continue;
      }
      final String key =
          channel
              + ":"
              + (arg.hasNonNull("instId")
                  ? arg.path("instId").asText()
                  : arg.path("instType").asText());
      s.subscriptions.add(key);
      s.send(
          write(
              Map.of(
                  "event",
                  "subscribe",
                  "arg",
                  JSON.convertValue(arg, Map.class),
                  "connId",
                  s.connId)));
      counters.increment("subscribe:" + key);
      // OKX sends the latest ticker right after a subscription, not only on the next change.
      final Ticker latest =
          "tickers".equals(channel) ? tickers.get(arg.path("instId").asText()) : null;
      if (latest != null) {
        s.send(tickerPush(arg.path("instId").asText(), latest));
      }
    }
  }

  private void order(final SimSocket s, final JsonNode msg) {
    final String id = msg.path("id").asText();
    final JsonNode a = msg.path("args").path(0);
    final String clOrdId = a.path("clOrdId").asText("");
    counters.increment("order");
    counters.increment("order:" + clOrdId);
    if (!s.loggedIn) {
      s.send(answers.op(id, "order", "60011", "Please log in", List.of()));
      return;
    }
    final Drop drop = dropOnNextOrder;
    dropOnNextOrder = Drop.NONE;
    if (drop == Drop.BEFORE_ORDER) {
      s.drop();
      return;
    }
    if (rateLimitedOrders > 0) {
      rateLimitedOrders--;
      s.send(answers.op(id, "order", "50011", "Too Many Requests", List.of()));
      return;
    }
    final String instId = instruments.instIdOf(a);
    if (instId == null) {
      s.send(
          answers.op(
              id,
              "order",
              "1",
              "",
              List.of(answers.result("", clOrdId, "50014", "Parameter instIdCode can not be empty."))));
      return;
    }
    final String refusal = screen(instId, a, clOrdId);
    if (refusal != null) {
      final String[] codeMsg = refusal.split(":", 2);
      s.send(answers.op(id, "order", "1", "", List.of(answers.result("", clOrdId, codeMsg[0], codeMsg[1]))));
      return;
    }
    final long now = clock.millis();
    final SimOrder.Request request =
        new SimOrder.Request(
            clOrdId,
            instId,
            a.path("side").asText(),
            a.path("ordType").asText(),
            decimal(a.path("px").asText("")),
            new BigDecimal(a.path("sz").asText()),
            a.path("tdMode").asText(),
            instruments.get(instId).ctVal(),
            a.hasNonNull("posSide") ? a.path("posSide").asText() : null,
            a.path("reduceOnly").asBoolean(false));
    counters.increment("order:tdMode:" + request.tdMode());
    if (request.reduceOnly()) {
      counters.increment("order:reduceOnly");
    }
    final SimOrder o = new SimOrder(Long.toString(nextOrdId++), request, now, arrivals++);
    orders.add(o);
    final List<String> pushes = new ArrayList<>();
    pushes.add(orderPush(o, null));
    matcher.match(o, tickers.get(instId), true, pushes);
    final String answer =
        answers.op(id, "order", "0", "", List.of(answers.result(o.ordId, clOrdId, "0", "Order placed")));
    if (drop == Drop.AFTER_ORDER) {
      s.drop();
      return;
    }
    if (faults.contains(Fault.PUSHES_BEFORE_ANSWER)) {
      deliverPushes(pushes);
      s.send(answer);
    } else {
      s.send(answer);
      deliverPushes(pushes);
    }
  }

  /** Why OKX would refuse the order ({@code sCode:sMsg}), or null. */
  private String screen(final String instId, final JsonNode a, final String clOrdId) {
    final SimInstruments.Instrument inst = instruments.get(instId);
    if (inst == null) {
      return "51001:Instrument ID does not exist.";
    }
    for (SimOrder o : orders) {
      if (o.request.clOrdId().equals(clOrdId)) {
        return "51016:Duplicated clOrdId.";
      }
    }
    final String tdMode = a.path("tdMode").asText();
    if (inst.isSwap() ? !"cross".equals(tdMode) && !"isolated".equals(tdMode) : !"cash".equals(tdMode)) {
      return "51000:Parameter tdMode error";
    }
    final BigDecimal sz = decimal(a.path("sz").asText(""));
    if (sz == null || sz.compareTo(inst.minSz()) < 0) {
      return "51020:Your order should meet or exceed the minimum order amount.";
    }
    if (sz.remainder(inst.lotSz()).signum() != 0) {
      return "51121:Order quantity must be a multiple of the lot size.";
    }
    if ("market".equals(a.path("ordType").asText()) && !tickers.containsKey(inst.instId())) {
      return "51000:Parameter error: no market price.";
    }
    return null;
  }

  private void cancel(final SimSocket s, final JsonNode msg) {
    final String id = msg.path("id").asText();
    final JsonNode a = msg.path("args").path(0);
    final String clOrdId = a.path("clOrdId").asText("");
    counters.increment("cancel:" + clOrdId);
    if (!s.loggedIn) {
      s.send(answers.op(id, "cancel-order", "60011", "Please log in", List.of()));
      return;
    }
    final String instId = instruments.instIdOf(a);
    SimOrder found = null;
    for (SimOrder o : orders) {
      if (o.request.clOrdId().equals(clOrdId) && o.request.instId().equals(instId)) {
        found = o;
      }
    }
    if (found == null || !found.isOpen()) {
      final String code =
          found == null ? "51400" : "canceled".equals(found.state) ? "51401" : "51402";
      final String text =
          found == null
              ? "Cancellation failed as the order has been filled, canceled or does not exist."
              : "canceled".equals(found.state)
                  ? "Order has been canceled."
                  : "Order has been completed.";
      s.send(
          answers.op(
              id,
              "cancel-order",
              "1",
              "",
              List.of(answers.result(found == null ? "" : found.ordId, clOrdId, code, text))));
      return;
    }
    found.state = "canceled";
    found.uTime = clock.millis();
    s.send(answers.op(id, "cancel-order", "0", "", List.of(answers.result(found.ordId, clOrdId, "0", ""))));
    deliverPushes(new ArrayList<>(List.of(orderPush(found, null))));
  }

  private void deliverPushes(final List<String> pushes) {
    if (faults.contains(Fault.REVERSE_PUSHES)) {
      Collections.reverse(pushes);
    }
    for (String p : pushes) {
      final boolean fill = p.startsWith("F");
      final String text = fill ? p.substring(1) : p;
      if (fill && faults.contains(Fault.HOLD_FILL_PUSHES)) {
        held.add(text);
        continue;
      }
      sendPrivate(text);
      if (faults.contains(Fault.DUPLICATE_PUSHES)) {
        sendPrivate(text);
      }
    }
  }

  /** Sends an {@code orders} push to the sockets subscribed to its instrument type. */
  private void sendPrivate(final String text) {
    final String channel;
    try {
      channel = "orders:" + JSON.readTree(text).path("arg").path("instType").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    for (SimSocket s : sockets) {
      if (s.isPrivate
          && s.loggedIn
          && (s.subscriptions.contains(channel) || s.subscriptions.contains("orders:ANY"))) {
        s.send(text);
      }
    }
  }

}
