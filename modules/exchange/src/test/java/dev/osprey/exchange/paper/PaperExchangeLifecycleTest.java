package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.T0;
import static dev.osprey.exchange.paper.PaperFixture.assertBalance;
import static dev.osprey.exchange.paper.PaperFixture.assertDecimal;
import static dev.osprey.exchange.paper.PaperFixture.assertLocked;
import static dev.osprey.exchange.paper.PaperFixture.fills;
import static dev.osprey.exchange.paper.PaperFixture.kinds;
import static dev.osprey.exchange.paper.PaperFixture.limit;
import static dev.osprey.exchange.paper.PaperFixture.market;
import static dev.osprey.exchange.paper.PaperFixture.px;
import static dev.osprey.exchange.paper.PaperFixture.qty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Cancels, idempotent places, ids, lookups and the delivery of events. */
class PaperExchangeLifecycleTest extends QuotedVenueTest {

  @Test
  void shouldReleaseLockedQuoteAndEmitCancelledWhenRestingOrderIsCancelled() {
    venue.place(limit("l-1", Side.BUY, "0.1", "64000"));
    assertLocked(venue, "USDT", "6406.4");

    venue.cancel(ClientOrderId.of("l-1"));

    assertEquals(new OrderEvent.Cancelled(ClientOrderId.of("l-1"), T0), events.get(1));
    assertTrue(venue.lockedBalances().isEmpty());
    assertBalance(venue, "USDT", "100000");
    assertEquals(VenueOrder.State.CANCELLED, lookup("l-1").state());
    assertTrue(venue.openOrders().isEmpty());
  }

  @Test
  void shouldKeepPartialFillAndReleaseOnlyTheRestOnCancel() {
    venue.place(limit("l-1", Side.SELL, "1", "65500"));
    venue.setQuote(BTC, px("65500"), px("65600"), qty("0.4"), null);
    assertLocked(venue, "BTC", "0.6");

    venue.cancel(ClientOrderId.of("l-1"));

    assertEquals(List.of("Accepted", "Filled", "Cancelled"), kinds(events));
    assertTrue(venue.lockedBalances().isEmpty());
    assertBalance(venue, "BTC", "0.6");
    assertDecimal("0.4", lookup("l-1").executedBase().value());
  }

  @Test
  void shouldIgnoreCancelOfUnknownOrFinishedOrder() {
    venue.place(market("m-1", Side.BUY, "0.01"));
    venue.place(limit("l-1", Side.BUY, "0.1", "64000"));
    venue.cancel(ClientOrderId.of("l-1"));
    final int before = events.size();

    venue.cancel(ClientOrderId.of("unknown"));
    venue.cancel(ClientOrderId.of("m-1"));
    venue.cancel(ClientOrderId.of("l-1"));

    assertEquals(before, events.size());
    assertEquals(VenueOrder.State.FILLED, lookup("m-1").state());
  }

  @Test
  void shouldRepublishEventsAndChangeNothingWhenPlacingAKnownClientOrderIdAgain() {
    venue.place(market("m-1", Side.BUY, "0.01"));
    final List<OrderEvent> first = List.copyOf(events);
    final Map<String, BigDecimal> balances = venue.balances();

    venue.place(market("m-1", Side.BUY, "0.01"));

    assertEquals(first, events.subList(2, 4));
    assertEquals(balances, venue.balances());
    final List<String> tradeIds = fills(events).stream().map(f -> f.fill().tradeId()).toList();
    assertEquals(List.of("paper-T1", "paper-T1"), tradeIds);
  }

  @Test
  void shouldRepublishOriginalRejectionForAKnownRejectedId() {
    venue.place(market("m-1", Side.SELL, "5"));

    venue.place(market("m-1", Side.SELL, "0.1"));

    assertEquals(events.get(0), events.get(1));
    assertEquals(RejectReason.INSUFFICIENT_BALANCE, ((OrderEvent.Rejected) events.get(1)).reason());
    assertBalance(venue, "BTC", "1");
  }

  @Test
  void shouldGiveEveryFillAndEveryAcceptedOrderItsOwnId() {
    venue.setQuote(BTC, px("64990"), px("65010"), qty("0.1"), qty("0.1"));
    venue.place(market("a", Side.BUY, "0.25"));
    venue.place(limit("b", Side.SELL, "0.2", "64000"));
    venue.setQuote(BTC, px("64995"), px("65005"), qty("0.1"), qty("0.1"));
    venue.setQuote(BTC, px("64995"), px("65005"));

    final List<String> tradeIds = fills(events).stream().map(f -> f.fill().tradeId()).toList();
    assertEquals(
        List.of("paper-T1", "paper-T2", "paper-T3", "paper-T4", "paper-T5"), tradeIds);
    assertEquals("paper-O1", lookup("a").exchangeOrderId());
    assertEquals("paper-O2", lookup("b").exchangeOrderId());
  }

  @Test
  void shouldLookUpOrdersAndReplayThemAsEvents() {
    venue.setQuote(BTC, px("64990"), px("65010"), null, qty("0.3"));
    venue.place(market("m-1", Side.BUY, "0.5"));
    venue.place(market("m-2", Side.SELL, "9"));

    final VenueOrder open = lookup("m-1");
    assertEquals(VenueOrder.State.OPEN, open.state());
    assertEquals("paper-O1", open.exchangeOrderId());
    assertDecimal("0.2", open.remaining().value());
    assertEquals(events.subList(0, 2), open.asEvents());

    venue.cancel(ClientOrderId.of("m-1"));
    assertEquals(events.subList(0, 2), lookup("m-1").asEvents().subList(0, 2));
    assertEquals(
        new OrderEvent.Cancelled(ClientOrderId.of("m-1"), T0), lookup("m-1").asEvents().get(2));

    final VenueOrder rejected = lookup("m-2");
    assertEquals(VenueOrder.State.REJECTED, rejected.state());
    assertNull(rejected.exchangeOrderId());
    assertEquals(List.of(events.get(2)), rejected.asEvents());
    assertTrue(venue.lookup(ClientOrderId.of("never")).toCompletableFuture().join().isEmpty());
  }

  @Test
  void shouldDeliverEventsCausedInsideAListenerAfterTheCurrentOneToEveryListener() {
    final ExchangeConnector connector = venue;
    connector.subscribeOrderEvents(
        e -> {
          if (e instanceof OrderEvent.Filled f && f.clientOrderId().value().equals("first")) {
            connector.place(market("second", Side.SELL, "0.01"));
          }
        });
    final List<String> seenLater = new ArrayList<>();
    connector.subscribeOrderEvents(e -> seenLater.add(e.clientOrderId() + ":" + kind(e)));

    connector.place(market("first", Side.BUY, "0.01"));

    assertEquals(
        List.of("first:Accepted", "first:Filled", "second:Accepted", "second:Filled"), seenLater);
  }

  @Test
  void shouldStopDeliveringAfterSubscriptionIsClosedAndSurviveAFailingListener() {
    final List<OrderEvent> closed = new ArrayList<>();
    final ExchangeConnector.Subscription sub = venue.subscribeOrderEvents(closed::add);
    venue.subscribeOrderEvents(e -> {
      throw new IllegalStateException("listener bug");
    });
    final List<OrderEvent> after = new ArrayList<>();
    venue.subscribeOrderEvents(after::add);
    final List<Object> market = new ArrayList<>();
    final ExchangeConnector.Subscription marketSub = venue.subscribeMarket(BTC, market::add);

    venue.place(market("m-1", Side.BUY, "0.01"));
    sub.close();
    marketSub.close();
    venue.place(market("m-2", Side.BUY, "0.01"));
    venue.setQuote(BTC, px("64991"), px("65011"));

    assertEquals(2, closed.size());
    assertEquals(4, after.size());
    assertTrue(market.isEmpty());
  }

  @Test
  void shouldStayConsistentUnderConcurrentPlacesAndQuotes() throws InterruptedException {
    venue.setBalances(Map.of("USDT", new BigDecimal("10000000"), "BTC", new BigDecimal("100")));
    final List<OrderEvent> seen = Collections.synchronizedList(new ArrayList<>());
    venue.subscribeOrderEvents(seen::add);
    final int threads = 4;
    final int perThread = 50;
    final CountDownLatch start = new CountDownLatch(1);
    final List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final int worker = t;
      workers.add(new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < perThread; i++) {
          final Side side = (i + worker) % 2 == 0 ? Side.BUY : Side.SELL;
          venue.place(market("w" + worker + "-" + i, side, "0.01"));
          venue.setQuote(BTC, px("64990"), px("65010"), qty("0.05"), qty("0.05"));
        }
      }));
    }
    workers.forEach(Thread::start);
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    venue.setQuote(BTC, px("64990"), px("65010"));

    final List<OrderEvent.Filled> fills = fills(new ArrayList<>(seen));
    final Set<String> tradeIds = new HashSet<>();
    BigDecimal netBase = BigDecimal.ZERO;
    for (OrderEvent.Filled f : fills) {
      tradeIds.add(f.fill().tradeId());
    }
    for (VenueOrder o : allOrders(threads, perThread)) {
      assertEquals(VenueOrder.State.FILLED, o.state());
      final BigDecimal base = o.executedBase().value();
      netBase = netBase.add(o.request().side() == Side.BUY ? base : base.negate());
    }
    assertEquals(fills.size(), tradeIds.size());
    assertDecimal(new BigDecimal("100").add(netBase).toPlainString(), venue.balances().get("BTC"));
    assertTrue(venue.lockedBalances().isEmpty());
  }

  private List<VenueOrder> allOrders(final int threads, final int perThread) {
    final List<VenueOrder> out = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        out.add(lookup("w" + t + "-" + i));
      }
    }
    return out;
  }

  private static void awaitQuietly(final CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String kind(final OrderEvent e) {
    return e.getClass().getSimpleName();
  }

  private VenueOrder lookup(final String id) {
    return venue.lookup(ClientOrderId.of(id)).toCompletableFuture().join().orElseThrow();
  }
}
