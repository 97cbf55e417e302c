package dev.osprey.binance;

import static dev.osprey.binance.BinanceVenueFixture.BTC_USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.testkit.OrderEventProbe;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Binance connector against the local Binance simulator: Binance's wire protocol, on loopback.
 */
class BinanceExchangeTest {
  private BinanceVenueFixture venue;
  private BinanceSimulator sim;
  private BinanceExchange binance;
  private final OrderEventProbe events = new OrderEventProbe();

  @BeforeEach
  void start() throws Exception {
    venue = new BinanceVenueFixture();
    sim = venue.sim;
    sim.setTicker("BTCUSDT", "99.9", "100");
    binance = venue.connector();
    binance.subscribeOrderEvents(events);
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  private static void await(final CompletionStage<?> stage) throws Exception {
    stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldListTradingRulesAndQuoteTheBookTicker() {
    assertEquals(
        new BigDecimal("0.001"), binance.tradingRules(BTC_USDT).orElseThrow().minOrderSize());
    assertEquals(
        new BigDecimal("0.0001"), binance.tradingRules(BTC_USDT).orElseThrow().baseIncrement());
    assertEquals(Price.of("99.9"), binance.topOfBook(BTC_USDT).orElseThrow().bid());
    assertEquals(Price.of("100"), binance.topOfBook(BTC_USDT).orElseThrow().ask());
    assertEquals(new BigDecimal("10000"), binance.balances().get("USDT"));
  }

  @Test
  void shouldFillAMarketBuyOnceWithTheBaseFeeValuedInQuote() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.BUY, "0.01")));
    final OrderEvent.Filled f = events.await(id, OrderEvent.Filled.class);
    assertEquals(Price.of("100"), f.fill().price());
    assertEquals(Quantity.of("0.01"), f.fill().amount());
    // Binance charges 0.00001 BTC (0.1 % of 0.01), worth 0.001 USDT at 100.
    assertEquals(
        0, new QuoteAmount(new BigDecimal("0.001")).value().compareTo(f.fill().feeQuote().value()));
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
    assertEquals(1, sim.count("order"));
    assertEquals(1, sim.count("order:" + id.value()));
  }

  @Test
  void shouldCountEachFillOnceWhenReportsComeTwiceAndReversed() throws Exception {
    sim.duplicateReports(true);
    sim.reverseReports(true);
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.SELL, "0.02")));
    events.awaitFilled(id, "0.02");
    final ClientOrderId probe = venue.nextId();
    await(binance.place(venue.market(probe, Side.BUY, "0.001"))); // its reports come after id's
    events.awaitFilled(probe, "0.001");
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
    assertEquals(new BigDecimal("0.02"), events.filled(id));
  }

  @Test
  void shouldFillARestingLimitOrderAsMakerWhenTheMarketCrosses() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "95")));
    events.await(id, OrderEvent.Accepted.class);
    sim.setTicker("BTCUSDT", "94", "94.5");
    final OrderEvent.Filled f = events.await(id, OrderEvent.Filled.class);
    assertEquals(Price.of("95"), f.fill().price());
    assertTrue(f.fill().maker());
    // 0.08 % of 0.01 BTC = 0.000008 BTC, worth 0.00076 USDT at 95.
    assertEquals(0, new BigDecimal("0.00076").compareTo(f.fill().feeQuote().value()));
  }

  @Test
  void shouldReportPartialFillsThenCancelTheRest() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "95")));
    sim.setTicker("BTCUSDT", "94", "1", "94.5", "0.004");
    events.awaitFilled(id, "0.004");
    sim.setTicker("BTCUSDT", "94", "1", "94.5", "0.003");
    events.awaitFilled(id, "0.007");
    await(binance.cancel(id));
    events.await(id, OrderEvent.Cancelled.class);
    assertEquals(List.of("Accepted", "Filled", "Filled", "Cancelled"), events.kinds(id));
    final VenueOrder cancelled =
        binance.lookup(id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(VenueOrder.State.CANCELLED, cancelled.state());
    assertEquals(Quantity.of("0.007"), cancelled.executedBase());
  }

  @Test
  void shouldCancelARestingOrderOnce() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "90")));
    await(binance.cancel(id));
    events.await(id, OrderEvent.Cancelled.class);
    assertEquals(List.of("Accepted", "Cancelled"), events.kinds(id));
    assertEquals(1, sim.count("cancel:" + id.value()));
  }

  @Test
  void shouldKeepTheFillWhenItWinsTheRaceWithTheCancel() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "95")));
    sim.dropUserStreams(); // the fill's report is lost: only the cancel's look-up can tell
    sim.setTicker("BTCUSDT", "94", "94.5");
    await(binance.cancel(id)); // Binance answers -2011 Unknown order sent.
    events.awaitFilled(id, "0.01");
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldReconcileAnOrderWhoseAnswerAndReportsWereLost() throws Exception {
    sim.loseAnswerOfNextOrders(1);
    sim.dropUserStreamOnNextOrder();
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.BUY, "0.01")));
    events.awaitFilled(id, "0.01");
    await(sim.await("connect:user", 2));
    assertEquals(1, sim.count("order:" + id.value()), "sent once");
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldSendOnceMoreAnOrderThatNeverArrived() throws Exception {
    sim.loseNextOrders(1);
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.BUY, "0.01")));
    events.awaitFilled(id, "0.01");
    assertEquals(2, sim.count("order:" + id.value()), "the lost one, then the one that arrived");
    assertEquals(
        1, sim.orders().stream().filter(o -> id.value().equals(o.get("clientOrderId"))).count());
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldReportAFillMadeWhileTheUserStreamWasDownOnce() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "95")));
    events.await(id, OrderEvent.Accepted.class);
    sim.dropUserStreams();
    sim.setTicker("BTCUSDT", "94", "94.5");
    await(sim.await("connect:user", 2));
    events.awaitFilled(id, "0.01");
    final ClientOrderId after = venue.nextId(); // its fill comes after any late report of id's
    await(binance.place(venue.market(after, Side.BUY, "0.001")));
    events.awaitFilled(after, "0.001");
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldNotSendAgainAnOrderAnEarlierRunPlaced() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.BUY, "0.01")));
    events.awaitFilled(id, "0.01");
    final BinanceExchange restarted = venue.connector();
    final OrderEventProbe after = new OrderEventProbe();
    restarted.subscribeOrderEvents(after);
    await(restarted.place(venue.market(id, Side.BUY, "0.01")));
    after.awaitFilled(id, "0.01");
    assertEquals(1, sim.count("order:" + id.value()));
    final VenueOrder known =
        restarted.lookup(id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(VenueOrder.State.FILLED, known.state());
    assertEquals(1, known.fills().size());
  }

  @Test
  void shouldFindAnOpenOrderOfAnEarlierRunByClientOrderId() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.limit(id, Side.BUY, "0.01", "90")));
    final BinanceExchange restarted = venue.connector();
    final VenueOrder open =
        restarted.lookup(id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(VenueOrder.State.OPEN, open.state());
    assertEquals(Price.of("90"), open.request().price());
    assertTrue(
        restarted.lookup(venue.nextId()).toCompletableFuture().get(10, TimeUnit.SECONDS).isEmpty());
  }

  @Test
  void shouldRefuseWithTheCodeAndLimitOnA429AndSendNothingUntilRetryAfter() throws Exception {
    sim.rateLimitNextOrders(1, 60);
    final ClientOrderId id = venue.nextId();
    await(binance.place(venue.market(id, Side.BUY, "0.01")));
    final OrderEvent.Rejected r = events.await(id, OrderEvent.Rejected.class);
    assertTrue(
        r.message().contains("-1015") && r.message().contains("order rate limit"), r.message());
    final ClientOrderId next = venue.nextId();
    await(binance.place(venue.market(next, Side.BUY, "0.01")));
    final OrderEvent.Rejected paused = events.await(next, OrderEvent.Rejected.class);
    assertTrue(paused.message().contains("for 60 s"), paused.message());
    assertEquals(1, sim.count("order"), "no retry storm: the second order never left");
  }

  @Test
  void shouldReconnectTheMarketStreamAndResubscribe() throws Exception {
    final CompletableFuture<Price> moved = new CompletableFuture<>();
    binance.subscribeMarket(
        BTC_USDT,
        top -> {
          if (top.bid().equals(Price.of("101"))) {
            moved.complete(top.bid());
          }
        });
    await(sim.await("subscribe:btcusdt@bookTicker", 1));
    sim.dropMarketStreams();
    await(sim.await("subscribe:btcusdt@bookTicker", 2));
    sim.setTicker("BTCUSDT", "101", "101.5");
    assertEquals(Price.of("101"), moved.get(10, TimeUnit.SECONDS));
    assertEquals(Price.of("101"), binance.topOfBook(BTC_USDT).orElseThrow().bid());
  }

  @Test
  void shouldKeepTheListenKeyAlive() throws Exception {
    final BinanceExchange keeping =
        new BinanceExchange(
            venue
                .config(BinanceVenueFixture.KEYS)
                .withTimings(
                    new BinanceConfig.Timings(
                        Duration.ofMillis(20),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(50),
                        Duration.ofSeconds(5))),
            Clock.systemUTC(),
            venue.system);
    try {
      await(keeping.start());
      await(sim.await("listenKey:PUT", 2));
    } finally {
      keeping.close();
    }
  }

  @Test
  void shouldRefuseOrdersWithBinancesMessageWhenTheKeyIsRejected() throws Exception {
    final BinanceExchange bad =
        venue.unstarted(new BinanceCredentials(BinanceSimulator.API_KEY, "not-the-secret"));
    final Exception failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class, () -> bad.start().toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("-1022"), failed.getCause().getMessage());
    final OrderEventProbe refused = new OrderEventProbe();
    bad.subscribeOrderEvents(refused);
    final ClientOrderId id = venue.nextId();
    await(bad.place(venue.market(id, Side.BUY, "0.01")));
    final String message = refused.await(id, OrderEvent.Rejected.class).message();
    assertTrue(message.contains("-1022") && message.contains("BINANCE_SECRET_KEY"), message);
    assertEquals(0, sim.count("order"));
  }
}
