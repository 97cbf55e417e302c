package dev.osprey.engine;

import static dev.osprey.engine.TestEngine.await;
import static dev.osprey.engine.TestEngine.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.TestVenues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cancel the venue never receives (lost while the venue moved, say) is sent again: the executor
 * asks the venue after {@code notify-retry-interval}, finds the order still open and cancels it
 * again, so a stop ends in EARLY_STOP without any further quote or report.
 */
class LostCancelTest {
  private static final TradingPair PAIR = TradingPair.parse("LCX-USDT");
  private static final ManualClock CLOCK = ManualClock.at("2026-12-06T10:00:00Z");
  private static final AtomicInteger CANCELS = new AtomicInteger();
  private static PaperExchange paper;
  private static ActorTestKit testKit;
  private static OspreyEngine engine;

  /** The paper venue, except that the first cancel it is sent is lost. */
  private static ExchangeConnector losingFirstCancel(final PaperExchange paper) {
    return (ExchangeConnector) Proxy.newProxyInstance(ExchangeConnector.class.getClassLoader(),
        new Class<?>[] {ExchangeConnector.class}, (proxy, method, args) -> {
          if (method.getName().equals("cancel") && CANCELS.incrementAndGet() == 1) {
            return CompletableFuture.completedFuture(null);
          }
          try {
            return method.invoke(paper, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @BeforeAll
  static void start() {
    paper = TestVenues.paper(CLOCK, Map.of("USDT", new BigDecimal("1000")));
    paper.setQuote(PAIR, Price.of("100"), Price.of("100.1"));
    testKit = ActorTestKit.create("lost-cancel", ConfigFactory.parseString("osprey.engine.notify-retry-interval = 300ms")
        .withFallback(TestNodeConfig.inMemory()));
    engine = TestEngine.start(testKit, losingFirstCancel(paper), CLOCK, Executors::create);
  }

  @AfterAll
  static void stop() {
    TestEngine.stop(engine, testKit);
  }

  @Test
  void shouldSendALostCancelAgainUntilTheStopEnds() throws Exception {
    final String id = "lost-cancel-1";
    await(engine.executors().create(new PositionExecutorConfig(id, "lost-ctrl", CLOCK.instant(), "paper", PAIR,
        Side.BUY, Price.of("50"), Quantity.of("1"), TripleBarrierConfig.none(), null, null, null)));
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
      assertEquals(1, paper.openOrders().size(), "the BUY at 50 rests");
      return null;
    });

    await(engine.executors().stop(id, false));
    final ExecutorView stopped = awaitView(id, v -> v.report().status() == RunnableStatus.TERMINATED);

    assertEquals(CloseType.EARLY_STOP, stopped.report().closeType());
    assertEquals(2, CANCELS.get(), "the lost cancel, then the one sent after asking the venue");
    assertEquals(0, paper.openOrders().size());
  }

  private static ExecutorView awaitView(final String id, final java.util.function.Predicate<ExecutorView> done) {
    return testKit.createTestProbe().awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
      final ExecutorView v = resultOf(engine.executors().get(id));
      assertTrue(done.test(v), () -> "not yet: " + v.report().status());
      return v;
    });
  }
}
