package dev.osprey.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.position.PositionKey;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.position.PositionBookEntity.ClearPosition;
import dev.osprey.engine.position.PositionBookEntity.Command;
import dev.osprey.engine.position.PositionBookEntity.Event;
import dev.osprey.engine.position.PositionBookEntity.HandOver;
import dev.osprey.engine.position.PositionBookEntity.OrdersHandedOver;
import dev.osprey.engine.position.PositionBookEntity.PositionCleared;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The position book entity: hand-overs bucketed by the venue's position mode (a hedge-mode
 * perpetual keeps long and short apart), and clearing a position, recorded with who and why and
 * idempotent under retries. Every command, event and state goes through the CBOR serializer.
 */
class PositionBookEntityTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-03T12:00:00Z");
  private static final Instant T0 = CLOCK.instant();
  private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  private static ActorTestKit testKit;
  private static EngineContext engine;
  private EventSourcedBehaviorTestKit<Command, Event, PositionBook> book;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(TestNodeConfig.inMemory()));
    final PaperExchange hedge = new PaperExchange("perp_hedge", CLOCK);
    hedge.setContracts(Contracts.perpetual(PositionMode.HEDGE));
    final PaperExchange oneWay = new PaperExchange("perp", CLOCK);
    oneWay.setContracts(Contracts.perpetual(PositionMode.ONE_WAY));
    engine = new EngineContext(new Venues(List.of(hedge, oneWay)), CLOCK, Executors.standard(),
        EngineSettings.fromConfig(testKit.system().settings().config()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    book = EventSourcedBehaviorTestKit.create(testKit.system(), PositionBookEntity.create("agent", engine));
  }

  private static HeldOrder order(final String id, final String venue, final Side side, final PositionAction action,
      final String amount, final String price) {
    final BigDecimal quote = new BigDecimal(amount).multiply(new BigDecimal(price));
    return new HeldOrder(ClientOrderId.of(id), venue, SOL, side, OrderType.MARKET, action, Price.of(price),
        Quantity.of(amount), Quantity.of(amount), QuoteAmount.of(quote.toPlainString()),
        QuoteAmount.of(quote.multiply(new BigDecimal("0.0005")).toPlainString()), T0);
  }

  /** Long 1 at 100, short 2 at 110, then 0.5 of the long closed at 120. */
  private static List<HeldOrder> longShortAndClose(final String venue) {
    return List.of(
        order("ex1-1", venue, Side.BUY, PositionAction.OPEN, "1", "100"),
        order("ex2-1", venue, Side.SELL, PositionAction.OPEN, "2", "110"),
        order("ex3-1", venue, Side.SELL, PositionAction.CLOSE, "0.5", "120"));
  }

  private CommandResultWithReply<Command, Event, PositionBook, StatusReply<Done>> handOver(final List<HeldOrder> orders) {
    return book.runCommand(r -> new HandOver("ex", orders, r));
  }

  @Test
  void shouldKeepLongAndShortApartOnAHedgeModeVenue() {
    final var result = handOver(longShortAndClose("perp_hedge"));

    assertEquals(new OrdersHandedOver("ex", longShortAndClose("perp_hedge"), CLOCK.instant(),
        List.of("perp_hedge")),
        result.event());
    final PositionHold lng = result.state().get(PositionKey.hedge("perp_hedge", SOL, Side.BUY)).orElseThrow();
    assertEquals(0, new BigDecimal("0.5").compareTo(lng.netBase()));
    assertEquals(0, new BigDecimal("100").compareTo(lng.averageEntry()));
    assertEquals(0, new BigDecimal("10").compareTo(lng.realizedPnlQuote().value()));   // (120 − 100) · 0.5
    final PositionHold shrt = result.state().get(PositionKey.hedge("perp_hedge", SOL, Side.SELL)).orElseThrow();
    assertEquals(0, new BigDecimal("-2").compareTo(shrt.netBase()));
    assertEquals(0, new BigDecimal("110").compareTo(shrt.averageEntry()));

    book.restart();                              // replay buckets as the hand-over did
    assertEquals(result.state(), book.getState());
  }

  @Test
  void shouldNetLongAndShortOnAOneWayVenue() {
    final var result = handOver(longShortAndClose("perp"));

    assertEquals(List.of(), ((OrdersHandedOver) result.event()).hedgeModeConnectors());
    final PositionHold net = result.state().get("perp", SOL).orElseThrow();
    // +1 at 100, −2 at 110: flips short 1 at 110 (realized 10); −0.5 at 120 adds: short 1.5
    assertEquals(0, new BigDecimal("-1.5").compareTo(net.netBase()));
    assertEquals(0, new BigDecimal("10").compareTo(net.realizedPnlQuote().value()));
  }

  @Test
  void shouldClearBothHedgeSidesRecordingWhoWhyAndTheOldValuesOnce() {
    final PositionBook before = handOver(longShortAndClose("perp_hedge")).state();
    CLOCK.advance(java.time.Duration.ofSeconds(5));

    final var cleared = book.<StatusReply<PositionBookEntity.Cleared>>runCommand(
        r -> new ClearPosition("perp_hedge", SOL, "api", "closed on the venue by hand", r));

    final List<PositionHold> old = before.positions("perp_hedge", SOL);
    assertEquals(2, old.size());
    assertEquals(new PositionCleared("perp_hedge", SOL, old, "api", "closed on the venue by hand",
        CLOCK.instant()), cleared.event());
    assertEquals(new PositionBookEntity.Cleared(old), cleared.reply().getValue());
    assertEquals(List.of(), cleared.state().holds());

    // A retry finds nothing: NOT_FOUND, nothing persisted.
    final var retry = book.<StatusReply<PositionBookEntity.Cleared>>runCommand(
        r -> new ClearPosition("perp_hedge", SOL, "api", "closed on the venue by hand", r));
    assertTrue(retry.hasNoEvents());
    assertTrue(retry.reply().isError());
    assertEquals(EntityError.Kind.NOT_FOUND, EntityError.parse(retry.reply().getError()).kind());

    // A re-sent hand-over of the cleared orders cannot bring them back.
    assertTrue(handOver(longShortAndClose("perp_hedge")).hasNoEvents());
    book.restart();
    assertEquals(List.of(), book.getState().holds());
  }
}
