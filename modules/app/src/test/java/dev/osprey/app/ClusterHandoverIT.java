package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.executor.ExecutorProtocol;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.cassandra.FreePorts;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on one Cassandra; the node running an executor with a live order leaves (a rolling
 * restart): the executor resumes on a survivor by itself, sends no second order, and closes
 * correctly there. The paper venue is shared by the three nodes of this JVM.
 */
class ClusterHandoverIT {
  private static final TradingPair PAIR = TradingPair.parse("HND-USDT");
  private static final ManualClock CLOCK = ManualClock.at("2026-06-01T08:00:00Z");
  private static ActorTestKit probes;
  private static final List<OspreyNode> NODES = new ArrayList<>();

  @BeforeAll
  static void probes() {
    probes = ActorTestKit.create("handover-probes");
  }

  @AfterAll
  static void stop() {
    for (OspreyNode n : NODES) {
      if (!n.system().getWhenTerminated().toCompletableFuture().isDone()) {
        n.stop();
      }
    }
    probes.shutdownTestKit();
  }

  private static Config nodeConfig(final String cassandra, final int port, final int seedPort) {
    return CassandraNodeConfig.of(ConfigFactory.parseString(
            "pekko.remote.artery.canonical.port = " + port + "\n"
                + "pekko.cluster.seed-nodes = [\"pekko://osprey@127.0.0.1:" + seedPort + "\"]\n"
                + "osprey.cluster.formation = seed-nodes\n")
        .withFallback(PaperTestVenue.holding("USDT", "10000"))
        .withFallback(ConfigFactory.parseString(cassandra)));
  }

  private static <T> T eventually(final java.util.function.Supplier<T> check) {
    final TestProbe<Object> probe = probes.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(100), check::get);
  }

  private static ExecutorView view(final OspreyNode node, final String id) {
    try {
      return node.engine().executors().get(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ExecutorView await(final OspreyNode node, final String id, final Predicate<ExecutorView> done) {
    return eventually(() -> {
      final ExecutorView v = view(node, id);
      assertTrue(done.test(v), () -> "not yet: " + v.report().status() + " " + v.report().closeType());
      return v;
    });
  }

  /** The node whose shard region holds {@code executorId} in memory, if any. */
  private static Optional<OspreyNode> host(final String executorId) {
    for (OspreyNode n : NODES) {
      if (n.system().getWhenTerminated().toCompletableFuture().isDone()) {
        continue;
      }
      final ShardRegion.CurrentShardRegionState s;
      try {
        s = AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                ClusterSharding.get(n.system()).shardState(),
                replyTo -> new GetShardRegionState(ExecutorProtocol.ENTITY_KEY, replyTo),
                Duration.ofSeconds(10), n.system().scheduler())
            .toCompletableFuture().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      if (s.getShards().stream().anyMatch(sh -> sh.getEntityIds().contains(executorId))) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  @Test
  void shouldResumeOnASurvivorWhenItsNodeLeaves() throws Exception {
    final String cassandra = TestCassandra.get().pekkoConfig("handover");
    final int[] ports = FreePorts.find(3);
    for (int port : ports) {
      NODES.add(OspreyNode.start(nodeConfig(cassandra, port, ports[0]), CLOCK));
    }
    eventually(() -> {
      final long up = java.util.stream.StreamSupport.stream(
              Cluster.get(NODES.get(0).system()).state().getMembers().spliterator(), false)
          .filter(m -> m.status() == MemberStatus.up()).count();
      assertEquals(3, up);
      return null;
    });

    PaperTestVenue.quote(NODES.get(2), PAIR, "99.9", "100");
    final String id = "handover1";
    NODES.get(0).engine().executors().create(new PositionExecutorConfig(id, "handover", CLOCK.instant(), "paper",
        PAIR, Side.BUY, Price.of("95"), Quantity.of("1"),
        new TripleBarrierConfig(null, new BigDecimal("0.02"), null, null, null, null, null, null),
        null, null, null)).toCompletableFuture().get(60, TimeUnit.SECONDS);
    // The order leaves once the executor's route is registered, just after the create answers.
    await(NODES.get(0), id, v -> v.report().status() == RunnableStatus.RUNNING
        && PaperTestVenue.isOpen(NODES.get(1), ClientOrderId.forExecutor(id, 1).value()));
    final OspreyNode leaving = eventually(() -> host(id).orElseThrow(() -> new AssertionError("not hosted yet")));

    leaving.stop();

    final OspreyNode newHost = eventually(() -> host(id).orElseThrow(() -> new AssertionError("not resumed yet")));
    assertTrue(newHost != leaving);
    // Quotes go through the third node: one venue for the whole cluster.
    final OspreyNode other = NODES.stream().filter(n -> n != leaving && n != newHost).findFirst().orElseThrow();
    eventually(() -> {
      assertEquals(1, newHost.paper("paper").subscriberCount(PAIR), "the resumed executor listens to its market");
      return null;
    });
    assertTrue(PaperTestVenue.order(other, ClientOrderId.forExecutor(id, 2).value()).isEmpty(),
        "no second order was sent");

    PaperTestVenue.quote(other, PAIR, "94", "94.5");     // the resting BUY fills at 95 (maker, no fee)
    await(newHost, id, v -> v.report().isTrading());
    PaperTestVenue.quote(other, PAIR, "97", "97.1");     // (97 - 95)/95 = 2.1 % >= 2 %
    final ExecutorView closed = await(newHost, id, v -> v.report().status() == RunnableStatus.TERMINATED);
    assertEquals(CloseType.TAKE_PROFIT, closed.report().closeType());
    assertEquals(0, new BigDecimal("1.903").compareTo(closed.report().netPnlQuote().value()));  // 2 - 0.097
    assertTrue(PaperTestVenue.order(other, ClientOrderId.forExecutor(id, 3).value()).isEmpty(),
        "exactly one close order");
  }
}
