package dev.osprey.engine;

import static dev.osprey.engine.TestEngine.await;
import static dev.osprey.engine.TestEngine.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.executor.ExecutorProtocol;

import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.engine.executor.ExecutorStarts;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ExecutorSearch;
import dev.osprey.engine.gateway.SearchResult;
import dev.osprey.engine.readmodel.ExecutorRow;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.TestVenues;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executor projection keeps the read model from the journal (tagged events, in-memory read
 * journal), and searches and lists over terminated executors read it without starting any
 * executor entity.
 */
class ExecutorReadModelTest {
  private static final TradingPair PAIR = TradingPair.parse("RDM-USDT");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ManualClock CLOCK = ManualClock.at("2026-02-01T10:00:00Z");
  private static final int TERMINATED = 40;
  private static ActorTestKit testKit;
  private static OspreyEngine engine;

  @BeforeAll
  static void start() {
    final PaperExchange paper = TestVenues.paper(CLOCK, Map.of("USDT", new BigDecimal("1000000")));
    paper.setQuote(PAIR, Price.of("10"), Price.of("10"));
    testKit = ActorTestKit.create("read-model-test", TestNodeConfig.inMemory());
    engine = TestEngine.start(testKit, paper, CLOCK, Executors::create);
  }

  @AfterAll
  static void stop() {
    TestEngine.stop(engine, testKit);
  }

  private static OrderExecutorConfig order(final String id, final ExecutionStrategy strategy, final String price) {
    return new OrderExecutorConfig(id, "rm", CLOCK.instant(), "paper", PAIR, Side.BUY, Quantity.of("1"),
        PositionAction.OPEN, price == null ? null : Price.of(price), null, strategy, null, null);
  }

  private static <T> T eventually(final java.util.function.Supplier<T> check) {
    final TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(WAIT, Duration.ofMillis(50), check::get);
  }

  private static List<ExecutorRow> rows() {
    return resultOf(engine.readModel().rows(List.of("rm")));
  }

  /** Executor entities alive on this node. */
  private static Set<String> liveExecutors() {
    final TestProbe<CurrentShardRegionState> probe = testKit.createTestProbe();
    ClusterSharding.get(testKit.system()).shardState()
        .tell(new GetShardRegionState(ExecutorProtocol.ENTITY_KEY, probe.ref()));
    final Set<String> ids = new java.util.TreeSet<>();
    probe.receiveMessage(WAIT).getShards().forEach(s -> ids.addAll(s.getEntityIds()));
    return ids;
  }

  @Test
  void shouldSearchAndListTerminatedExecutorsWithoutStartingThem() throws Exception {
    for (int i = 1; i <= TERMINATED; i++) {
      CLOCK.advance(Duration.ofSeconds(1));
      await(engine.executors().create(order(String.format("done%02d", i), ExecutionStrategy.MARKET, null)));
    }
    CLOCK.advance(Duration.ofSeconds(1));
    await(engine.executors().create(order("resting", ExecutionStrategy.LIMIT, "5")));

    // The projection catches up: every market order terminated, the resting one runs.
    eventually(() -> {
      final List<ExecutorRow> rows = rows();
      assertEquals(TERMINATED + 1, rows.size());
      assertEquals(TERMINATED, rows.stream().filter(r -> !r.open()).count(), rows::toString);
      return rows;
    });
    // Terminated executors passivate (300 ms in this config) and leave memory.
    eventually(() -> {
      assertEquals(Set.of("resting"), liveExecutors());
      return null;
    });
    final long started = ExecutorStarts.get(testKit.system()).count();

    final List<String> seen = new ArrayList<>();
    String cursor = null;
    SearchResult page;
    do {
      page = await(engine.executors().search(new ExecutorSearch(7, cursor, Set.of("rm"), null, null, null,
          Set.of("TERMINATED"))));
      assertEquals(TERMINATED, page.totalCount());
      page.data().forEach(v -> seen.add(v.config().id()));
      cursor = page.nextCursor();
    } while (page.hasMore());
    assertNull(cursor);
    final List<String> expected = new ArrayList<>();
    for (int i = TERMINATED; i >= 1; i--) {
      expected.add(String.format("done%02d", i));
    }
    assertEquals(expected, seen, "newest first, every terminated executor once");

    final List<ExecutorView> all = await(engine.executors().list(
        new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null, null, null, null, null, null)));
    assertEquals(TERMINATED + 1, all.size());
    assertEquals("resting", all.get(0).config().id());
    assertEquals(RunnableStatus.RUNNING, all.get(0).report().status());
    assertEquals(started, ExecutorStarts.get(testKit.system()).count(), "no executor entity was started");
    assertEquals(Set.of("resting"), liveExecutors());

    // The stored view of a terminated executor is the one its entity answers.
    final ExecutorView stored = all.get(all.size() - 1);
    final ExecutorView fromEntity = await(engine.executors().get("done01"));
    assertEquals(RunnableStatus.TERMINATED, stored.report().status());
    assertEquals(fromEntity.config(), stored.config());
    assertEquals(fromEntity.report().closeType(), stored.report().closeType());
    assertEquals(0, fromEntity.report().netPnlQuote().value().compareTo(stored.report().netPnlQuote().value()));
    assertEquals(0, fromEntity.report().filledAmountQuote().value()
        .compareTo(stored.report().filledAmountQuote().value()));
    assertEquals(0, fromEntity.report().cumFeesQuote().value().compareTo(stored.report().cumFeesQuote().value()));
    assertEquals(fromEntity.report().closeTimestamp(), stored.report().closeTimestamp());
    assertFalse(stored.report().isActive());
    assertTrue(ExecutorStarts.get(testKit.system()).count() > started, "reading one by id does start it");
  }
}
