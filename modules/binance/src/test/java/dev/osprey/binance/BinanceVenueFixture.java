package dev.osprey.binance;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.testkit.TestOrders;
import dev.osprey.testkit.binance.BinanceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;

/**
 * A Binance simulator with BTCUSDT listed (tick 0.01, step 0.0001, min 0.001; maker 0.08 %, taker
 * 0.1 %, 10000 USDT) and connectors pointed at it on one actor system (their WebSocket client),
 * reconnecting fast.
 */
final class BinanceVenueFixture implements AutoCloseable {
  static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
  static final BinanceCredentials KEYS =
      new BinanceCredentials(BinanceSimulator.API_KEY, BinanceSimulator.SECRET_KEY);

  final BinanceSimulator sim;
  final ActorSystem system = ActorSystem.create("binance-test");
  private final List<BinanceExchange> connectors = new ArrayList<>();
  private int sequence;
  private final String executorId = "binance-test-" + System.nanoTime();

  BinanceVenueFixture() {
    this(Clock.systemUTC());
  }

  /** A simulated venue whose own clock is {@code venueClock}. */
  BinanceVenueFixture(final Clock venueClock) {
    sim = BinanceSimulator.start(venueClock);
    sim.listSymbol("BTC", "USDT", "0.01", "0.0001", "0.001");
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
  }

  BinanceConfig config(final BinanceCredentials credentials) {
    return BinanceConfig.of("binance", true, credentials)
        .withUrlOverrides(sim.restUrl().toString(), sim.wsUrl().toString())
        .withTimings(
            new BinanceConfig.Timings(
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                Duration.ofMinutes(30),
                Duration.ofSeconds(5)));
  }

  /** A connector with {@code credentials}, not started. */
  BinanceExchange unstarted(final BinanceCredentials credentials) {
    final BinanceExchange c = new BinanceExchange(config(credentials), Clock.systemUTC(), system);
    connectors.add(c);
    return c;
  }

  /** A started connector with the simulator's keys. */
  BinanceExchange connector() throws Exception {
    final BinanceExchange c = unstarted(KEYS);
    c.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return c;
  }

  ClientOrderId nextId() {
    return ClientOrderId.forExecutor(executorId, ++sequence);
  }

  static OrderRequest market(final ClientOrderId id, final Side side, final String amount) {
    return TestOrders.market("binance", BTC_USDT, id, side, amount);
  }

  static OrderRequest limit(
      final ClientOrderId id, final Side side, final String amount, final String price) {
    return TestOrders.limit("binance", BTC_USDT, id, side, amount, price);
  }

  @Override
  public void close() {
    connectors.forEach(BinanceExchange::close);
    sim.close();
    system.terminate();
  }
}
