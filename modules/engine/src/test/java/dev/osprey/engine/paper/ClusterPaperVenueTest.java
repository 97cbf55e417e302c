package dev.osprey.engine.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.osprey.engine.TestNodeConfig;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node's connector to a paper venue entity: a change made through it completes once this node
 * applied it (an order's immediate fill has reached the listeners by then), quotes reach the
 * market listeners after the fills they caused, and the replica answers the book, rules and
 * balances without asking.
 */
class ClusterPaperVenueTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T09:00:00Z");
  private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
  private static final MarketConfig FEES =
      new MarketConfig(new BigDecimal("0.0002"), new BigDecimal("0.001"), TradingRules.DEFAULT);
  private static ActorTestKit testKit;
  private static ClusterPaperVenue venue;
  private static PaperVenueSpec walking;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestNodeConfig.inMemory());
    final Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    final PaperVenueSpec spec =
        PaperVenueSpec.of("paper", FEES, Map.of("USDT", new BigDecimal("100000")));
    walking = new PaperVenueSpec("walking", FEES, Map.of(), dev.osprey.exchange.Contracts.SPOT,
        java.util.Optional.of(new PaperVenueSpec.RandomWalk(Map.of(BTC, new BigDecimal("65000")),
            Duration.ofHours(1), 42, 5, new BigDecimal("0.0002"))), java.util.Optional.empty());
    PaperVenueEntity.init(testKit.system(), Map.of("paper", spec, "walking", walking), CLOCK);
    venue = ClusterPaperVenue.start(testKit.system(), spec, Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  @AfterAll
  static void stop() {
    venue.close();
    testKit.shutdownTestKit();
  }

  private static <T> T await(final java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static OrderRequest order(final String id, final Side side, final OrderType type, final String price) {
    return new OrderRequest(ClientOrderId.of(id), "paper", BTC, side, type, Quantity.of("0.5"),
        price == null ? null : Price.of(price), PositionAction.NIL);
  }

  @Test
  void shouldDeliverFillsBeforeThePlacementCompletesAndQuotesAfterTheFillsTheyCaused() throws Exception {
    final List<Object> heard = new CopyOnWriteArrayList<>();
    venue.subscribeOrderEvents(heard::add);
    venue.subscribeMarket(BTC, heard::add);
    await(venue.setQuote(BTC, Price.of("64990"), Price.of("65000"), null, null));
    assertEquals(Price.of("65000"), venue.topOfBook(BTC).orElseThrow().ask(), "read your write");
    assertEquals(FEES.rules(), venue.tradingRules(BTC).orElseThrow());

    await(venue.place(order("buy1", Side.BUY, OrderType.MARKET, null)));
    final List<Object> afterPlace = List.copyOf(heard);
    assertEquals(3, afterPlace.size(), afterPlace::toString); // the quote, Accepted, Filled
    assertInstanceOf(OrderEvent.Accepted.class, afterPlace.get(1));
    final OrderEvent.Filled fill = assertInstanceOf(OrderEvent.Filled.class, afterPlace.get(2));
    assertEquals(Price.of("65000"), fill.fill().price());
    // 100000 − 0.5 × 65000 × 1.001
    assertEquals(0, new BigDecimal("67467.5").compareTo(venue.balances().get("USDT")));

    await(venue.place(order("sell1", Side.SELL, OrderType.LIMIT, "65100")));
    heard.clear();
    CLOCK.advance(Duration.ofSeconds(1));
    await(venue.setQuote(BTC, Price.of("65120"), Price.of("65130"), null, null));
    assertEquals(2, heard.size(), heard::toString);
    final OrderEvent.Filled rested = assertInstanceOf(OrderEvent.Filled.class, heard.get(0));
    assertEquals(Price.of("65100"), rested.fill().price()); // maker, at its limit
    final TopOfBook moved = assertInstanceOf(TopOfBook.class, heard.get(1));
    assertEquals(Price.of("65120"), moved.bid());

    final VenueOrder sold = await(venue.lookup(ClientOrderId.of("sell1"))).orElseThrow();
    assertEquals(VenueOrder.State.FILLED, sold.state());
    assertTrue(await(venue.lookup(ClientOrderId.of("nope"))).isEmpty());
  }

  @Test
  void shouldFailAQuoteTheVenueRefusesWithItsReason() {
    final Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> await(venue.setQuote(BTC, Price.of("2"), Price.of("1"), null, null)));
    assertTrue(String.valueOf(e.getCause().getMessage()).contains("bid must not be above ask"), e::toString);
  }

  @Test
  void shouldQuoteARandomWalkVenueFromItsEntityAtTheStartPriceFirst() {
    final ClusterPaperVenue walk =
        ClusterPaperVenue.start(testKit.system(), walking, Duration.ofSeconds(5), Duration.ofMillis(100));
    try {
      final TopOfBook first = testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), () ->
          walk.topOfBook(BTC).orElseThrow());
      // The walk's first quote sits at its start mid, 2 bps wide, before any move.
      assertEquals(0, new BigDecimal("65000").compareTo(first.mid().value()), first::toString);
      assertEquals(0, new BigDecimal("13").compareTo(first.ask().value().subtract(first.bid().value())));
    } finally {
      walk.close();
    }
  }
}
