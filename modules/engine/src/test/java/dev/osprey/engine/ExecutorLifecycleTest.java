package dev.osprey.engine;

import static dev.osprey.engine.TestEngine.await;
import static dev.osprey.engine.TestEngine.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.executor.ExecutorProtocol;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.venue.OrderRouteEntity;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.TestVenues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end on a one-node cluster with the in-memory journal and a paper venue:
 * create through the risk supervisor, react to quotes, close with exact numbers, hand over to the
 * position book, and deny by limit.
 */
class ExecutorLifecycleTest {
  private static final TradingPair PAIR = TradingPair.parse("ABC-USDT");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ManualClock CLOCK = ManualClock.at("2026-01-05T10:00:00Z");
  private static PaperExchange paper;
  private static ActorTestKit testKit;
  private static OspreyEngine engine;
  private static int seq;

  @BeforeAll
  static void start() {
    paper = TestVenues.paper(CLOCK, Map.of("USDT", new BigDecimal("100000"), "ABC", new BigDecimal("100")));
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    testKit = ActorTestKit.create("engine-test", TestNodeConfig.inMemory());
    // The standard factory, except for ids starting "refused": a config the state machine refuses.
    engine = TestEngine.start(testKit, paper, CLOCK, config -> {
      if (config.id().startsWith("refused")) {
        throw new IllegalArgumentException("refused by the state machine");
      }
      return Executors.create(config);
    });
  }

  @AfterAll
  static void stop() {
    TestEngine.stop(engine, testKit);
  }

  private static PositionExecutorConfig marketBuy(final String controller, final String tp) {
    final var barrier = new TripleBarrierConfig(null, tp == null ? null : new BigDecimal(tp), null, null,
        OrderType.MARKET, null, null, null);
    return new PositionExecutorConfig("pe" + (++seq), controller, CLOCK.instant(), "paper", PAIR, Side.BUY, null,
        Quantity.of("1"), barrier, null, null, null);
  }

  private ExecutorView awaitView(final String id, final java.util.function.Predicate<ExecutorView> done) {
    final TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(WAIT, Duration.ofMillis(20), () -> {
      final ExecutorView v = resultOf(engine.executors().get(id));
      assertTrue(done.test(v), () -> "not yet: " + v.report().status() + " " + v.report().closeType());
      return v;
    });
  }

  /** Creates the executor and waits until it is trading (its entry filled); its id. */
  private String createTrading(final PositionExecutorConfig config) throws Exception {
    final String id = await(engine.executors().create(config)).config().id();
    awaitView(id, v -> v.report().isTrading());
    return id;
  }

  private ExecutorView awaitTerminated(final String id) {
    return awaitView(id, v -> v.report().status() == RunnableStatus.TERMINATED);
  }

  /** Waits until the risk usage of {@code controller} counts no open executor. */
  private void awaitNoOpenExecutors(final String controller) {
    testKit.createTestProbe().awaitAssert(WAIT, Duration.ofMillis(20), () -> {
      assertEquals(0, resultOf(engine.controllers().risk(controller)).usage().openExecutors());
      return null;
    });
  }

  private static void assertDecimal(final String expected, final Object actual) {
    final BigDecimal a = actual instanceof BigDecimal b ? b : new BigDecimal(actual.toString());
    assertEquals(0, new BigDecimal(expected).compareTo(a), () -> "expected " + expected + " but was " + a);
  }

  @Test
  void shouldTakeProfitWithExactNumbersWhenTheQuoteRises() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String id = createTrading(marketBuy("tp-ctrl", "0.02"));

    // Filled at 100 with a 0.1 fee: net pct (103 - 100 - 0.1)/100 = 0.029 >= 0.02.
    paper.setQuote(PAIR, Price.of("103"), Price.of("103"));
    final ExecutorView closed = awaitTerminated(id);

    assertEquals(CloseType.TAKE_PROFIT, closed.report().closeType());
    assertDecimal("0.203", closed.report().cumFeesQuote().value());      // 0.1 + 0.103
    assertDecimal("2.797", closed.report().netPnlQuote().value());       // 3 - 0.203
    assertDecimal("203", closed.report().filledAmountQuote().value());   // 100 + 103
    assertDecimal("0.02797", closed.report().netPnlPct());
  }

  @Test
  void shouldRouteVenueEventsToExecutorsWithHyphenatedAndUuidIdsThroughTheirRouteKey() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String id = "3f1c9a52-7d1e-4c1b-9f0e-2b7d5e8a1c44";
    final var barrier = new TripleBarrierConfig(null, new BigDecimal("0.02"), null, null, OrderType.MARKET,
        null, null, null);
    await(engine.executors().create(new PositionExecutorConfig(id, "my-agent", CLOCK.instant(), "paper", PAIR,
        Side.BUY, null, Quantity.of("1"), barrier, null, null, null)));
    awaitView(id, v -> v.report().isTrading());

    // The fills reached the executor through the persisted route, not by parsing the order id.
    final OrderRouteEntity.Owner owner = await(ClusterSharding.get(testKit.system())
        .entityRefFor(OrderRouteEntity.ENTITY_KEY, ClientOrderId.routeKeyOf(id))
        .<OrderRouteEntity.Owner>ask(OrderRouteEntity.Lookup::new, WAIT));
    assertEquals(id, owner.executorId());
    paper.setQuote(PAIR, Price.of("103"), Price.of("103"));
    final ExecutorView closed = awaitTerminated(id);
    assertEquals(CloseType.TAKE_PROFIT, closed.report().closeType());
    assertEquals("my-agent", closed.config().controllerId());
    assertDecimal("2.797", closed.report().netPnlQuote().value());
  }

  /**
   * The risk supervisor re-sends a create that was not confirmed in time: the running executor,
   * which resolved its entry price from the book since, answers with itself, not DUPLICATE_ID
   * (which made the supervisor record a running executor as aborted).
   */
  @Test
  void shouldAnswerARetriedCreateAfterTheEntryPriceWasResolved() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final PositionExecutorConfig sent = marketBuy("retry-ctrl", null);
    final String id = createTrading(sent);
    final PositionExecutorConfig running = (PositionExecutorConfig) resultOf(engine.executors().get(id)).config();
    assertEquals(0, new BigDecimal("100").compareTo(running.entryPrice().value()));

    final var retried = sent.withIdentity(id, "retry-ctrl", CLOCK.instant().plusSeconds(5));
    final ExecutorView answer = await(ClusterSharding.get(testKit.system())
        .entityRefFor(ExecutorProtocol.ENTITY_KEY, id)
        .askWithStatus(r -> new ExecutorProtocol.Create(retried, r), WAIT));
    assertEquals(id, answer.config().id());
    assertTrue(answer.report().isTrading());
  }

  @Test
  void shouldHandTheFillsToThePositionBookWhenStoppedWithKeepPosition() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String id = createTrading(marketBuy("hold-ctrl", null));

    await(engine.executors().stop(id, true));
    final ExecutorView held = awaitTerminated(id);
    assertEquals(CloseType.POSITION_HOLD, held.report().closeType());
    assertEquals(1, held.heldOrders().size());

    final TestProbe<Object> probe = testKit.createTestProbe();
    final PositionHold hold = probe.awaitAssert(WAIT, Duration.ofMillis(20), () ->
        resultOf(engine.controllers().positions("hold-ctrl")).get("paper", PAIR)
            .orElseThrow(() -> new AssertionError("no hold yet")));
    assertDecimal("1", hold.netBase());
    assertDecimal("100", hold.breakevenPrice().value());
    assertDecimal("0.1", hold.cumFeesQuote().value());
  }

  @Test
  void shouldDenyTheFourthCreateUnderMaxOpenExecutorsThree() throws Exception {
    await(engine.controllers().setLimits("limit-ctrl", RiskLimits.fromMap(Map.of("max_open_executors", 3))));
    for (int i = 0; i < 3; i++) {
      await(engine.executors().create(restingBuy("limit-ctrl")));
    }
    final ExecutionException denied = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(engine.executors().create(restingBuy("limit-ctrl"))));
    final EntityError error = assertInstanceOf(EntityError.GatewayException.class, denied.getCause()).error();
    assertEquals(EntityError.Kind.DENIED, error.kind());
    assertEquals("MAX_OPEN_EXECUTORS", error.code());
    assertEquals(3, await(engine.controllers().risk("limit-ctrl")).usage().openExecutors());
  }

  @Test
  void shouldNeverApproveMoreThanTheLimitUnderConcurrentCreates() throws Exception {
    await(engine.controllers().setLimits("race-ctrl", RiskLimits.fromMap(Map.of("max_open_executors", 3))));
    final List<CompletableFuture<ExecutorView>> creates = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      creates.add(engine.executors().create(restingBuy("race-ctrl")).toCompletableFuture());
    }
    int approved = 0;
    int denied = 0;
    for (CompletableFuture<ExecutorView> c : creates) {
      try {
        c.get(20, TimeUnit.SECONDS);
        approved++;
      } catch (ExecutionException e) {
        final Throwable cause = e.getCause() instanceof CompletionException ce ? ce.getCause() : e.getCause();
        assertEquals("MAX_OPEN_EXECUTORS", assertInstanceOf(EntityError.GatewayException.class, cause).error().code());
        denied++;
      }
    }
    assertEquals(3, approved);
    assertEquals(9, denied);
  }

  @Test
  void shouldHaltTheControllerAndStopItsExecutorsWithTheKillSwitch() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String open = await(engine.executors().create(restingBuy("kill-ctrl"))).config().id();
    final String trading = createTrading(marketBuy("kill-ctrl", null));

    final var risk = await(engine.controllers().setTradingState(
        "kill-ctrl", dev.osprey.domain.risk.TradingState.HALTED, "manual kill", true, false));
    assertEquals(dev.osprey.domain.risk.TradingState.HALTED, risk.tradingState());

    assertEquals(CloseType.EARLY_STOP, awaitTerminated(open).report().closeType());
    final ExecutorView closed = awaitTerminated(trading);
    assertEquals(CloseType.EARLY_STOP, closed.report().closeType());
    assertDecimal("0.2", closed.report().cumFeesQuote().value());   // bought and sold 1 @ 100, 0.1 % each
    assertDecimal("-0.2", closed.report().netPnlQuote().value());

    final ExecutionException denied = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(engine.executors().create(restingBuy("kill-ctrl"))));
    assertEquals("TRADING_HALTED",
        assertInstanceOf(EntityError.GatewayException.class, denied.getCause()).error().code());
    awaitNoOpenExecutors("kill-ctrl");
  }

  @Test
  void shouldTripTheKillSwitchByItselfPastShutdownDrawdown() throws Exception {
    await(engine.controllers().setLimits("dd-ctrl", RiskLimits.fromMap(Map.of("shutdown_drawdown_pct", 50))));
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String winner = createTrading(marketBuy("dd-ctrl", "0.02"));
    paper.setQuote(PAIR, Price.of("103"), Price.of("103"));
    awaitTerminated(winner);   // +2.797: the peak

    final String resting = await(engine.executors().create(restingBuy("dd-ctrl"))).config().id();
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String loser = createTrading(protectedBuy("dd-ctrl", "0.01"));
    paper.setQuote(PAIR, Price.of("97"), Price.of("97"));
    // (97 - 100) - 0.1 - 0.097 = -3.197; cumulative -0.4; drawdown (2.797 + 0.4) / 2.797 = 114 % > 50 %.
    assertDecimal("-3.197", awaitTerminated(loser).report().netPnlQuote().value());

    assertEquals(CloseType.EARLY_STOP, awaitTerminated(resting).report().closeType());
    final var risk = await(engine.controllers().risk("dd-ctrl"));
    assertEquals(dev.osprey.domain.risk.TradingState.HALTED, risk.tradingState());
    assertDecimal("-0.4", risk.usage().cumulativePnlQuote());
    assertDecimal("2.797", risk.usage().peakPnlQuote());
  }

  @Test
  void shouldDenyCreatesDuringTheCooldownAfterALoss() throws Exception {
    await(engine.controllers().setLimits("cool-ctrl", RiskLimits.fromMap(Map.of("cooldown_after_loss_sec", 300))));
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String loser = createTrading(protectedBuy("cool-ctrl", "0.01"));
    paper.setQuote(PAIR, Price.of("98"), Price.of("98"));
    awaitTerminated(loser);
    awaitNoOpenExecutors("cool-ctrl");

    final ExecutionException denied = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(engine.executors().create(restingBuy("cool-ctrl"))));
    assertEquals("COOLDOWN", assertInstanceOf(EntityError.GatewayException.class, denied.getCause()).error().code());
    CLOCK.advance(Duration.ofSeconds(301));
    await(engine.executors().create(restingBuy("cool-ctrl")));   // approved once the cooldown is over
  }

  @Test
  void shouldReleaseTheApprovalWhenTheExecutorRefusesItsConfig() throws Exception {
    await(engine.controllers().setLimits("refuse-ctrl", RiskLimits.fromMap(Map.of("max_open_executors", 1))));
    final PositionExecutorConfig refused = new PositionExecutorConfig("refused1", "refuse-ctrl", CLOCK.instant(),
        "paper", PAIR, Side.BUY, Price.of("50"), Quantity.of("1"), TripleBarrierConfig.none(), null, null, null);
    final ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(engine.executors().create(refused)));
    assertEquals(EntityError.Kind.INVALID,
        assertInstanceOf(EntityError.GatewayException.class, e.getCause()).error().kind());
    final var risk = await(engine.controllers().risk("refuse-ctrl"));
    assertEquals(0, risk.usage().openExecutors());
    assertEquals(0, risk.usage().totalExecutors());
    await(engine.executors().create(restingBuy("refuse-ctrl")));   // the slot is free again
  }

  @Test
  void shouldNotListAControllerWhoseOnlyCreateWasRefused() throws Exception {
    await(engine.controllers().setLimits("never-ctrl", RiskLimits.fromMap(Map.of("max_open_executors", 1))));
    final PositionExecutorConfig refused = new PositionExecutorConfig("refused2", "never-ctrl", CLOCK.instant(),
        "paper", PAIR, Side.BUY, Price.of("50"), Quantity.of("1"), TripleBarrierConfig.none(), null, null, null);
    org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(engine.executors().create(refused)));
    await(engine.executors().create(restingBuy("listed-ctrl")));
    // Registration follows the confirmed start asynchronously.
    testKit.createTestProbe().awaitAssert(WAIT, () -> {
      final List<String> listed = await(engine.controllers().controllers());
      assertTrue(listed.contains("listed-ctrl"), listed::toString);
      assertFalse(listed.contains("never-ctrl"), listed::toString);
      return null;
    });
  }

  /** A market BUY of 1 with a stop loss. */
  private static PositionExecutorConfig protectedBuy(final String controller, final String sl) {
    final var barrier = new TripleBarrierConfig(new BigDecimal(sl), null, null, null, OrderType.MARKET, null, null,
        null);
    return new PositionExecutorConfig("pe" + (++seq), controller, CLOCK.instant(), "paper", PAIR, Side.BUY, null,
        Quantity.of("1"), barrier, null, null, null);
  }

  @Test
  void shouldLeaveMemoryWhenTerminatedAndStillAnswerFromTheJournal() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String id = createTrading(marketBuy("idle-ctrl", null));
    await(engine.executors().stop(id, false));
    awaitTerminated(id);

    awaitLeftMemory(id);
    final ExecutorView fromJournal = await(engine.executors().get(id));
    assertEquals(CloseType.EARLY_STOP, fromJournal.report().closeType());
    assertDecimal("-0.2", fromJournal.report().netPnlQuote().value());
  }

  @Test
  void shouldSnapshotItsStateEveryFewEventsAndRecoverFromTheSnapshot() throws Exception {
    paper.setQuote(PAIR, Price.of("100"), Price.of("100"));
    final String id = createTrading(marketBuy("snap-ctrl", null));

    // Created, Started, OrderSubmitted, OrderAcknowledged, FillApplied: a snapshot every 3 events.
    final var snapshots = SnapshotTestKit.create(testKit.system())
        .persistedInStorage(PersistenceId.of(ExecutorProtocol.ENTITY_KEY.name(), id).id());
    assertFalse(snapshots.isEmpty(), "no snapshot taken");
    final ExecutorEntity.State latest = (ExecutorEntity.State) snapshots.get(snapshots.size() - 1).second();
    assertEquals(id, latest.executor().config().id());

    await(engine.executors().stop(id, true));
    final ExecutorView held = awaitTerminated(id);
    awaitLeftMemory(id);
    final ExecutorView recovered = await(engine.executors().get(id));
    assertEquals(CloseType.POSITION_HOLD, recovered.report().closeType());
    assertEquals(held.heldOrders(), recovered.heldOrders());
    assertEquals(1, recovered.heldOrders().size());
  }

  /**
   * A journal written before the leverage rule: leverage 0 was accepted then and today's
   * validation refuses it. The executor still recovers from it and answers.
   */
  @Test
  void shouldReplayAJournalWhoseConfigTodaysValidationRefuses() throws Exception {
    final Instant at = CLOCK.instant();
    final PositionExecutorConfig old = new PositionExecutorConfig("before-leverage-rule", "old-ctrl", at,
        "paper", PAIR, Side.BUY, null, Quantity.of("1"), TripleBarrierConfig.none(), 0, null, null);
    assertThrows(FieldViolation.Invalid.class, () -> Executors.create(old));
    PersistenceTestKit.create(testKit.system()).persistForRecovery(
        PersistenceId.of(ExecutorProtocol.ENTITY_KEY.name(), old.id()).id(),
        List.of(new ExecutorEntity.Created(old, at),
            new ExecutorEntity.Recorded(new ExecutorEvent.Started(at)),
            new ExecutorEntity.Recorded(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, at))));

    final ExecutorView view = await(engine.executors().get(old.id()));

    assertEquals(0, ((PositionExecutorConfig) view.config()).leverage());
    assertEquals(RunnableStatus.TERMINATED, view.report().status());
    assertEquals(CloseType.EARLY_STOP, view.report().closeType());
  }

  /** Waits until the executor passivated: the next read recovers it from its journal. */
  private void awaitLeftMemory(final String id) {
    final TestProbe<org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState> state =
        testKit.createTestProbe();
    state.awaitAssert(WAIT, Duration.ofMillis(50), () -> {
      org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(testKit.system())
          .shardState()
          .tell(new org.apache.pekko.cluster.sharding.typed.GetShardRegionState(
              dev.osprey.engine.executor.ExecutorProtocol.ENTITY_KEY, state.getRef()));
      final var regions = state.receiveMessage();
      final boolean inMemory = regions.getShards().stream().anyMatch(sh -> sh.getEntityIds().contains(id));
      assertTrue(!inMemory, "still in memory");
      return null;
    });
  }

  /** A BUY limit far below the market: it rests, so the executor stays open. */
  private static PositionExecutorConfig restingBuy(final String controller) {
    return new PositionExecutorConfig("pe" + (++seq), controller, CLOCK.instant(), "paper", PAIR, Side.BUY,
        Price.of("50"), Quantity.of("1"), TripleBarrierConfig.none(), null, null, null);
  }

  static Instant now() {
    return CLOCK.instant();
  }
}
