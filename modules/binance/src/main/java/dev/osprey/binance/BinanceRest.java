package dev.osprey.binance;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.venue.Lookups;
import dev.osprey.exchange.venue.VenueClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.binance.BinanceAuthenticated;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.OrderType;
import org.knowm.xchange.binance.dto.trade.TimeInForce;
import org.knowm.xchange.binance.service.BinanceHmacDigest;
import si.mazi.rescu.ClientConfig;
import si.mazi.rescu.HttpStatusIOException;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.RestProxyFactory;

/**
 * Binance's REST API as the connector uses it. XChange's {@link BinanceAuthenticated} (a rescu
 * proxy, signed by XChange's {@link BinanceHmacDigest}) does what it covers: time, trading rules,
 * new orders with {@code newClientOrderId}, trades, balances and the user-data stream's listen key;
 * {@link BinanceSignedCall} does the look-up and cancel by client order id, which XChange cannot
 * express. XChange blocks (HttpURLConnection), so its calls run on its own pool, never on the
 * connector's thread. Every call first books its request weight in {@link BinanceLimits} and waits
 * for its slot (up to a minute) or fails with a clear error.
 */
final class BinanceRest {
  private static final long MAX_WEIGHT_WAIT_MS = 60_000;

  /** A blocking XChange call. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private final BinanceConfig config;
  private final VenueClock venueClock;
  private final BinanceLimits limits;
  private final ExecutorService blocking = Executors.newCachedThreadPool(BinanceRest::restThread);
  private final BinanceAuthenticated api;
  private final ParamsDigest signature;
  private final BinanceSignedCall signed;

  /**
   * @param venueClock what requests are signed on; its local clock is what {@code limits} count on
   */
  BinanceRest(final BinanceConfig config, final VenueClock venueClock, final BinanceLimits limits) {
    this.config = config;
    this.venueClock = venueClock;
    this.limits = limits;
    final ClientConfig rescu = new ClientConfig();
    final int timeoutMs = (int) config.timings().requestTimeout().toMillis();
    rescu.setHttpConnTimeout(timeoutMs);
    rescu.setHttpReadTimeout(timeoutMs);
    rescu.setJacksonConfigureListener(BinanceJson::configure);
    this.api =
        RestProxyFactory.createProxy(
            BinanceAuthenticated.class, config.restUrl().toString(), rescu);
    // XChange's digest keeps one Mac and is not thread-safe, while the REST calls run on a pool:
    // two signatures at once corrupted each other (a test run failed with an array copy error).
    final ParamsDigest digest = BinanceHmacDigest.createInstance(config.credentials().secretKey());
    this.signature =
        invocation -> {
          synchronized (digest) {
            return digest.digestParams(invocation);
          }
        };
    this.signed = new BinanceSignedCall(config, venueClock);
  }

  /** Binance's clock ({@code GET /api/v3/time}). */
  CompletableFuture<Instant> serverTime() {
    return call(1, () -> api.time().getServerTime().toInstant());
  }

  /** Symbols, their filters and Binance's rate limits ({@code GET /api/v3/exchangeInfo}). */
  CompletableFuture<BinanceExchangeInfo> exchangeInfo() {
    return call(20, api::exchangeInfo);
  }

  /**
   * Places {@code request} on {@code symbol} with its client order id as {@code newClientOrderId}
   * and the FULL answer (status and fills). Its weight and order count were booked by the caller.
   * LIMIT is good-till-cancelled; LIMIT_MAKER is Binance's own type (refused if it would take).
   */
  CompletableFuture<BinanceNewOrder> newOrder(final OrderRequest request, final String symbol) {
    final OrderSide side = request.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
    final OrderType type;
    TimeInForce tif = null;
    switch (request.orderType()) {
      case MARKET:
        type = OrderType.MARKET;
        break;
      case LIMIT:
        type = OrderType.LIMIT;
        tif = TimeInForce.GTC;
        break;
      case LIMIT_MAKER:
        type = OrderType.LIMIT_MAKER;
        break;
      default:
        throw new IllegalArgumentException("unsupported order type " + request.orderType());
    }
    final TimeInForce timeInForce = tif;
    return booked(
        () ->
            api.newOrder(
                symbol,
                side,
                type,
                timeInForce,
                request.amount().value(),
                null,
                type == OrderType.MARKET ? null : request.price().value(),
                request.clientOrderId().value(),
                null,
                null,
                null,
                BinanceNewOrder.NewOrderResponseType.FULL,
                recvWindow(),
                venueClock::millis,
                config.credentials().apiKey(),
                signature));
  }

  /** The order {@code clientOrderId} on {@code symbol}, or empty when Binance has none (-2013). */
  CompletableFuture<Optional<BinanceOrder>> order(final String symbol, final String clientOrderId) {
    return weighed(4)
        .thenCompose(v -> signed.send("GET", "/api/v3/order", orderParams(symbol, clientOrderId)))
        .thenApply(json -> Optional.of(BinanceJson.MAPPER.convertValue(json, BinanceOrder.class)))
        .exceptionally(
            e -> {
              final BinanceException b = unwrap(e);
              if (b.code() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
              }
              throw b;
            });
  }

  /** An order as Binance has it, with its trades. */
  record Snapshot(BinanceOrder order, List<BinanceTrade> trades) {}

  /** The order {@code clientOrderId} on {@code symbol} and its trades, or empty (-2013). */
  CompletableFuture<Optional<Snapshot>> snapshot(final String symbol, final String clientOrderId) {
    return Lookups.ifFound(
        order(symbol, clientOrderId),
        o -> trades(symbol, o.orderId).thenApply(t -> Optional.of(new Snapshot(o, t))));
  }

  /** Cancels the order {@code clientOrderId} on {@code symbol} ({@code DELETE /api/v3/order}). */
  CompletableFuture<Void> cancel(final String symbol, final String clientOrderId) {
    return weighed(1)
        .thenCompose(
            v -> signed.send("DELETE", "/api/v3/order", orderParams(symbol, clientOrderId)))
        .thenApply(json -> null);
  }

  /** The trades of order {@code orderId} ({@code GET /api/v3/myTrades}). */
  CompletableFuture<List<BinanceTrade>> trades(final String symbol, final long orderId) {
    return call(
        20,
        () ->
            api.myTrades(
                symbol,
                orderId,
                null,
                null,
                null,
                null,
                recvWindow(),
                venueClock::millis,
                config.credentials().apiKey(),
                signature));
  }

  /** Every open order of the account, all symbols ({@code GET /api/v3/openOrders}). */
  CompletableFuture<List<BinanceOrder>> openOrders() {
    return call(
        80,
        () ->
            api.openOrders(
                null, recvWindow(), venueClock::millis, config.credentials().apiKey(), signature));
  }

  /** The symbol of the open order {@code clientOrderId}, searched in every symbol's open orders. */
  CompletableFuture<Optional<String>> openOrderSymbol(final String clientOrderId) {
    return openOrders()
        .thenApply(
            open ->
                open.stream()
                    .filter(o -> clientOrderId.equals(o.clientOrderId))
                    .map(o -> o.symbol)
                    .findFirst());
  }

  /** Free balance per asset ({@code GET /api/v3/account}). */
  CompletableFuture<Map<String, BigDecimal>> balances() {
    return call(
        20,
        () -> {
          final BinanceAccountInformation a =
              api.account(
                  recvWindow(), venueClock::millis, config.credentials().apiKey(), signature);
          final Map<String, BigDecimal> free = new HashMap<>();
          a.balances.forEach(b -> free.put(b.getCurrency().getCurrencyCode(), b.getAvailable()));
          return free;
        });
  }

  /** A listen key for the user-data stream ({@code POST /api/v3/userDataStream}). */
  CompletableFuture<String> startUserStream() {
    return call(2, () -> api.startUserDataStream(config.credentials().apiKey()).getListenKey());
  }

  /** Keeps {@code listenKey} alive another 60 minutes ({@code PUT /api/v3/userDataStream}). */
  CompletableFuture<Void> keepAlive(final String listenKey) {
    return call(
        2,
        () -> {
          api.keepAliveUserDataStream(config.credentials().apiKey(), listenKey);
          return null;
        });
  }

  private Long recvWindow() {
    return config.timings().recvWindow().toMillis();
  }

  private static Map<String, String> orderParams(final String symbol, final String clientOrderId) {
    return Map.of("symbol", symbol, "origClientOrderId", clientOrderId);
  }

  /** Books {@code weight} and runs {@code call} on the blocking executor. */
  private <T> CompletableFuture<T> call(final int weight, final Call<T> call) {
    return weighed(weight).thenCompose(v -> booked(call));
  }

  /** Runs {@code call} (its weight already booked) on the blocking executor. */
  private <T> CompletableFuture<T> booked(final Call<T> call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.run();
          } catch (org.knowm.xchange.binance.dto.BinanceException e) {
            throw new BinanceException(
                e.getCode(),
                e.getHttpStatusCode(),
                BinanceErrors.describe(e.getCode(), e.getMessage()),
                retryAfter(e.getResponseHeaders()));
          } catch (HttpStatusIOException e) {
            throw new BinanceException(
                0, e.getHttpStatusCode(), "Binance answered HTTP " + e.getHttpStatusCode(), null);
          } catch (IOException | RuntimeException e) {
            throw new BinanceException(0, 0, "Binance not reached: " + e, null);
          }
        },
        blocking);
  }

  /** Completes once {@code weight} fits Binance's request-weight limit (waiting up to 60 s). */
  private CompletableFuture<Void> weighed(final int weight) {
    final BinanceLimits.Verdict v = limits.take(weight, false, venueClock.local().millis());
    if (v.allowed()) {
      return CompletableFuture.completedFuture(null);
    }
    if (v.waitMs() > MAX_WEIGHT_WAIT_MS) {
      return CompletableFuture.failedFuture(
          new BinanceException(
              BinanceErrors.TOO_MANY_REQUESTS,
              0,
              "Osprey keeps Binance's "
                  + v.limit()
                  + " limit: next request in "
                  + v.waitMs()
                  + " ms",
              Duration.ofMillis(v.waitMs())));
    }
    return CompletableFuture.runAsync(
            () -> {}, CompletableFuture.delayedExecutor(v.waitMs(), TimeUnit.MILLISECONDS))
        .thenCompose(x -> weighed(weight));
  }

  private static Duration retryAfter(final Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null
          && e.getKey().equalsIgnoreCase("Retry-After")
          && !e.getValue().isEmpty()) {
        return BinanceSignedCall.retryAfter(Optional.of(e.getValue().get(0)));
      }
    }
    return null;
  }

  /** Stops the blocking pool; calls still running are interrupted. */
  void close() {
    blocking.shutdownNow();
  }

  private static Thread restThread(final Runnable r) {
    final Thread t = new Thread(r, "binance-rest");
    t.setDaemon(true);
    return t;
  }

  /** The {@link BinanceException} inside a failed stage's throwable. */
  static BinanceException unwrap(final Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof BinanceException)) {
      t = t.getCause();
    }
    return t == null ? new BinanceException(0, 0, String.valueOf(e), null) : (BinanceException) t;
  }
}
