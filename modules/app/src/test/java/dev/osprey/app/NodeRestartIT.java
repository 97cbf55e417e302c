package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node dies while an executor has a live order; a new node on the same Cassandra data resumes
 * the executor by itself, sends no second order for the same intent, and closes it correctly.
 */
class NodeRestartIT {
  private static final TradingPair PAIR = TradingPair.parse("RST-USDT");
  private static final ManualClock CLOCK = ManualClock.at("2026-04-01T09:00:00Z");
  private static ActorTestKit probes;

  @BeforeAll
  static void probes() {
    probes = ActorTestKit.create("restart-probes");
  }

  @AfterAll
  static void stopProbes() {
    probes.shutdownTestKit();
  }

  private static ExecutorView await(final OspreyNode node, final String id, final Predicate<ExecutorView> done) {
    final TestProbe<Object> probe = probes.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
      final ExecutorView v;
      try {
        v = node.engine().executors().get(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertTrue(done.test(v), () -> "not yet: " + v.report().status() + " " + v.report().closeType());
      return v;
    });
  }

  @Test
  void shouldResumeAfterTheNodeDiesWithoutSendingTheOrderTwice() throws Exception {
    final Config config = CassandraNodeConfig.of(PaperTestVenue.holding("USDT", "10000")
        .withFallback(ConfigFactory.parseString(TestCassandra.get().pekkoConfig("restart"))));

    final OspreyNode first = OspreyNode.start(config, CLOCK);
    final String id = "restart1";
    final String openOrder = ClientOrderId.forExecutor(id, 1).value();
    try {
      PaperTestVenue.quote(first, PAIR, "99.9", "100");
      final PositionExecutorConfig limitBuy = new PositionExecutorConfig(id, "restart-ctrl", CLOCK.instant(),
          "paper", PAIR, Side.BUY, Price.of("95"), Quantity.of("1"),
          new TripleBarrierConfig(null, new BigDecimal("0.02"), null, null, null, null, null, null),
          null, null, null);
      first.engine().executors().create(limitBuy).toCompletableFuture().get(60, TimeUnit.SECONDS);
      // The order leaves once the executor's route is registered, just after the create answers.
      await(first, id, v -> v.report().status() == RunnableStatus.RUNNING && PaperTestVenue.isOpen(first, openOrder));
    } finally {
      first.stop();
    }

    final OspreyNode second = OspreyNode.start(config, CLOCK);
    try {
      // Nobody asks for it: remember-entities brings the executor back, and it reconciles.
      final TestProbe<Object> probe = probes.createTestProbe();
      probe.awaitAssert(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
        assertEquals(1, second.paper("paper").subscriberCount(PAIR), "the resumed executor listens to its market");
        return null;
      });
      assertEquals(List.of(openOrder), PaperTestVenue.openOrderIds(second), "still exactly the one open order");
      assertTrue(PaperTestVenue.order(second, ClientOrderId.forExecutor(id, 2).value()).isEmpty(), "no second order was sent");

      PaperTestVenue.quote(second, PAIR, "94", "94.5");    // the resting BUY fills at 95, maker, no fee
      await(second, id, v -> v.report().isTrading());
      PaperTestVenue.quote(second, PAIR, "97", "97.1");    // (97 - 95)/95 = 0.021 >= 0.02
      final ExecutorView closed = await(second, id, v -> v.report().status() == RunnableStatus.TERMINATED);

      assertEquals(CloseType.TAKE_PROFIT, closed.report().closeType());
      assertDecimal("0.097", closed.report().cumFeesQuote().value());     // exit 97 x 0.001
      assertDecimal("1.903", closed.report().netPnlQuote().value());      // 2 - 0.097
      assertDecimal("192", closed.report().filledAmountQuote().value());  // 95 + 97
      assertEquals(VenueOrder.State.FILLED, PaperTestVenue.order(second, ClientOrderId.forExecutor(id, 2).value()).orElseThrow().state());
      assertTrue(PaperTestVenue.order(second, ClientOrderId.forExecutor(id, 3).value()).isEmpty(), "exactly one close order");
    } finally {
      second.stop();
    }
  }

  private static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }
}
