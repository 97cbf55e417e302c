package dev.osprey.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.testkit.OrderEventProbe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The connector against Binance's real spot testnet (test money), for a machine with internet
 * access and testnet API keys: {@code BINANCE_API_KEY}, {@code BINANCE_SECRET_KEY} (see
 * src-docs/venues.md). Skipped without them; refuses to run with {@code BINANCE_USE_TESTNET=false}.
 * Places a LIMIT_MAKER BTCUSDT buy far below the market (it never fills), finds it by client order
 * id and cancels it; with {@code BINANCE_TESTNET_IT_FILL=true} also buys and sells the minimum
 * notional's worth at market.
 */
@EnabledIfEnvironmentVariable(named = "BINANCE_API_KEY", matches = ".+")
class BinanceTestnetIT {
  private static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  private static final OrderEventProbe EVENTS = new OrderEventProbe();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static ActorSystem system;
  private static BinanceExchange binance;

  @BeforeAll
  static void connect() throws Exception {
    final BinanceConfig config = BinanceConfig.fromEnv("binance", System.getenv());
    if (!config.testnet()) {
      throw new IllegalStateException(
          "BinanceTestnetIT trades: it runs against the spot testnet only (unset"
              + " BINANCE_USE_TESTNET)");
    }
    system = ActorSystem.create("binance-testnet-it");
    binance = new BinanceExchange(config, Clock.systemUTC(), system);
    binance.subscribeOrderEvents(EVENTS);
    binance.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() {
    if (binance != null) {
      binance.close();
    }
    if (system != null) {
      system.terminate();
    }
  }

  private static ClientOrderId id(final int n) {
    return ClientOrderId.forExecutor("binance-testnet-it-" + RUN, n);
  }

  private static OrderRequest order(
      final ClientOrderId id,
      final Side side,
      final OrderType type,
      final BigDecimal qty,
      final Price price) {
    return new OrderRequest(
        id, "binance", PAIR, side, type, Quantity.of(qty), price, PositionAction.NIL);
  }

  /** {@code times} Binance's minimum notional (at least 10 USDT) worth at {@code price}. */
  private static BigDecimal sizeFor(
      final TradingRules rules, final Price price, final String times) {
    final BigDecimal notional =
        rules.minNotional().max(BigDecimal.TEN).multiply(new BigDecimal(times));
    return rules
        .floorAmount(notional.divide(price.value(), 8, RoundingMode.UP))
        .value()
        .max(rules.minOrderSize());
  }

  @Test
  void shouldReadTradingRulesAndTheBookTicker() {
    final TradingRules rules = binance.tradingRules(PAIR).orElseThrow();
    assertTrue(
        rules.priceIncrement().signum() > 0 && rules.baseIncrement().signum() > 0, rules::toString);
    final TopOfBook top = binance.topOfBook(PAIR).orElseThrow();
    assertTrue(top.bid().le(top.ask()), top::toString);
  }

  @Test
  void shouldPlaceFindAndCancelARestingOrder() throws Exception {
    final TradingRules rules = binance.tradingRules(PAIR).orElseThrow();
    final Price farBelow =
        rules.floorPrice(binance.topOfBook(PAIR).orElseThrow().bid().scale(new BigDecimal("0.8")));
    final BigDecimal qty = sizeFor(rules, farBelow, "1.5");
    final ClientOrderId id = id(1);
    binance
        .place(order(id, Side.BUY, OrderType.LIMIT_MAKER, qty, farBelow))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.await(id, OrderEvent.Accepted.class);
    final VenueOrder found =
        binance.lookup(id).toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow();
    assertEquals(VenueOrder.State.OPEN, found.state());
    binance.cancel(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
    EVENTS.await(id, OrderEvent.Cancelled.class);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "BINANCE_TESTNET_IT_FILL", matches = "true")
  void shouldBuyAndSellAtMarket() throws Exception {
    final TradingRules rules = binance.tradingRules(PAIR).orElseThrow();
    final Price ask = binance.topOfBook(PAIR).orElseThrow().ask();
    final BigDecimal qty = sizeFor(rules, ask, "2");
    final ClientOrderId buy = id(2);
    binance
        .place(order(buy, Side.BUY, OrderType.MARKET, qty, null))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.awaitFilled(buy, qty.toPlainString());
    final ClientOrderId sell = id(3);
    final BigDecimal half = rules.floorAmount(qty.divide(BigDecimal.valueOf(2))).value();
    binance
        .place(order(sell, Side.SELL, OrderType.MARKET, half, null))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.await(sell, OrderEvent.Filled.class);
  }
}
