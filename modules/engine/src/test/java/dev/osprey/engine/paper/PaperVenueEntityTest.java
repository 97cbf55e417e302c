package dev.osprey.engine.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.engine.paper.PaperVenueProtocol.Applied;
import dev.osprey.engine.paper.PaperVenueProtocol.Command;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.testkit.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paper venue entity: its journal holds the inputs of the matching, replaying them gives the
 * same venue (orders, fills, balances, ids), a bad quote persists nothing, and a node following it
 * gets every update in order and, when it missed some, exactly those. Commands and events go
 * through the CBOR serializer.
 */
class PaperVenueEntityTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T09:00:00Z");
  private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  private static final MarketConfig FEES =
      new MarketConfig(new BigDecimal("0.0002"), new BigDecimal("0.001"), TradingRules.DEFAULT);
  private static final PaperVenueSpec SPEC =
      PaperVenueSpec.of("paper", FEES, Map.of("USDT", new BigDecimal("1000")));
  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<Command, PaperVenueEvent, PaperVenueState> venue;

  @BeforeAll
  static void start() {
    testKit =
        ActorTestKit.create(
            EventSourcedBehaviorTestKit.config()
                .withFallback(dev.osprey.engine.TestNodeConfig.inMemory()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    venue =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            PaperVenueEntity.create(SPEC, CLOCK),
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  private static OrderRequest buy(final String id, final OrderType type, final String price) {
    return new OrderRequest(
        ClientOrderId.of(id),
        "paper",
        SOL,
        Side.BUY,
        type,
        Quantity.of("2"),
        price == null ? null : Price.of(price),
        PositionAction.NIL);
  }

  private long quote(final String bid, final String ask) {
    final var r =
        venue.<StatusReply<Applied>>runCommand(
            reply ->
                new PaperVenueProtocol.SetQuote(SOL, Price.of(bid), Price.of(ask), null, null, reply));
    return r.reply().getValue().seq();
  }

  private VenueOrder lookup(final String id) {
    return venue
        .<PaperVenueProtocol.Found>runCommand(
            r -> new PaperVenueProtocol.Lookup(ClientOrderId.of(id), r))
        .reply()
        .order();
  }

  @Test
  void shouldOpenWithItsBalancesThenKeepTheInputsAndReplayToTheSameVenue() {
    final var quoted =
        venue.<StatusReply<Applied>>runCommand(
            r -> new PaperVenueProtocol.SetQuote(SOL, Price.of("99"), Price.of("100"), null, null, r));
    assertEquals(
        List.of(
            new PaperVenueEvent.Opened(FEES, Map.of("USDT", new BigDecimal("1000")), CLOCK.instant()),
            new PaperVenueEvent.QuoteSet(SOL, Price.of("99"), Price.of("100"), null, null, CLOCK.instant())),
        quoted.events());
    assertEquals(2, quoted.reply().getValue().seq());

    final var limit = venue.<Applied>runCommand(r -> new PaperVenueProtocol.Place(buy("l1", OrderType.LIMIT, "98"), r));
    final var market = venue.<Applied>runCommand(r -> new PaperVenueProtocol.Place(buy("m1", OrderType.MARKET, null), r));
    assertEquals(new Applied(4), market.reply());
    CLOCK.advance(java.time.Duration.ofSeconds(5));
    quote("97", "97.5"); // crosses the resting BUY 98: it fills as maker at 98

    final VenueOrder taken = lookup("m1");
    assertEquals(VenueOrder.State.FILLED, taken.state());
    assertEquals(Price.of("100"), taken.fills().get(0).price());
    assertEquals(QuoteAmount.of("0.2"), taken.fills().get(0).feeQuote()); // 2 × 100 × 0.1 %
    final VenueOrder rested = lookup("l1");
    assertEquals(VenueOrder.State.FILLED, rested.state());
    assertEquals(Price.of("98"), rested.fills().get(0).price());
    assertEquals(QuoteAmount.of("0.0392"), rested.fills().get(0).feeQuote()); // 2 × 98 × 0.02 %
    final Map<String, BigDecimal> balances = venue.getState().venue().balances();
    // 1000 − 200.2 − 196.0392
    assertEquals(0, new BigDecimal("603.7608").compareTo(balances.get("USDT")));
    assertEquals(0, new BigDecimal("4").compareTo(balances.get("SOL")));
    assertEquals(limit.reply().seq() + 1, market.reply().seq());

    venue.restart();
    assertEquals(5, venue.getState().seq());
    assertEquals(taken, lookup("m1"));
    assertEquals(rested, lookup("l1"));
    assertEquals(balances, venue.getState().venue().balances());
  }

  @Test
  void shouldRefuseABadQuoteAndBalanceWithoutPersistingAnything() {
    final var bad =
        venue.<StatusReply<Applied>>runCommand(
            r -> new PaperVenueProtocol.SetQuote(SOL, Price.of("101"), Price.of("100"), null, null, r));
    assertTrue(bad.reply().isError());
    assertEquals("bid must not be above ask", bad.reply().getError().getMessage());
    assertTrue(bad.hasNoEvents());
    final var negative =
        venue.<StatusReply<Applied>>runCommand(
            r -> new PaperVenueProtocol.SetBalances(Map.of("USDT", new BigDecimal("-1")), r));
    assertEquals("balance of USDT must not be negative", negative.reply().getError().getMessage());
    assertTrue(negative.hasNoEvents());
  }

  @Test
  void shouldCancelOnlyAnOpenOrder() {
    quote("99", "100");
    venue.<Applied>runCommand(r -> new PaperVenueProtocol.Place(buy("l1", OrderType.LIMIT, "90"), r));
    final var cancelled =
        venue.<Applied>runCommand(r -> new PaperVenueProtocol.Cancel(ClientOrderId.of("l1"), r));
    assertEquals(
        List.of(new PaperVenueEvent.OrderCancelled(ClientOrderId.of("l1"), CLOCK.instant())),
        cancelled.events());
    final var again =
        venue.<Applied>runCommand(r -> new PaperVenueProtocol.Cancel(ClientOrderId.of("l1"), r));
    assertTrue(again.hasNoEvents(), "a finished order needs nothing");
    assertEquals(cancelled.reply(), again.reply());
    assertEquals(VenueOrder.State.CANCELLED, lookup("l1").state());
  }

  @Test
  void shouldSendAFollowerTheReplicaThenEveryUpdateAndWhatItMissed() {
    final TestProbe<PaperVenueProtocol.Feed> node = testKit.createTestProbe();
    venue.runCommand(new PaperVenueProtocol.Follow(node.ref(), 0));
    final PaperVenueProtocol.Reset reset = node.expectMessageClass(PaperVenueProtocol.Reset.class);
    assertEquals(1, reset.replica().seq()); // opened for the follower
    assertEquals(Map.of("USDT", new BigDecimal("1000")), reset.replica().balances());

    quote("99", "100");
    venue.<Applied>runCommand(r -> new PaperVenueProtocol.Place(buy("m1", OrderType.MARKET, null), r));
    final PaperVenueUpdate quoted = node.expectMessageClass(PaperVenueProtocol.Updates.class).updates().get(0);
    assertEquals(2, quoted.seq());
    assertEquals(List.of(new PaperVenueUpdate.Listing(SOL, FEES)), quoted.markets());
    assertEquals(Price.of("100"), quoted.quotes().get(0).ask());
    final PaperVenueUpdate placed = node.expectMessageClass(PaperVenueProtocol.Updates.class).updates().get(0);
    assertEquals(3, placed.seq());
    assertInstanceOf(OrderEvent.Accepted.class, placed.orderEvents().get(0));
    assertInstanceOf(OrderEvent.Filled.class, placed.orderEvents().get(1));
    assertEquals(2, placed.orderEvents().size());

    venue.runCommand(new PaperVenueProtocol.Follow(node.ref(), 1)); // it missed 2 and 3
    assertEquals(
        List.of(quoted, placed), node.expectMessageClass(PaperVenueProtocol.Updates.class).updates());
    venue.runCommand(new PaperVenueProtocol.Follow(node.ref(), 3));
    node.expectNoMessage(java.time.Duration.ofMillis(50));

    venue.restart(); // the kept updates are rebuilt by the replay
    venue.runCommand(new PaperVenueProtocol.Follow(node.ref(), 2));
    final List<PaperVenueUpdate> replayed =
        node.expectMessageClass(PaperVenueProtocol.Updates.class).updates();
    assertEquals(List.of(placed), replayed);
    assertFalse(replayed.get(0).orderEvents().isEmpty());
  }

  @Test
  void shouldContinueFromASnapshotWithTheSameVenue() {
    quote("99", "100");
    venue.<Applied>runCommand(r -> new PaperVenueProtocol.Place(buy("l1", OrderType.LIMIT, "90"), r));
    for (int i = 0; i < PaperVenueEntity.KEPT_UPDATES; i++) {
      quote("99", i % 2 == 0 ? "100" : "100.5");
    }
    final long seq = venue.getState().seq();
    final VenueOrder resting = lookup("l1");
    venue.restart(); // from the snapshot at event 1000, then the events after it
    assertEquals(seq, venue.getState().seq());
    assertEquals(resting, lookup("l1"));
    assertEquals(Price.of("100.5"), venue.getState().venue().topOfBook(SOL).orElseThrow().ask());
    final TestProbe<PaperVenueProtocol.Feed> node = testKit.createTestProbe();
    venue.runCommand(new PaperVenueProtocol.Follow(node.ref(), 5)); // older than what is kept
    assertEquals(seq, node.expectMessageClass(PaperVenueProtocol.Reset.class).replica().seq());
  }
}
