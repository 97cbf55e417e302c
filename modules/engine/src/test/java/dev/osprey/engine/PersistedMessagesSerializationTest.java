package dev.osprey.engine;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.LimitChaserConfig;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionMode;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.directory.ControllerRegistryEntity;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.paper.PaperVenueEvent;
import dev.osprey.engine.paper.PaperVenueProtocol;
import dev.osprey.engine.paper.PaperVenueReplica;
import dev.osprey.engine.paper.PaperVenueSnapshot;
import dev.osprey.engine.paper.PaperVenueUpdate;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.risk.RiskSupervisorEntity;
import dev.osprey.engine.risk.SupervisorState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every persisted event and snapshot type survives Jackson CBOR unchanged. The journal outlives
 * any release: a type that does not round-trip today is an executor that cannot recover tomorrow.
 */
class PersistedMessagesSerializationTest {
  private static final Instant T = Instant.parse("2026-02-03T04:05:06.789Z");
  private static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  private static ActorTestKit testKit;
  private static SerializationTestKit serialization;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(TestNodeConfig.inMemory());
    serialization = new SerializationTestKit(testKit.system());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  static final PositionExecutorConfig POSITION = new PositionExecutorConfig("ex1", "agent", T, "paper", PAIR,
      Side.SELL, Price.of("65000.5"), Quantity.of("0.01"),
      new TripleBarrierConfig(new BigDecimal("0.01"), new BigDecimal("0.02"), 3600L,
          new TrailingStop(new BigDecimal("0.01"), new BigDecimal("0.005")), OrderType.LIMIT_MAKER,
          OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET),
      3, List.of(new BigDecimal("0.001"), new BigDecimal("0.002")), "L1");

  static final OrderExecutorConfig ORDER = new OrderExecutorConfig("ex2", "agent", T, "paper", PAIR, Side.BUY,
      Quantity.of("1.5"), PositionAction.OPEN, null,
      new LimitChaserConfig(new BigDecimal("0.001"), new BigDecimal("0.0005")), ExecutionStrategy.LIMIT_CHASER,
      null, null);

  static final OrderRequest REQUEST = new OrderRequest(ClientOrderId.of("ex1-1"), "paper", PAIR, Side.SELL,
      OrderType.LIMIT, Quantity.of("0.01"), Price.of("65000.5"), PositionAction.OPEN);

  static final Fill FILL = new Fill("paper-T7", Price.of("65000.5"), Quantity.of("0.004"),
      QuoteAmount.of("0.260002"), true, T);

  static final HeldOrder HELD = new HeldOrder(ClientOrderId.of("ex1-1"), "paper", PAIR, Side.SELL, OrderType.LIMIT,
      PositionAction.OPEN, Price.of("65000.5"), Quantity.of("0.01"), Quantity.of("0.004"),
      QuoteAmount.of("260.002"), QuoteAmount.of("0.260002"), T);

  /** An executor snapshot of every type, as it runs with an order partly filled. */
  static Stream<Object> snapshots() {
    return ExecutorStates.running().values().stream()
        .map(e -> new ExecutorEntity.State(e, Set.of("risk")));
  }

  @ParameterizedTest
  @MethodSource("snapshots")
  void shouldRoundTripEveryExecutorSnapshotUnchanged(final Object snapshot) {
    serialization.verifySerialization(snapshot, true);
  }

  static Stream<Object> persisted() {
    final RiskLimits limits = RiskLimits.fromMap(Map.of("max_open_executors", 3, "max_position_size_quote", "500.5"));
    return Stream.of(
        ExecutorEntity.State.empty(),
        new ExecutorEntity.Created(POSITION, T),
        new ExecutorEntity.Created(ORDER, T),
        new ExecutorEntity.Recorded(new ExecutorEvent.Started(T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.EntryPriceResolved(Price.of("64999.9"))),
        new ExecutorEntity.Recorded(new ExecutorEvent.OrderSubmitted("open", REQUEST, T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.OrderAcknowledged(ClientOrderId.of("ex1-1"), "paper-O1")),
        new ExecutorEntity.Recorded(new ExecutorEvent.FillApplied(ClientOrderId.of("ex1-1"), FILL)),
        new ExecutorEntity.Recorded(new ExecutorEvent.CancelRequested(ClientOrderId.of("ex1-1"), T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.OrderCancelled(ClientOrderId.of("ex1-1"), T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.OrderFailed(ClientOrderId.of("ex1-2"),
            RejectReason.TRADING_RULE, "amount 0.0001 is below min_order_size 0.001", true, T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.TrailingStopMoved(BigDecimal.ZERO)),
        new ExecutorEntity.Recorded(new ExecutorEvent.ShutdownStarted(CloseType.STOP_LOSS, T)),
        new ExecutorEntity.Recorded(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, T)),
        new ExecutorEntity.NoticeDelivered("risk"),
        new ExecutorProtocol.VenueReport(new OrderEvent.Filled(ClientOrderId.of("ex1-1"), FILL, T)),
        new ExecutorProtocol.VenueReport(new OrderEvent.Rejected(ClientOrderId.of("ex1-1"),
            RejectReason.INSUFFICIENT_BALANCE, "needs 650 USDT", T)),
        new ExecutorProtocol.VenueReport(new OrderEvent.Filled(ClientOrderId.of("ex1-1"), FILL, T), "paper", 42),
        new RiskSupervisorEntity.SpawnApproved(POSITION, new BigDecimal("650.005"), T),
        new RiskSupervisorEntity.SpawnConfirmed("ex1"),
        new RiskSupervisorEntity.SpawnDenied("ex3", "order_executor", "MAX_OPEN_EXECUTORS", "3 of 3 open", T),
        new RiskSupervisorEntity.ExecutorFinished("ex1", "TAKE_PROFIT", new BigDecimal("-1.25"), T),
        new RiskSupervisorEntity.LimitsSet(limits, T),
        new RiskSupervisorEntity.LimitsSet(RiskLimits.NONE, T),
        new RiskSupervisorEntity.TradingStateSet(TradingState.HALTED, "kill switch", T),
        new RiskSupervisorEntity.ControllerRegistered(),
        new RiskSupervisorEntity.SpawnAborted("ex4", "refused", T),
        new PositionBookEntity.OrdersHandedOver("ex1", List.of(HELD), T, List.of()),
        new PositionBookEntity.OrdersHandedOver("ex1", List.of(HELD), T, List.of("paper")),
        new PositionBookEntity.OrdersHandedOver("ex1", List.of(HELD), T, null),
        new PositionBookEntity.PositionCleared("paper", PAIR,
            PositionBook.empty("agent").apply("ex1", List.of(HELD), PositionMode.HEDGE).holds(),
            "api", "closed by hand on the venue", T),
        new PositionBookEntity.PositionCleared("paper", PAIR,
            PositionBook.empty("agent").apply("ex1", List.of(HELD)).holds(), "api", null, T),
        PositionBook.empty("agent").apply("ex1", List.of(HELD)),
        new ControllerRegistryEntity.ControllerAdded("agent"),
        new dev.osprey.engine.venue.OrderRouteEntity.Registered("3f1c9a52-7d1e-4c1b-9f0e-2b7d5e8a1c44"),
        new dev.osprey.engine.venue.OrderRouteEntity.State("my-agent.ex:1"),
        new dev.osprey.engine.venue.OrderRouteEntity.Owner(null),
        new ControllerRegistryEntity.State(java.util.Set.of("agent", "other")),
        new SupervisorState(limits, TradingState.REDUCING, "drawdown",
            Map.of("ex1", new RiskProtocol.Entry("ex1", "position_executor", "paper", "BTC-USDT", "SELL",
                new BigDecimal("650.005"), T, true, true, null, null, null, POSITION)),
            new BigDecimal("-6.5"), new BigDecimal("2"),
            List.of(new RiskProtocol.Denial("ex3", "order_executor", "MAX_OPEN_EXECUTORS", "full", T)),
            true, TradingState.HALTED, "global kill switch", 3, false, 12L, java.time.LocalDate.of(2026, 3, 2),
            new BigDecimal("-6.5"), T),
        SupervisorState.initial(),
        new RiskSupervisorEntity.GlobalStateSet(3, TradingState.HALTED, "global kill switch", T),
        new RiskSupervisorEntity.WindDownStarted(true, T),
        new RiskProtocol.OrderVerdict(false, "ORDER_RATE", "max_orders_per_second 2 reached", 250),
        new dev.osprey.engine.risk.GlobalRiskEntity.GlobalStateChanged(2, TradingState.REDUCING, "desk review",
            true, true, T),
        new dev.osprey.engine.risk.GlobalRiskEntity.Subscribed("my-agent"),
        new dev.osprey.engine.risk.GlobalRiskEntity.State(2, TradingState.REDUCING, "desk review", true, true, T,
            java.util.Set.of(), java.util.Set.of("my-agent", "main")),
        new PaperVenueEvent.Opened(FEES, Map.of("USDT", new BigDecimal("100000")), T),
        new PaperVenueEvent.Imported(venue().snapshot(), T),
        new PaperVenueEvent.QuoteSet(PAIR, Price.of("99.9"), Price.of("100"), Quantity.of("2"), null, T),
        new PaperVenueEvent.OrderPlaced(REQUEST, T),
        new PaperVenueEvent.OrderCancelled(ClientOrderId.of("ex1-1"), T),
        new PaperVenueEvent.MarketConfigured(PAIR, FEES, T),
        new PaperVenueEvent.BalancesSet(Map.of("USDT", new BigDecimal("5.5")), T),
        new PaperVenueSnapshot(7, venue().snapshot()),
        new PaperVenueProtocol.Applied(7),
        new PaperVenueProtocol.Found(null),
        new PaperVenueProtocol.Market(FEES, null),
        new PaperVenueProtocol.Balances(Map.of("USDT", BigDecimal.ONE), Map.of("USDT", BigDecimal.TEN), Map.of()),
        new PaperVenueProtocol.Updates(List.of(new PaperVenueUpdate(3,
            List.of(new PaperVenueUpdate.Listing(PAIR, FEES)),
            List.of(new dev.osprey.domain.market.TopOfBook("paper", PAIR, Price.of("99.9"), Price.of("100"),
                null, Quantity.of("1"), T)),
            List.of(new OrderEvent.Filled(ClientOrderId.of("ex1-1"), FILL, T)),
            Map.of("USDT", new BigDecimal("99900"))))),
        new PaperVenueProtocol.Reset(venueReplica(), true));
  }

  private static final dev.osprey.exchange.paper.MarketConfig FEES = new dev.osprey.exchange.paper.MarketConfig(
      new BigDecimal("0.0002"), new BigDecimal("0.001"), dev.osprey.domain.market.TradingRules.DEFAULT);

  /** A paper venue with a quote, a resting order and a fill. */
  private static dev.osprey.exchange.paper.PaperExchange venue() {
    final dev.osprey.exchange.paper.PaperExchange v = new dev.osprey.exchange.paper.PaperExchange(
        "paper", java.time.Clock.fixed(T, java.time.ZoneOffset.UTC), FEES, Map.of("USDT", new BigDecimal("100000")));
    v.setQuote(PAIR, Price.of("99.9"), Price.of("100"));
    v.place(REQUEST);
    return v;
  }

  private static PaperVenueReplica venueReplica() {
    final dev.osprey.exchange.paper.PaperExchange v = venue();
    return new PaperVenueReplica(4, List.of(new PaperVenueUpdate.Listing(PAIR, FEES)),
        List.of(v.topOfBook(PAIR).orElseThrow()), v.balances());
  }

  /**
   * A view asked for on another node keeps its {@code custom_info} lists as lists: Pekko's default
   * Scala module would read untyped arrays back as Scala collections, which the API then writes
   * as {@code {"empty": false, "traversable_again": true}}.
   */
  @org.junit.jupiter.api.Test
  void shouldKeepTheListsOfCustomInfoAcrossNodes() {
    final dev.osprey.domain.executor.Executor running = ExecutorStates.running().get("position_executor");
    final dev.osprey.domain.executor.ExecutorReport report = dev.osprey.domain.executor.ExecutorReport.of(
        running, dev.osprey.domain.executor.ExecutorReport.Numbers.unbooked(
            QuoteAmount.ZERO, QuoteAmount.ZERO, Quantity.ZERO, running.lifecycle().status(),
            dev.osprey.domain.executor.MarketView.of(new dev.osprey.domain.market.TopOfBook("paper", PAIR,
                Price.of("99.9"), Price.of("100"), null, null, T), dev.osprey.domain.market.TradingRules.DEFAULT)),
        false, 0, null, Map.of("order_ids", List.of("ex1-1", "ex1-2"), "nested", Map.of("k", List.of(1))));
    final dev.osprey.engine.executor.ExecutorView read = serialization.verifySerialization(
        new dev.osprey.engine.executor.ExecutorView(running.config(), report, List.of()), false);
    final Map<String, Object> info = read.report().customInfo();
    org.junit.jupiter.api.Assertions.assertInstanceOf(java.util.List.class, info.get("order_ids"));
    org.junit.jupiter.api.Assertions.assertEquals(List.of("ex1-1", "ex1-2"), info.get("order_ids"));
    org.junit.jupiter.api.Assertions.assertEquals(Map.of("k", List.of(1)), info.get("nested"));
  }

  @ParameterizedTest
  @MethodSource("persisted")
  void shouldRoundTripUnchanged(final Object message) {
    serialization.verifySerialization(message, true);
  }

  /**
   * A snapshot written while the state class was {@code RiskSupervisorEntity$State} (its manifest
   * is that class name) reads as {@link SupervisorState}, closed entries folded.
   */
  @org.junit.jupiter.api.Test
  void shouldReadASupervisorSnapshotOfTheOlderClassName() throws Exception {
    final var ser = org.apache.pekko.serialization.SerializationExtension.get(testKit.system());
    final var old = new java.util.LinkedHashMap<String, Object>();
    old.put("limits", RiskLimits.NONE);
    old.put("tradingState", "ACTIVE");
    old.put("executors", Map.of("ex1", new RiskProtocol.Entry("ex1", "order_executor", "paper", "BTC-USDT", "BUY",
        new BigDecimal("100"), T, true, false, "COMPLETED", new BigDecimal("-2"), T, null)));
    old.put("cumulativePnl", new BigDecimal("-2"));
    old.put("peakPnl", BigDecimal.ZERO);
    old.put("denials", List.of());
    old.put("registered", true);
    old.put("globalVersion", 0);
    // The older shape, written by the CBOR mapper the serializer uses, under the old manifest.
    final var mapper = org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider.get(testKit.system())
        .getOrCreate("jackson-cbor", java.util.Optional.empty());
    final byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(old);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    final var serializer = ser.serializerFor(SupervisorState.class);
    final Object read = ser.deserialize(bytes, serializer.identifier(),
        "dev.osprey.engine.risk.RiskSupervisorEntity$State").get();

    final SupervisorState state = org.junit.jupiter.api.Assertions.assertInstanceOf(SupervisorState.class, read);
    org.junit.jupiter.api.Assertions.assertEquals(0, state.executors().size());
    org.junit.jupiter.api.Assertions.assertEquals(1L, state.closedExecutors());
    org.junit.jupiter.api.Assertions.assertEquals(0, new BigDecimal("-2").compareTo(state.cumulativePnl()));
    org.junit.jupiter.api.Assertions.assertEquals(T, state.lastLossAt());
  }
}
