package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.ETH;
import static dev.osprey.exchange.paper.PaperFixture.T0;
import static dev.osprey.exchange.paper.PaperFixture.assertDecimal;
import static dev.osprey.exchange.paper.PaperFixture.kinds;
import static dev.osprey.exchange.paper.PaperFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A paper venue restored from its snapshot, through the JSON file, resumes where it was. */
class PaperExchangeRestoreTest {
  private static final List<String> PAST_IDS =
      List.of("m-1", "s-1", "b-1", "b-2", "r-1", "r-2", "e-1", "e-2", "s-2");

  @TempDir Path dir;
  private MovingClock clock;
  private PaperExchange original;

  @BeforeEach
  void setUp() {
    clock = new MovingClock(T0);
    original = PaperHistory.busyVenue(clock);
  }

  /** The snapshot written to a file, read back and restored, on a clock one hour later. */
  private PaperExchange restartedFromFile(final MovingClock later) {
    final PaperStateStore store = new PaperStateStore(dir.resolve("paper.json"));
    store.save(original.snapshot());
    return PaperExchange.restore("paper", later, store.load().orElseThrow());
  }

  private static MovingClock anHourAfter(final MovingClock clock) {
    return new MovingClock(clock.instant().plusSeconds(3600));
  }

  @Test
  void shouldReadBackTheSnapshotItWroteValueForValue() {
    final PaperState before = original.snapshot();
    final PaperStateStore store = new PaperStateStore(dir.resolve("paper.json"));

    store.save(before);

    // Record equality: BigDecimal scales (20.00, 0.00050, 1E+1) and instants compared exactly.
    assertEquals(before, store.load().orElseThrow());
  }

  @Test
  void shouldHoldTheHistoryItWasGiven() {
    final PaperState s = original.snapshot();

    assertEquals(List.of("m-1", "s-1", "b-1", "e-1", "s-2"), openIds(original));
    assertEquals(List.of(ETH, PaperHistory.SOL, BTC), original.listedMarkets());
    assertEquals(new PaperState.Counters(7, 4, 9), s.counters());
    // m-1 rest 0.05 × 65010 × 1.002 = 3257.001, b-1 0.2 × 64000 × 1.001 = 12812.8
    assertDecimal("16069.801", original.lockedBalances().get("USDT"));
    assertDecimal("0.4", original.lockedBalances().get("BTC"));
    assertDecimal("2", original.lockedBalances().get("ETH"));
    final PaperState.Quote btc = s.markets().get(2).quote();
    assertDecimal("0", btc.bidLeft().value());
    assertDecimal("0", btc.askLeft().value());
    assertDecimal("2.5", s.markets().get(0).quote().askLeft().value());
    assertEquals(null, s.markets().get(1).quote());
  }

  @Test
  void shouldShowTheSameBooksBalancesAndOrdersAfterRestore() {
    final PaperExchange restored = restartedFromFile(anHourAfter(clock));

    assertEquals(original.snapshot(), restored.snapshot());
    assertEquals(
        PaperStateStore.toJson(original.snapshot()), PaperStateStore.toJson(restored.snapshot()));
    assertEquals(original.balances(), restored.balances());
    assertEquals(original.totalBalances(), restored.totalBalances());
    assertEquals(original.lockedBalances(), restored.lockedBalances());
    assertEquals(original.openOrders(), restored.openOrders());
    assertEquals(original.listedMarkets(), restored.listedMarkets());
    for (var pair : original.listedMarkets()) {
      assertEquals(original.topOfBook(pair), restored.topOfBook(pair), pair.toString());
      assertEquals(original.marketConfig(pair), restored.marketConfig(pair), pair.toString());
    }
    assertEquals(original.defaultMarketConfig(), restored.defaultMarketConfig());
  }

  @Test
  void shouldContinueExactlyLikeAVenueThatNeverRestarted() {
    final MovingClock later = anHourAfter(clock);
    final PaperExchange restored = restartedFromFile(later);
    final List<OrderEvent> keptEvents = PaperFixture.record(original);
    final List<OrderEvent> restoredEvents = PaperFixture.record(restored);

    clock.jump(Duration.ofHours(1));
    PaperHistory.continueTrading(original, clock);
    PaperHistory.continueTrading(restored, later);

    assertEquals(
        List.of("Filled", "Filled", "Accepted", "Filled", "Filled", "Filled", "Cancelled",
            "Accepted", "Cancelled", "Filled", "Accepted", "Filled", "Filled", "Rejected"),
        kinds(keptEvents));
    assertEquals(keptEvents, restoredEvents);
    assertEquals(
        PaperStateStore.toJson(original.snapshot()), PaperStateStore.toJson(restored.snapshot()));
    assertEquals(original.balances(), restored.balances());
    assertEquals(original.lockedBalances(), restored.lockedBalances());
    assertEquals(List.of(), openIds(restored), "every order open at the restart came to an end");
  }

  @Test
  void shouldGiveNewIdsAfterTheLastOnesGivenBeforeTheRestart() {
    final Set<String> before = ids(original.snapshot());
    final MovingClock later = anHourAfter(clock);
    final PaperExchange restored = restartedFromFile(later);
    final List<OrderEvent> events = PaperFixture.record(restored);

    PaperHistory.continueTrading(restored, later);

    final List<String> fresh = new ArrayList<>();
    for (OrderEvent e : events) {
      if (e instanceof OrderEvent.Accepted a && !a.clientOrderId().value().equals("b-2")) {
        fresh.add(a.exchangeOrderId());
      } else if (e instanceof OrderEvent.Filled f) {
        fresh.add(f.fill().tradeId());
      }
    }
    assertEquals("paper-O8", firstWithPrefix(fresh, "paper-O"));
    assertEquals("paper-T5", firstWithPrefix(fresh, "paper-T"));
    for (String id : fresh) {
      assertTrue(!before.contains(id), () -> id + " was given out before the restart");
    }
    assertEquals(fresh.size(), new HashSet<>(fresh).size(), () -> "ids repeat: " + fresh);
  }

  @Test
  void shouldAnswerLookupsOfPastOrdersAfterRestore() {
    final PaperExchange restored = restartedFromFile(anHourAfter(clock));

    for (String id : PAST_IDS) {
      assertEquals(lookup(original, id), lookup(restored, id), id);
    }
    final VenueOrder rejected = lookup(restored, "r-1");
    assertEquals(VenueOrder.State.REJECTED, rejected.state());
    assertEquals(RejectReason.NO_MARKET_DATA, rejected.rejectReason());
    final VenueOrder cancelled = lookup(restored, "b-2");
    assertEquals(VenueOrder.State.CANCELLED, cancelled.state());
    assertEquals(T0.plusSeconds(5), cancelled.updatedAt());
    final VenueOrder filled = lookup(restored, "e-2");
    assertEquals(VenueOrder.State.FILLED, filled.state());
    assertDecimal("1.5", filled.executedBase().value());
  }

  @Test
  void shouldRepublishAPastOrderPlacedAgainWithoutChangingAnything() {
    final PaperExchange restored = restartedFromFile(anHourAfter(clock));
    final List<OrderEvent> events = PaperFixture.record(restored);
    final long version = restored.version();

    restored.place(request("b-2", BTC, Side.BUY, OrderType.LIMIT, "0.1", "64500"));

    assertEquals(
        List.of(
            // The venue replays an order from its record: accepted as of its last update.
            new OrderEvent.Accepted(ClientOrderId.of("b-2"), "paper-O4", T0.plusSeconds(5)),
            new OrderEvent.Cancelled(ClientOrderId.of("b-2"), T0.plusSeconds(5))),
        events);
    assertEquals(version, restored.version());
  }

  @Test
  void shouldEmitNothingWhenRestoring() {
    final PaperExchange restored = restartedFromFile(anHourAfter(clock));
    final List<OrderEvent> events = PaperFixture.record(restored);
    final List<TopOfBook> quotes = new ArrayList<>();
    restored.subscribeMarket(BTC, quotes::add);

    // Anything queued by the restore would go out with the next delivery.
    restored.place(request("x-1", PaperHistory.SOL, Side.BUY, OrderType.MARKET, "1", null));

    assertEquals(List.of("Rejected"), kinds(events));
    assertEquals(List.of(), quotes);
  }

  @Test
  void shouldLetTheRandomWalkResumeFromTheRestoredQuote() {
    final PaperExchange restored = restartedFromFile(anHourAfter(clock));
    final Map<dev.osprey.domain.market.TradingPair, BigDecimal> start =
        Map.of(BTC, new BigDecimal("10"));

    final TopOfBook resumed =
        new RandomWalkFeed(restored, 7, start, 5, new BigDecimal("0.0002"), null).publish().get(0);
    final TopOfBook kept =
        new RandomWalkFeed(original, 7, start, 5, new BigDecimal("0.0002"), null).publish().get(0);

    assertEquals(kept.bid(), resumed.bid());
    assertEquals(kept.ask(), resumed.ask());
    assertDecimal("65010", resumed.mid().value());
  }

  static Stream<Arguments> brokenStates() {
    return Stream.of(
        Arguments.of(
            "another venue's state",
            (UnaryOperator<PaperState>) s -> copy(s, "other", s.balances(), s.counters()),
            "state of venue 'other' cannot restore venue 'paper'"),
        Arguments.of(
            "locked funds no open order accounts for",
            (UnaryOperator<PaperState>)
                s -> copy(s, s.venue(), lockMore(s.balances(), "BTC", "0.1"), s.counters()),
            "locked BTC is 0.5 but open orders reserve 0.4"),
        Arguments.of(
            "a trade counter below a trade id in use",
            (UnaryOperator<PaperState>)
                s -> copy(s, s.venue(), s.balances(), new PaperState.Counters(7, 3, 9)),
            "id paper-T4 is above the trades counter 3"),
        Arguments.of(
            "an order counter below an order id in use",
            (UnaryOperator<PaperState>)
                s -> copy(s, s.venue(), s.balances(), new PaperState.Counters(6, 4, 9)),
            "id paper-O7 is above the orders counter 6"),
        Arguments.of(
            "an arrival counter below an arrival in use",
            (UnaryOperator<PaperState>)
                s -> copy(s, s.venue(), s.balances(), new PaperState.Counters(7, 4, 8)),
            "has arrival 9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenStates")
  void shouldRefuseAStateItCouldNotContinueFromExactly(
      final String name, final UnaryOperator<PaperState> breakIt, final String message) {
    final PaperState broken = breakIt.apply(original.snapshot());

    final IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PaperExchange.restore("paper", clock, broken));

    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void shouldRefuseAnOpenOrderOnAMarketThatIsNotListed() {
    final PaperState s = original.snapshot();
    final PaperState unlisted =
        new PaperState(
            s.format(), s.venue(), s.defaults(), s.markets().subList(0, 2), s.balances(),
            s.orders(), s.counters());

    final IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PaperExchange.restore("paper", clock, unlisted));

    assertTrue(e.getMessage().contains("open order m-1 trades BTC-USDT, which is not listed"),
        e.getMessage());
  }

  @Test
  void shouldMoveTheVersionOnEveryChangeAndOnlyThen() {
    final PaperExchange venue = PaperFixture.venue();
    final List<Runnable> changes =
        List.of(
            () -> venue.setQuote(BTC, PaperFixture.px("64990"), PaperFixture.px("65010")),
            () -> venue.place(PaperFixture.limit("l-1", Side.BUY, "0.1", "64000")),
            () -> venue.place(PaperFixture.limit("r-1", Side.BUY, "100", "64000")),
            () -> venue.cancel(ClientOrderId.of("l-1")),
            () -> venue.configureMarket(ETH, MarketConfig.DEFAULT),
            () -> venue.setBalances(Map.of("ETH", BigDecimal.ONE)));
    final List<Runnable> noChanges =
        List.of(
            () -> venue.place(PaperFixture.limit("l-1", Side.BUY, "0.1", "64000")),
            () -> venue.cancel(ClientOrderId.of("l-1")),
            () -> venue.cancel(ClientOrderId.of("unknown")),
            venue::snapshot,
            venue::openOrders,
            () -> venue.lookup(ClientOrderId.of("l-1")));

    for (Runnable change : changes) {
      final long before = venue.version();
      change.run();
      assertTrue(venue.version() > before, "a change must move the version");
    }
    for (Runnable read : noChanges) {
      final long before = venue.version();
      read.run();
      assertEquals(before, venue.version(), "nothing changed, the version must stay");
    }
  }

  private static PaperState copy(
      final PaperState s,
      final String venue,
      final PaperState.Balances balances,
      final PaperState.Counters counters) {
    return new PaperState(
        s.format(), venue, s.defaults(), s.markets(), balances, s.orders(), counters);
  }

  private static PaperState.Balances lockMore(
      final PaperState.Balances b, final String asset, final String extra) {
    final Map<String, BigDecimal> locked = new java.util.TreeMap<>(b.locked());
    locked.merge(asset, new BigDecimal(extra), BigDecimal::add);
    return new PaperState.Balances(b.total(), locked);
  }

  private static String firstWithPrefix(final List<String> ids, final String prefix) {
    for (String id : ids) {
      if (id.startsWith(prefix)) {
        return id;
      }
    }
    return "none with " + prefix;
  }

  private static Set<String> ids(final PaperState s) {
    final Set<String> out = new HashSet<>();
    for (PaperState.Order o : s.orders()) {
      if (o.exchangeOrderId() != null) {
        out.add(o.exchangeOrderId());
      }
      o.fills().forEach(f -> out.add(f.tradeId()));
    }
    return out;
  }

  private static List<String> openIds(final PaperExchange venue) {
    final List<String> out = new ArrayList<>();
    for (VenueOrder o : venue.openOrders()) {
      out.add(o.request().clientOrderId().value());
    }
    return out;
  }

  private static VenueOrder lookup(final PaperExchange venue, final String id) {
    return venue.lookup(ClientOrderId.of(id)).toCompletableFuture().join().orElseThrow();
  }
}
