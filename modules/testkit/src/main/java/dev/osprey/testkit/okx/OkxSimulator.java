package dev.osprey.testkit.okx;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.handleWebSocketMessages;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.testkit.LoopbackServer;
import dev.osprey.testkit.MarketSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
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
 * A local OKX venue speaking OKX's documented v5 wire protocol on 127.0.0.1 (a free port), for
 * connector tests without the internet: the public WebSocket ({@code tickers}), the private one
 * ({@code login} checked against {@link #API_KEY}/{@link #SECRET_KEY}/{@link #PASSPHRASE}, {@code
 * order} and {@code cancel-order} ops with OKX's answers and {@code sCode}s, the {@code orders}
 * channel), and the REST look-ups a connector reconciles with (instruments, order, fills, pending
 * and history orders, balance), signed requests only where OKX requires them.
 *
 * <p>Tests set tickers (which match resting orders, see {@link SimVenue}) and switch failure modes
 * on: rejected logins, rate-limit answers (code 50011), dropped sockets (also exactly around the
 * next order), duplicated, reversed or held-back pushes, pushes before the op's answer. What the
 * venue saw is counted, and {@link #await} gives a future per count so that tests wait without
 * sleeping.
 */
public final class OkxSimulator extends MarketSimulator<SimVenue> {
  public static final String API_KEY = "sim-api-key-0001";
  public static final String SECRET_KEY = "sim-secret-key-0123456789abcdef";
  public static final String PASSPHRASE = "sim-passphrase";

  /** See {@link SimVenue.Drop}. */
  public enum Drop {
    BEFORE_ORDER,
    AFTER_ORDER
  }

  private static final ObjectMapper BODY_READER = new ObjectMapper();
  private volatile boolean demoHeaderSeen;
  private volatile boolean restWithoutDemoHeader;

  private OkxSimulator(final Clock clock) {
    super(new SimVenue(clock), "okx-simulator");
  }

  /** A running simulator on a free loopback port. */
  public static OkxSimulator start() {
    return new OkxSimulator(Clock.systemUTC());
  }

  /**
   * A simulator whose venue runs on {@code clock}: like OKX, it refuses a login or signed request
   * whose timestamp is more than 30 s from its own time, and tells its time at {@code GET
   * /api/v5/public/time}.
   */
  public static OkxSimulator start(final Clock clock) {
    return new OkxSimulator(clock);
  }

  public URI publicWsUrl() {
    return URI.create("ws://127.0.0.1:" + port() + "/ws/v5/public");
  }

  public URI privateWsUrl() {
    return URI.create("ws://127.0.0.1:" + port() + "/ws/v5/private");
  }

  // ------------------------------------------------------------------ market

  /**
   * Lists a spot instrument with its tick size, lot size and minimum order size; it gets an {@code
   * instIdCode}, and order ops may name it by that or by its instId.
   */
  public void listInstrument(
      final String instId, final String tickSz, final String lotSz, final String minSz) {
    venue.listInstrument(
        instId, new BigDecimal(tickSz), new BigDecimal(lotSz), new BigDecimal(minSz), null);
  }

  /**
   * Lists a USDT-margined perpetual swap ({@code BTC-USDT-SWAP}): sizes, lots and tickers in
   * contracts of {@code ctVal} base each. Its fees are charged in USDT on the contracts' notional;
   * margin and positions are not simulated (a trade moves the USDT balance by its fee only).
   */
  public void listSwap(
      final String instId,
      final String tickSz,
      final String lotSz,
      final String minSz,
      final String ctVal) {
    venue.listInstrument(
        instId,
        new BigDecimal(tickSz),
        new BigDecimal(lotSz),
        new BigDecimal(minSz),
        new BigDecimal(ctVal));
  }

  /** Holds swap positions long and short apart ({@code long_short_mode}) instead of netting. */
  public void setHedgeMode(final boolean on) {
    synchronized (venue) {
      venue.account.hedgeMode(on);
    }
  }

  /** Refuses every later {@code set-leverage} on {@code instId} with OKX's code and message. */
  public void refuseLeverage(final String instId, final String code, final String message) {
    synchronized (venue) {
      venue.account.refuseLeverage(instId, code + ":" + message);
    }
  }

  /** The leverage set on {@code instId} over REST, or null. */
  public String leverage(final String instId) {
    synchronized (venue) {
      return venue.account.leverage(instId);
    }
  }

  // ------------------------------------------------------------------ failure modes

  public void rejectLogins(final boolean on) {
    venue.set(SimVenue.Fault.REJECT_LOGINS, on);
  }

  /** The next {@code count} order ops are refused with code 50011 (Too Many Requests). */
  public void rateLimitNextOrders(final int count) {
    venue.rateLimitNextOrders(count);
  }

  /** Drops the private socket around the next order op. */
  public void dropOnNextOrder(final Drop drop) {
    venue.dropOnNextOrder(
        drop == Drop.BEFORE_ORDER ? SimVenue.Drop.BEFORE_ORDER : SimVenue.Drop.AFTER_ORDER);
  }

  public void dropPrivateSockets() {
    venue.dropSockets(true);
  }

  public void dropPublicSockets() {
    venue.dropSockets(false);
  }

  /** Every {@code orders} push is sent twice. */
  public void duplicatePushes(final boolean on) {
    venue.set(SimVenue.Fault.DUPLICATE_PUSHES, on);
  }

  /** The pushes one action causes (an order's arrival, a ticker) go out in reverse order. */
  public void reversePushes(final boolean on) {
    venue.set(SimVenue.Fault.REVERSE_PUSHES, on);
  }

  /** An order's pushes go out before the answer to its {@code order} op. */
  public void pushesBeforeAnswer(final boolean on) {
    venue.set(SimVenue.Fault.PUSHES_BEFORE_ANSWER, on);
  }

  /** Fill pushes are held back (a late push) until {@link #releaseHeldPushes}. */
  public void holdFillPushes(final boolean on) {
    venue.set(SimVenue.Fault.HOLD_FILL_PUSHES, on);
  }

  public void releaseHeldPushes() {
    venue.releaseHeldPushes();
  }

  // ------------------------------------------------------------------ what the venue saw

  /** OKX names a spot instrument as the pair: {@code DOGE-USDT}. */
  @Override
  public String spotSymbol(final String pair) {
    return pair;
  }

  @Override
  public long ordersOn(final String instId) {
    return orders().stream().filter(o -> instId.equals(o.get("instId"))).count();
  }

  /** Every order the venue holds, as {@code GET /api/v5/trade/order} would show it. */
  public List<Map<String, String>> orders() {
    return venue.orders();
  }

  /** True if a REST request carried {@code x-simulated-trading: 1}. */
  public boolean demoHeaderSeen() {
    return demoHeaderSeen;
  }

  /** True if a REST request came without {@code x-simulated-trading: 1}. */
  public boolean restWithoutDemoHeader() {
    return restWithoutDemoHeader;
  }

  // ------------------------------------------------------------------ HTTP

  @Override
  protected Route routes() {
    return concat(
        path(
            PathMatchers.segment("ws").slash("v5").slash("public"),
            () -> extractRequest(r -> handleWebSocketMessages(socketFlow(false)))),
        path(
            PathMatchers.segment("ws").slash("v5").slash("private"),
            () -> extractRequest(r -> handleWebSocketMessages(socketFlow(true)))),
        pathPrefix(
            "api",
            () ->
                extractRequest(
                    r -> entity(Unmarshaller.entityToString(), body -> rest(r, body)))));
  }

  private Flow<Message, Message, NotUsed> socketFlow(final boolean isPrivate) {
    final Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> out = server.outgoing();
    final SimSocket socket = venue.open(isPrivate, out.first());
    return server.socket(
        Sink.foreach(
            text -> {
              if (!text.isEmpty()) {
                venue.onText(socket, text);
              }
            }),
        out.second(),
        () -> venue.closed(socket));
  }

  private Route rest(final HttpRequest request, final String body) {
    final String method = request.method().value();
    final String path = request.getUri().path();
    final Optional<String> query = request.getUri().rawQueryString();
    final Map<String, String> params = new HashMap<>(request.getUri().query().toMap());
    final String demo = request.getHeader("x-simulated-trading").map(h -> h.value()).orElse("");
    if ("1".equals(demo)) {
      demoHeaderSeen = true;
    } else {
      restWithoutDemoHeader = true;
    }
    if (!path.startsWith("/api/v5/public/")) {
      final String problem =
          SimAuth.checkRest(
              header(request, "OK-ACCESS-KEY"),
              header(request, "OK-ACCESS-PASSPHRASE"),
              header(request, "OK-ACCESS-TIMESTAMP"),
              header(request, "OK-ACCESS-SIGN"),
              method,
              path + query.map(q -> "?" + q).orElse(""),
              body,
              venue.clock().millis());
      if (problem != null) {
        final String[] codeMsg = problem.split(":", 2);
        return complete(
            json(
                StatusCodes.UNAUTHORIZED,
                SimMessages.write(Map.of("code", codeMsg[0], "msg", codeMsg[1], "data", List.of()))));
      }
    }
    final String answer;
    if ("POST".equals(method)) {
      try {
        answer = venue.restPost(path, BODY_READER.readTree(body));
      } catch (java.io.IOException e) {
        return complete(
            json(StatusCodes.BAD_REQUEST, "{\"code\":\"50002\",\"msg\":\"JSON syntax error\",\"data\":[]}"));
      }
    } else {
      answer = venue.rest(path, params);
    }
    return answer == null
        ? complete(
            json(StatusCodes.NOT_FOUND, "{\"code\":\"404\",\"msg\":\"Not Found\",\"data\":[]}"))
        : complete(json(StatusCodes.OK, answer));
  }

  private static String header(final HttpRequest request, final String name) {
    return request.getHeader(name).map(h -> h.value()).orElse(null);
  }

  private static HttpResponse json(
      final org.apache.pekko.http.javadsl.model.StatusCode status, final String body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, body);
  }
}
