package dev.osprey.testkit.binance;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.handleWebSocketMessages;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.testkit.LoopbackServer;
import dev.osprey.testkit.MarketSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A local Binance spot venue speaking Binance's documented REST and stream protocol on 127.0.0.1 (a
 * free port), for connector tests without the internet: the REST endpoints a connector uses ({@code
 * /api/v3/time}, {@code exchangeInfo}, {@code order} POST/GET/DELETE, {@code openOrders}, {@code
 * myTrades}, {@code account}, {@code userDataStream}), signed ones checked against {@link
 * #API_KEY}/{@link #SECRET_KEY} by its own code, Binance's error codes; the user-data stream {@code
 * /ws/<listenKey>} ({@code executionReport}s) and the market stream {@code /ws} ({@code SUBSCRIBE}
 * to {@code <symbol>@bookTicker}; the current quote is sent on subscribing).
 *
 * <p>Failure modes: refused keys (-2015), rate limits (429, -1015, {@code Retry-After}), orders
 * whose answer is lost (503, -1007, the order taken), the user-data socket dropped with an order's
 * reports, dropped sockets, duplicated and reversed reports. Reports of an order go out before its
 * REST answer (a fill before the ack). What the venue saw is counted.
 */
public final class BinanceSimulator extends MarketSimulator<SimBinanceVenue> {
  public static final String API_KEY = "sim-binance-api-key-0001";
  public static final String SECRET_KEY = "sim-binance-secret-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Boolean> listenKeys = new ConcurrentHashMap<>();
  private volatile boolean rejectKeys;

  private BinanceSimulator(final Clock clock) {
    super(new SimBinanceVenue(clock), "binance-simulator");
  }

  /** A running simulator on a free loopback port, on the real clock. */
  public static BinanceSimulator start() {
    return new BinanceSimulator(Clock.systemUTC());
  }

  /** A simulator on {@code clock}: its {@code /api/v3/time}, and what a timestamp is checked to. */
  public static BinanceSimulator start(final Clock clock) {
    return new BinanceSimulator(clock);
  }

  public URI wsUrl() {
    return URI.create("ws://127.0.0.1:" + server.port());
  }

  // ------------------------------------------------------------------ market

  /**
   * Lists {@code base}+{@code quote} (e.g. BTC, USDT → BTCUSDT) with its tick, step and minimum.
   */
  public void listSymbol(
      final String base,
      final String quote,
      final String tick,
      final String step,
      final String minQty) {
    venue.list(
        new SimBinanceVenue.Symbol(
            base + quote,
            base,
            quote,
            new BigDecimal(tick),
            new BigDecimal(step),
            new BigDecimal(minQty)));
  }

  // ------------------------------------------------------------------ failure modes

  /** Every signed request and listen-key request is refused with -2015 (as for a bad key). */
  public void rejectKeys(final boolean on) {
    rejectKeys = on;
  }

  /** The next {@code count} new orders get HTTP 429, -1015, with {@code Retry-After}. */
  public void rateLimitNextOrders(final int count, final int retryAfterSeconds) {
    venue.rateLimitNextOrders(count, retryAfterSeconds);
  }

  /** The next {@code count} new orders are taken, but answered 503 -1007 (outcome unknown). */
  public void loseAnswerOfNextOrders(final int count) {
    venue.unknownOutcomeOfNextOrders(count);
  }

  /** The next {@code count} new orders never arrive, and are answered 503 -1007 all the same. */
  public void loseNextOrders(final int count) {
    venue.loseNextOrders(count);
  }

  /** The next new order drops the user-data sockets before its reports go out. */
  public void dropUserStreamOnNextOrder() {
    venue.faults.add("drop-user-on-order");
  }

  public void dropUserStreams() {
    venue.dropUserSockets();
  }

  public void dropMarketStreams() {
    venue.dropMarketSockets();
  }

  /** Every user-data report is sent twice. */
  public void duplicateReports(final boolean on) {
    toggle("duplicate", on);
  }

  /** The reports one action causes go out in reverse order (a fill before its NEW). */
  public void reverseReports(final boolean on) {
    toggle("reverse", on);
  }

  private void toggle(final String fault, final boolean on) {
    if (on) {
      venue.faults.add(fault);
    } else {
      venue.faults.remove(fault);
    }
  }

  // ------------------------------------------------------------------ what the venue saw

  /** {@code DOGEUSDT} for {@code DOGE-USDT}. */
  @Override
  public String spotSymbol(final String pair) {
    return pair.replace("-", "");
  }

  @Override
  public long ordersOn(final String symbol) {
    return orders().stream().filter(o -> symbol.equals(o.get("symbol"))).count();
  }

  /** Every order, as {@code GET /api/v3/order} shows it, oldest first. */
  public List<Map<String, Object>> orders() {
    return venue.orders();
  }

  // ------------------------------------------------------------------ HTTP

  @Override
  protected Route routes() {
    return concat(
        path("ws", () -> handleWebSocketMessages(socket(false))),
        path(
            PathMatchers.segment("ws").slash(PathMatchers.segment()),
            key ->
                listenKeys.containsKey(key)
                    ? handleWebSocketMessages(socket(true))
                    : complete(
                        answer(
                            SimBinanceVenue.Answer.error(
                                400, -1125, "This listenKey does not exist.")))),
        pathPrefix(
            "api",
            () ->
                extractRequest(
                    request ->
                        entity(
                            Unmarshaller.entityToString(),
                            body -> complete(rest(request, body))))));
  }

  private Flow<Message, Message, NotUsed> socket(final boolean user) {
    final Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> out = server.outgoing();
    final SimBinanceVenue.Socket socket =
        new SimBinanceVenue.Socket(
            text -> LoopbackServer.send(out.first(), text),
            () ->
                out.first()
                    .fail(new IllegalStateException("connection dropped by the Binance simulator")),
            ConcurrentHashMap.newKeySet());
    if (user) {
      venue.openUser(socket);
    } else {
      venue.openMarket(socket);
    }
    return server.socket(
        Sink.foreach(text -> onMarketRequest(socket, text)),
        out.second(),
        () -> venue.closed(socket));
  }

  /** {@code {"method":"SUBSCRIBE","params":[...],"id":n}} on a market socket. */
  private void onMarketRequest(final SimBinanceVenue.Socket socket, final String text) {
    try {
      final JsonNode m = JSON.readTree(text);
      if ("SUBSCRIBE".equals(m.path("method").asText())) {
        final List<String> streams = new ArrayList<>();
        m.path("params").forEach(p -> streams.add(p.asText()));
        socket.send().accept("{\"result\":null,\"id\":" + m.path("id").asLong() + "}");
        venue.subscribe(socket, streams);
      }
    } catch (IOException e) {
      socket.send().accept("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"}}");
    }
  }

  private HttpResponse rest(final HttpRequest request, final String body) {
    final String path = request.getUri().path();
    final String method = request.method().value();
    venue.counters.increment("rest:" + method + " " + path);
    final Map<String, String> params = new HashMap<>(request.getUri().query().toMap());
    if (!body.isEmpty()) {
      params.putAll(form(body));
    }
    final String key = request.getHeader("X-MBX-APIKEY").map(h -> h.value()).orElse(null);
    if (path.equals("/api/v3/userDataStream")) {
      if (rejectKeys || !API_KEY.equals(key)) {
        venue.counters.increment("rejected-key");
        return answer(
            SimBinanceVenue.Answer.error(
                401, -2015, "Invalid API-key, IP, or permissions for action."));
      }
      final String listenKey = "simListenKey" + API_KEY.hashCode();
      listenKeys.put(listenKey, true);
      venue.counters.increment("listenKey:" + method);
      return answer(
          SimBinanceVenue.Answer.ok(
              "POST".equals(method) ? Map.of("listenKey", listenKey) : Map.of()));
    }
    if (path.equals("/api/v3/time")) {
      return answer(SimBinanceVenue.Answer.ok(Map.of("serverTime", venue.clock().millis())));
    }
    if (path.equals("/api/v3/exchangeInfo")) {
      return answer(venue.exchangeInfo());
    }
    final String problem =
        rejectKeys
            ? "401:-2015:Invalid API-key, IP, or permissions for action."
            : SimBinanceAuth.check(
                API_KEY,
                SECRET_KEY,
                key,
                request.getUri().rawQueryString().orElse(""),
                body,
                params,
                venue.clock().millis());
    if (problem != null) {
      final String[] p = problem.split(":", 3);
      venue.counters.increment("rejected-key");
      return answer(
          SimBinanceVenue.Answer.error(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p[2]));
    }
    switch (method + " " + path) {
      case "POST /api/v3/order":
        return answer(venue.newOrder(params));
      case "GET /api/v3/order":
        return answer(venue.order(params));
      case "DELETE /api/v3/order":
        return answer(venue.cancel(params));
      case "GET /api/v3/openOrders":
        return answer(venue.openOrders(params));
      case "GET /api/v3/myTrades":
        return answer(venue.trades(params));
      case "GET /api/v3/account":
        return answer(venue.account());
      default:
        return answer(SimBinanceVenue.Answer.error(404, -1000, "Unknown path " + path));
    }
  }

  private static Map<String, String> form(final String body) {
    final Map<String, String> out = new HashMap<>();
    for (String part : body.split("&")) {
      final int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static HttpResponse answer(final SimBinanceVenue.Answer a) {
    HttpResponse r =
        HttpResponse.create()
            .withStatus(StatusCodes.get(a.status()))
            .withEntity(ContentTypes.APPLICATION_JSON, a.body());
    if (a.retryAfter() != null) {
      r = r.addHeader(RawHeader.create("Retry-After", a.retryAfter()));
    }
    return r;
  }
}
