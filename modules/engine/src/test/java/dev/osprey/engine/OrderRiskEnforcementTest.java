package dev.osprey.engine;

import static dev.osprey.engine.TestEngine.await;
import static dev.osprey.engine.TestEngine.resultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.risk.RiskLimits;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ControllerRisk;
import dev.osprey.engine.gateway.GlobalTradingState;
import dev.osprey.engine.risk.RiskProtocol;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.TestVenues;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Risk on every order, not only on spawns: each order an executor sends is first let out by its
 * controller's risk supervisor, which holds it back in HALTED (no new order leaves), in REDUCING
 * (only orders that reduce a position leave) and over {@code max_orders_per_second}; a held order
 * leaves when the state allows it. The global kill switch stops every controller's executors.
 * Each test uses its own market, so venue orders are told apart by pair.
 */
class OrderRiskEnforcementTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ManualClock CLOCK = ManualClock.at("2026-01-05T10:00:00Z");
  private static PaperExchange paper;
  private static ActorTestKit testKit;
  private static OspreyEngine engine;

  @BeforeAll
  static void start() {
    paper = TestVenues.paper(CLOCK, Map.of("USDT", new BigDecimal("100000")));
    testKit = ActorTestKit.create("risk-test", TestNodeConfig.inMemory());
    engine = TestEngine.start(testKit, paper, CLOCK, Executors::create);
  }

  @AfterAll
  static void stop() {
    TestEngine.stop(engine, testKit);
  }

  private static <T> T eventually(final Supplier<T> check) {
    return testKit.<Object>createTestProbe().awaitAssert(WAIT, Duration.ofMillis(20), check::get);
  }

  /** Retries {@code check} until it passes. */
  private static void eventually(final Runnable check) {
    eventually(() -> {
      check.run();
      return null;
    });
  }

  private static ExecutorView view(final String id) {
    return resultOf(engine.executors().get(id));
  }

  /** The venue's open orders of {@code pair}, by client order id. */
  private static List<String> open(final TradingPair pair) {
    return paper.openOrders().stream().filter(o -> o.request().tradingPair().equals(pair))
        .map(o -> o.request().clientOrderId().value()).sorted().toList();
  }

  private static String order(final String executorId, final int seq) {
    return ClientOrderId.forExecutor(executorId, seq).value();
  }

  private static boolean venueHas(final String executorId, final int seq) {
    return resultOf(paper.lookup(ClientOrderId.forExecutor(executorId, seq))).isPresent();
  }

  /** A maker DCA buying 100 quote at each price; a level rests once its price is within 5 % below mid. */
  private static DcaExecutorConfig dca(final String id, final String controller, final TradingPair pair,
      final List<String> prices, final List<BigDecimal> bounds) {
    final List<BigDecimal> amounts = prices.stream().map(p -> new BigDecimal("100")).toList();
    return new DcaExecutorConfig(id, controller, CLOCK.instant(), "paper", pair, Side.BUY, null, amounts,
        prices.stream().map(BigDecimal::new).toList(), null, null, null, null, null, bounds, null);
  }

  private static PositionExecutorConfig position(final String id, final String controller, final TradingPair pair,
      final Price entry) {
    return new PositionExecutorConfig(id, controller, CLOCK.instant(), "paper", pair, Side.BUY, entry,
        Quantity.of("1"), new TripleBarrierConfig(null, null, null, null, entry == null ? OrderType.MARKET : null,
            null, null, null), null, null, null);
  }

  /**
   * On a pair quoted 101/101.2, creates a DCA buying at 100 and 90 within 5 % of mid and waits
   * until its level at 100 rests (100 > 101.1 x 0.95); the one at 90 waits.
   */
  private static void startTwoLevelDca(final String id, final String controller, final TradingPair pair)
      throws Exception {
    await(engine.executors().create(dca(id, controller, pair, List.of("100", "90"),
        List.of(new BigDecimal("0.05")))));
    eventually(() -> assertEquals(List.of(order(id, 1)), open(pair)));
  }

  /**
   * Moves the mid to 93.1, where the second level of {@link #startTwoLevelDca} is decided (90 >
   * 93.1 x 0.95), and waits until the controller's risk counts it refused for {@code reason}.
   */
  private static void awaitSecondLevelRefused(final TradingPair pair, final String controller, final String reason) {
    paper.setQuote(pair, Price.of("93"), Price.of("93.2"));
    eventually(() -> assertEquals(1L, risk(controller).refusedOrders().get(reason)));
  }

  private static ControllerRisk risk(final String controller) {
    return resultOf(engine.controllers().risk(controller));
  }

  @Test
  void shouldStopARunningDcaFromAddingLevelsWhileHaltedAndLetThemOutWhenActiveAgain() throws Exception {
    final TradingPair pair = TradingPair.parse("HALT-USDT");
    paper.setQuote(pair, Price.of("101"), Price.of("101.2"));
    startTwoLevelDca("dca-halt", "halting", pair);

    await(engine.controllers().setTradingState("halting", TradingState.HALTED, "desk review", false, false));
    // The first level fills at its price (a resting order may still fill), and the second is
    // decided, persisted, and held back: it never reaches the venue.
    awaitSecondLevelRefused(pair, "halting", "TRADING_HALTED");
    assertEquals(List.of(), open(pair));
    assertTrue(venueHas("dca-halt", 1));
    assertTrue(!venueHas("dca-halt", 2), "HALTED: the new level did not leave");
    assertEquals(RunnableStatus.RUNNING, view("dca-halt").report().status());

    await(engine.controllers().setTradingState("halting", TradingState.ACTIVE, null, false, false));
    eventually(() -> assertEquals(List.of(order("dca-halt", 2)), open(pair)));
  }

  @Test
  void shouldLetAReducingOrderOutAndHoldAnIncreasingOneWhileReducing() throws Exception {
    final TradingPair pair = TradingPair.parse("RED-USDT");
    paper.setQuote(pair, Price.of("101"), Price.of("101.2"));
    await(engine.executors().create(position("long-red", "reducing", pair, null)));
    eventually(() -> assertTrue(view("long-red").report().isTrading()));
    startTwoLevelDca("dca-red", "reducing", pair);

    await(engine.controllers().setTradingState("reducing", TradingState.REDUCING, "de-risk", false, false));
    awaitSecondLevelRefused(pair, "reducing", "TRADING_REDUCING");
    assertTrue(!venueHas("dca-red", 2), "REDUCING: the DCA's new BUY level would add to the position");

    // Closing the long reduces it: the SELL leaves, at the bid 93 with a 0.093 fee.
    await(engine.executors().stop("long-red", false));
    final ExecutorView closed = eventually(() -> {
      final ExecutorView v = view("long-red");
      assertEquals(RunnableStatus.TERMINATED, v.report().status());
      return v;
    });
    assertEquals(CloseType.EARLY_STOP, closed.report().closeType());
    // Bought 1 at the ask 101.2 (fee 0.1012), sold at 93 (fee 0.093): -8.2 - 0.1942.
    assertEquals(0, new BigDecimal("-8.3942").compareTo(closed.report().netPnlQuote().value()),
        closed.report().netPnlQuote().toString());
    assertTrue(!venueHas("dca-red", 2));
  }

  @Test
  void shouldHoldOrdersOverMaxOrdersPerSecondUntilTheRateAllowsThem() throws Exception {
    final TradingPair pair = TradingPair.parse("RATE-USDT");
    paper.setQuote(pair, Price.of("101"), Price.of("101.2"));
    await(engine.controllers().setLimits("rated", RiskLimits.fromMap(Map.of(RiskLimits.MAX_ORDERS_PER_SECOND, 1))));
    // Three levels without activation bounds: all three are decided at once.
    await(engine.executors().create(dca("dca-rate", "rated", pair, List.of("99", "98", "97"), null)));
    eventually(() -> {
      assertEquals(List.of(order("dca-rate", 1)), open(pair));
      assertTrue(risk("rated").refusedOrders().get("ORDER_RATE") >= 2, () -> risk("rated").refusedOrders().toString());
      return null;
    });
    assertEquals(List.of(order("dca-rate", 1)), open(pair), "no second order within the same second");

    CLOCK.advance(Duration.ofSeconds(1));
    eventually(() -> assertEquals(
        List.of(order("dca-rate", 1), order("dca-rate", 2)).stream().sorted().toList(), open(pair)));
    CLOCK.advance(Duration.ofSeconds(1));
    eventually(() -> assertEquals(3, open(pair).size()));
  }

  @Test
  void shouldStopTheExecutorsOfEveryControllerWithTheGlobalKillSwitch() throws Exception {
    final TradingPair pair = TradingPair.parse("KILL-USDT");
    paper.setQuote(pair, Price.of("101"), Price.of("101.2"));
    await(engine.executors().create(position("kill-a", "desk-a", pair, Price.of("95"))));
    await(engine.executors().create(position("kill-b", "desk-b", pair, Price.of("94"))));
    eventually(() -> assertEquals(2, open(pair).size()));
    try {
      final GlobalTradingState killed = await(engine.tradingState().killSwitch(false, "drill"));
      assertEquals(TradingState.HALTED, killed.state());
      for (String id : List.of("kill-a", "kill-b")) {
        final ExecutorView v = eventually(() -> {
          final ExecutorView x = view(id);
          assertEquals(RunnableStatus.TERMINATED, x.report().status());
          return x;
        });
        assertEquals(CloseType.EARLY_STOP, v.report().closeType());
      }
      assertEquals(List.of(), open(pair));
      eventually(() -> {
        assertEquals(TradingState.HALTED, risk("desk-a").effectiveTradingState());
        assertEquals(TradingState.ACTIVE, risk("desk-a").tradingState(), "the controller's own state is untouched");
        return null;
      });
      final ExecutionException denied = assertThrows(ExecutionException.class,
          () -> await(engine.executors().create(position("kill-c", "desk-c", pair, Price.of("93")))));
      assertEquals("TRADING_HALTED",
          assertInstanceOf(EntityError.GatewayException.class, denied.getCause()).error().code());
    } finally {
      await(engine.tradingState().set(TradingState.ACTIVE, "drill over"));
    }
  }
}
