package dev.osprey.okx;

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
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The connector against OKX's real demo trading (simulated money), for a machine with internet
 * access and demo API keys: {@code OKX_API_KEY}, {@code OKX_SECRET_KEY}, {@code OKX_PASSPHRASE}
 * (see src-docs/venues.md). Skipped without them; refuses to run with {@code OKX_USE_DEMO=false}.
 * Places a post-only BTC-USDT buy far below the market (it never fills), finds it by client order
 * id, and cancels it; with {@code OKX_DEMO_IT_FILL=true} also buys twice the minimum size at market
 * and sells the minimum.
 */
@EnabledIfEnvironmentVariable(named = "OKX_API_KEY", matches = ".+")
class OkxDemoIT {
  private static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  private static OkxExchange okx;
  private static final OrderEventProbe EVENTS = new OrderEventProbe();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  @BeforeAll
  static void connect() throws Exception {
    final OkxConfig config = OkxConfig.fromEnv("okx", System.getenv());
    if (!config.demo()) {
      throw new IllegalStateException(
          "OkxDemoIT trades: it runs against demo trading only (unset OKX_USE_DEMO)");
    }
    okx = new OkxExchange(config, Clock.systemUTC());
    okx.subscribeOrderEvents(EVENTS);
    okx.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() {
    if (okx != null) {
      okx.close();
    }
  }

  private static ClientOrderId id(final int n) {
    return ClientOrderId.forExecutor("okx-demo-it-" + RUN, n);
  }

  @Test
  void shouldReadTradingRulesAndATicker() {
    final TradingRules rules = okx.tradingRules(PAIR).orElseThrow();
    assertTrue(
        rules.priceIncrement().signum() > 0 && rules.baseIncrement().signum() > 0, rules::toString);
    final TopOfBook top = okx.topOfBook(PAIR).orElseThrow();
    assertTrue(top.bid().le(top.ask()), top::toString);
  }

  @Test
  void shouldPlaceFindAndCancelARestingOrder() throws Exception {
    final TradingRules rules = okx.tradingRules(PAIR).orElseThrow();
    final Price farBelow =
        rules.floorPrice(okx.topOfBook(PAIR).orElseThrow().bid().scale(new BigDecimal("0.5")));
    final ClientOrderId id = id(1);
    okx.place(
            new OrderRequest(
                id,
                "okx",
                PAIR,
                Side.BUY,
                OrderType.LIMIT_MAKER,
                Quantity.of(rules.minOrderSize()),
                farBelow,
                PositionAction.NIL))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.await(id, OrderEvent.Accepted.class);
    final VenueOrder found =
        okx.lookup(id).toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow();
    assertEquals(VenueOrder.State.OPEN, found.state());
    okx.cancel(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
    EVENTS.await(id, OrderEvent.Cancelled.class);
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "OKX_DEMO_IT_FILL", matches = "true")
  void shouldBuyAndSellTheMinimumAtMarket() throws Exception {
    final BigDecimal min = okx.tradingRules(PAIR).orElseThrow().minOrderSize();
    // Twice the minimum: the BUY's fee is taken in BTC, and the minimum must still be there to
    // sell.
    final Quantity size = Quantity.of(min.multiply(BigDecimal.valueOf(2)));
    final ClientOrderId buy = id(2);
    okx.place(
            new OrderRequest(
                buy, "okx", PAIR, Side.BUY, OrderType.MARKET, size, null, PositionAction.NIL))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.awaitFilled(buy, size.value().toPlainString());
    final ClientOrderId sell = id(3);
    okx.place(
            new OrderRequest(
                sell,
                "okx",
                PAIR,
                Side.SELL,
                OrderType.MARKET,
                Quantity.of(min),
                null,
                PositionAction.NIL))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    EVENTS.await(sell, OrderEvent.Filled.class);
  }
}
