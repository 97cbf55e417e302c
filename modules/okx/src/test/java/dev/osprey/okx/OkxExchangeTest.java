package dev.osprey.okx;

import static dev.osprey.okx.OkxVenueFixture.BTC_USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.testkit.OrderEventProbe;
import dev.osprey.testkit.okx.OkxSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OKX connector against the local OKX simulator: OKX's wire protocol, on loopback. */
class OkxExchangeTest {
  private OkxVenueFixture venue;
  private OkxSimulator sim;
  private OkxExchange okx;
  private final OrderEventProbe events = new OrderEventProbe();

  @BeforeEach
  void start() throws Exception {
    venue = new OkxVenueFixture();
    sim = venue.sim;
    sim.setTicker("BTC-USDT", "99.9", "100");
    okx = venue.connector();
    okx.subscribeOrderEvents(events);
  }

  @AfterEach
  void stop() {
    okx.close();
    venue.close();
  }

  private static void await(final java.util.concurrent.CompletionStage<?> stage) throws Exception {
    stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Buys 1 BTC-USDT at market on {@code okx}; its fill, once reported. */
  private OrderEvent.Filled buyOneAtMarket(final ClientOrderId id) throws Exception {
    await(okx.place(venue.market(id, Side.BUY, "1")));
    return events.await(id, OrderEvent.Filled.class);
  }

  @Test
  void shouldPlaceAMarketOrderAndReportTheAckThenTheFill() throws Exception {
    final ClientOrderId id = venue.nextId();
    final OrderEvent.Filled filled = buyOneAtMarket(id);
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
    assertEquals(Price.of("100"), filled.fill().price());
    assertEquals(Quantity.of("1"), filled.fill().amount());
    // OKX charges a BUY in base: 0.001 BTC, worth 0.1 USDT at the fill price.
    assertEquals(QuoteAmount.of("0.1"), filled.fill().feeQuote());
    assertFalse(filled.fill().maker());
    assertTrue(sim.demoHeaderSeen());
    assertFalse(sim.restWithoutDemoHeader());
  }

  @Test
  void shouldReportPartialFillsOfARestingLimitOrder() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.limit(id, Side.BUY, "1", "99")));
    events.await(id, OrderEvent.Accepted.class);
    sim.setTicker("BTC-USDT", "98", "10", "99", "0.4");
    events.awaitFilled(id, "0.4");
    sim.setTicker("BTC-USDT", "98", "10", "98.5", "5");
    events.awaitFilled(id, "1");
    assertEquals(List.of("Accepted", "Filled", "Filled"), events.kinds(id));
    final OrderEvent.Filled second = (OrderEvent.Filled) events.of(id).get(2);
    assertEquals(Price.of("99"), second.fill().price()); // resting: its own limit, as maker
    assertTrue(second.fill().maker());
    assertEquals(QuoteAmount.of("0.04752"), second.fill().feeQuote()); // 0.6 x 0.0008 BTC x 99
  }

  @Test
  void shouldCancelARestingOrderOnceAndIgnoreLaterCancels() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.limit(id, Side.BUY, "1", "90")));
    events.await(id, OrderEvent.Accepted.class);
    await(okx.cancel(id));
    events.await(id, OrderEvent.Cancelled.class);
    await(okx.cancel(id));
    await(okx.cancel(venue.nextId()));
    assertEquals(List.of("Accepted", "Cancelled"), events.kinds(id));
    // OKX's WebSocket trading ops name the instrument by the instIdCode its instruments list.
    assertEquals(2, sim.count("op-by:instIdCode"));
    assertEquals(0, sim.count("op-by:instId"));
  }

  /**
   * Pushes that arrive before the op's answer ({@code pushesBeforeAnswer}) or twice ({@code
   * duplicatePushes}) still make one ack, then one fill of the whole amount.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"pushesBeforeAnswer, BUY, 1", "duplicatePushes, SELL, 0.5"})
  void shouldReportOneAckThenOneFillWhateverThePushesDo(
      final String fault, final Side side, final String amount) throws Exception {
    if ("pushesBeforeAnswer".equals(fault)) {
      sim.pushesBeforeAnswer(true);
    } else {
      sim.duplicatePushes(true);
    }
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.market(id, side, amount)));
    events.await(id, OrderEvent.Filled.class);
    barrier();
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
    assertEquals(0, new BigDecimal(amount).compareTo(events.filled(id)));
  }

  @Test
  void shouldKeepEveryFillWhenPushesArriveReversed() throws Exception {
    sim.reversePushes(true);
    final ClientOrderId id = venue.nextId();
    sim.setTicker("BTC-USDT", "99.9", "10", "100", "0.4");
    await(okx.place(venue.limit(id, Side.BUY, "1", "101")));
    events.awaitFilled(id, "0.4");
    sim.setTicker("BTC-USDT", "99.9", "10", "100.5", "10");
    events.awaitFilled(id, "1");
    barrier();
    assertEquals(List.of("Accepted", "Filled", "Filled"), events.kinds(id));
  }

  @Test
  void shouldNotLoseAFillThatRacesACancel() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.limit(id, Side.BUY, "1", "99")));
    events.await(id, OrderEvent.Accepted.class);
    sim.holdFillPushes(true);
    sim.setTicker("BTC-USDT", "98", "10", "99", "0.4"); // fills 0.4; its push is late
    await(okx.cancel(id));
    events.await(id, OrderEvent.Cancelled.class);
    assertEquals(List.of("Accepted", "Filled", "Cancelled"), events.kinds(id));
    sim.holdFillPushes(false);
    sim.releaseHeldPushes(); // the late push of the same trade
    barrier();
    assertEquals(List.of("Accepted", "Filled", "Cancelled"), events.kinds(id));
  }

  @Test
  void shouldReconcileAnOrderWhoseAnswerWasLostWithTheSocket() throws Exception {
    sim.dropOnNextOrder(OkxSimulator.Drop.AFTER_ORDER);
    final ClientOrderId id = venue.nextId();
    buyOneAtMarket(id);
    assertEquals(2, sim.count("login"));
    assertEquals(1, sim.count("order:" + id.value()), "sent once: the look-up found it");
    barrier();
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldSendAnOrderLostOnTheWireOnceAfterReconnecting() throws Exception {
    sim.dropOnNextOrder(OkxSimulator.Drop.BEFORE_ORDER);
    final ClientOrderId id = venue.nextId();
    buyOneAtMarket(id);
    assertEquals(2, sim.count("order:" + id.value()), "the lost op, then its one resend");
    assertEquals(1, sim.orders().stream().filter(o -> o.get("clOrdId").equals(id.value())).count());
    barrier();
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldReportFillsMissedWhileDisconnected() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.limit(id, Side.BUY, "1", "99")));
    events.await(id, OrderEvent.Accepted.class);
    final int logins = sim.count("login");
    sim.holdFillPushes(true);
    sim.dropPrivateSockets();
    sim.setTicker("BTC-USDT", "98", "99"); // fills while the connector is away; push never comes
    events.awaitFilled(id, "1");
    assertEquals(logins + 1, sim.count("login"));
    assertEquals(List.of("Accepted", "Filled"), events.kinds(id));
  }

  @Test
  void shouldResubscribeTickersAfterThePublicSocketDrops() throws Exception {
    final LinkedBlockingQueue<TopOfBook> tops = new LinkedBlockingQueue<>();
    okx.subscribeMarket(BTC_USDT, tops::add);
    assertEquals(
        Price.of("99.9"), tops.poll(10, TimeUnit.SECONDS).bid()); // the latest, on subscribing
    sim.setTicker("BTC-USDT", "101", "102");
    assertEquals(Price.of("101"), tops.poll(10, TimeUnit.SECONDS).bid());
    sim.dropPublicSockets();
    await(sim.await("subscribe:tickers:BTC-USDT", 2));
    assertEquals(
        Price.of("101"), tops.poll(10, TimeUnit.SECONDS).bid()); // again after resubscribing
    sim.setTicker("BTC-USDT", "103", "104");
    final TopOfBook top = tops.poll(10, TimeUnit.SECONDS);
    assertEquals(Price.of("104"), top.ask());
    assertEquals(Optional.of(top), okx.topOfBook(BTC_USDT));
  }

  @Test
  void shouldGiveAClearErrorWhenOkxRateLimitsAnOrder() throws Exception {
    sim.rateLimitNextOrders(1);
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.market(id, Side.BUY, "1")));
    final OrderEvent.Rejected rejected = events.await(id, OrderEvent.Rejected.class);
    assertEquals(RejectReason.VENUE_ERROR, rejected.reason());
    assertTrue(
        rejected.message().contains("50011") && rejected.message().contains("rate limit"),
        rejected.message());
    final ClientOrderId next = venue.nextId();
    await(okx.place(venue.market(next, Side.BUY, "1")));
    events.await(next, OrderEvent.Filled.class);
  }

  @Test
  void shouldRejectAnOrderBelowTheMinimumSizeWithOkxsReason() throws Exception {
    final ClientOrderId id = venue.nextId();
    await(okx.place(venue.market(id, Side.BUY, "0.0005")));
    final OrderEvent.Rejected rejected = events.await(id, OrderEvent.Rejected.class);
    assertEquals(RejectReason.TRADING_RULE, rejected.reason());
    assertTrue(rejected.message().contains("51020"), rejected.message());
  }

  @Test
  void shouldHoldTheSixtyFirstOrderOfAnInstrumentForTheRateLimitWindow() throws Exception {
    final long started = System.nanoTime();
    java.util.concurrent.CompletableFuture<?> sixtyFirst = null;
    for (int i = 0; i < 61; i++) {
      sixtyFirst = okx.place(venue.limit(venue.nextId(), Side.BUY, "0.001", "50")).toCompletableFuture();
    }
    // The 62nd waits too; cancelled while it waits, it never reaches OKX.
    final ClientOrderId sixtySecond = venue.nextId();
    final java.util.concurrent.CompletableFuture<?> held =
        okx.place(venue.limit(sixtySecond, Side.BUY, "0.001", "50")).toCompletableFuture();
    await(okx.cancel(sixtySecond));
    assertEquals(List.of("Cancelled"), events.kinds(sixtySecond));
    await(sim.await("order", 60));
    sixtyFirst.get(10, TimeUnit.SECONDS);
    final long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(elapsedMs >= 1_900, "the 61st order went out after " + elapsedMs + " ms");
    held.get(10, TimeUnit.SECONDS);
    assertEquals(61, sim.count("order"));
    assertEquals(0, sim.count("order:" + sixtySecond.value()));
  }

  @Test
  void shouldLookUpAnOrderPlacedBeforeARestart() throws Exception {
    final ClientOrderId id = venue.nextId();
    buyOneAtMarket(id);
    try (OkxExchange restarted = venue.connector()) {
      final VenueOrder order =
          restarted.lookup(id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
      assertEquals(VenueOrder.State.FILLED, order.state());
      assertEquals(Quantity.of("1"), order.executedBase());
      assertEquals(1, order.fills().size());
      assertEquals(QuoteAmount.of("0.1"), order.fills().get(0).feeQuote());
      assertEquals(venue.market(id, Side.BUY, "1"), order.request());
      assertEquals(
          Optional.empty(),
          restarted.lookup(venue.nextId()).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void shouldLoadTradingRulesAndBalances() {
    assertEquals(
        Optional.of(
            new TradingRules(
                new BigDecimal("0.001"),
                BigDecimal.ZERO,
                new BigDecimal("0.1"),
                new BigDecimal("0.0001"))),
        okx.tradingRules(BTC_USDT));
    assertEquals(0, new BigDecimal("10000").compareTo(okx.balances().get("USDT")));
  }

  @Test
  void shouldSubscribeAListedPairOnTheFirstQuestionAboutItsTopOfBook() {
    final TopOfBook top = okx.topOfBook(BTC_USDT).orElseThrow();
    assertEquals(Price.of("99.9"), top.bid());
    assertEquals(Price.of("100"), top.ask());
    assertEquals(
        Optional.empty(), okx.topOfBook(dev.osprey.domain.market.TradingPair.parse("NOPE-USDT")));
  }

  @Test
  void shouldSignOnOkxsTimeWhenTheLocalClockIsOff() throws Exception {
    // OKX refuses timestamps more than 30 s off its clock; this venue is 5 minutes ahead.
    try (OkxVenueFixture ahead =
            new OkxVenueFixture(Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(5)));
        OkxExchange connector = ahead.connector()) {
      assertEquals(0, new BigDecimal("10000").compareTo(connector.balances().get("USDT")));
      final OrderEventProbe seen = new OrderEventProbe();
      connector.subscribeOrderEvents(seen);
      ahead.sim.setTicker("BTC-USDT", "99.9", "100");
      final ClientOrderId id = ahead.nextId();
      await(connector.place(ahead.market(id, Side.BUY, "1")));
      seen.await(id, OrderEvent.Filled.class);
      assertEquals(0, ahead.sim.count("login:rejected"));
    }
  }

  @Test
  void shouldFailWithAClearErrorWhenOkxRejectsTheLogin() throws Exception {
    sim.rejectLogins(true);
    try (OkxExchange rejected =
        new OkxExchange(venue.config(OkxVenueFixture.KEYS), Clock.systemUTC())) {
      final ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> rejected.start().toCompletableFuture().get(10, TimeUnit.SECONDS));
      final OkxException cause = assertInstanceOf(OkxException.class, e.getCause());
      assertEquals("60009", cause.code());
      assertTrue(cause.getMessage().contains("OKX_API_KEY"), cause.getMessage());
      // OKX takes no order from it: refused by event, with the reason, not left hanging.
      final OrderEventProbe refusals = new OrderEventProbe();
      rejected.subscribeOrderEvents(refusals);
      final ClientOrderId id = venue.nextId();
      await(rejected.place(venue.market(id, Side.BUY, "1")));
      final OrderEvent.Rejected refused = refusals.await(id, OrderEvent.Rejected.class);
      assertTrue(refused.message().contains("60009"), refused.message());
      assertEquals(0, sim.count("order"));
    }
  }

  @Test
  void shouldRefuseAWrongSecretThroughTheSignatureCheck() throws Exception {
    final OkxCredentials wrong =
        new OkxCredentials(OkxSimulator.API_KEY, "not-the-secret", OkxSimulator.PASSPHRASE);
    try (OkxExchange rejected = new OkxExchange(venue.config(wrong), Clock.systemUTC())) {
      final ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> rejected.start().toCompletableFuture().get(10, TimeUnit.SECONDS));
      final String message = e.getCause().getMessage();
      assertTrue(message.contains("60007") || message.contains("50113"), message);
      assertFalse(message.contains("not-the-secret"), message);
    }
  }

  /**
   * Waits until everything the simulator sent before now has been handled: a fresh order's fill
   * comes after the earlier pushes on the same socket, and the connector handles them in order.
   */
  private void barrier() throws Exception {
    final ClientOrderId marker = venue.nextId();
    await(okx.place(venue.market(marker, Side.SELL, "0.001")));
    events.await(marker, OrderEvent.Filled.class);
  }
}
