package dev.osprey.okx;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.testkit.TestOrders;
import dev.osprey.testkit.okx.OkxSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An OKX simulator with BTC-USDT listed (tick 0.1, lot 0.0001, min 0.001; maker 0.08 %, taker 0.1
 * %) and connectors pointed at it, demo mode on, reconnecting fast.
 */
final class OkxVenueFixture implements AutoCloseable {
  static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
  static final OkxCredentials KEYS =
      new OkxCredentials(OkxSimulator.API_KEY, OkxSimulator.SECRET_KEY, OkxSimulator.PASSPHRASE);

  final OkxSimulator sim;
  private int sequence;
  private final String executorId = "okx-test-" + System.nanoTime();

  OkxVenueFixture() {
    this(Clock.systemUTC());
  }

  /** A simulated venue whose own clock is {@code venueClock}. */
  OkxVenueFixture(final Clock venueClock) {
    sim = OkxSimulator.start(venueClock);
    sim.listInstrument("BTC-USDT", "0.1", "0.0001", "0.001");
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
  }

  OkxConfig config(final OkxCredentials credentials) {
    return OkxConfig.of("okx", true, credentials)
        .withUrls(new OkxUrls(sim.restUrl(), sim.publicWsUrl(), sim.privateWsUrl()))
        .withTimings(
            new OkxTimings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)));
  }

  /** A started connector with the simulator's keys. */
  OkxExchange connector() throws Exception {
    final OkxExchange okx = new OkxExchange(config(KEYS), Clock.systemUTC());
    okx.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return okx;
  }

  ClientOrderId nextId() {
    return ClientOrderId.forExecutor(executorId, ++sequence);
  }

  static OrderRequest market(final ClientOrderId id, final Side side, final String amount) {
    return TestOrders.market("okx", BTC_USDT, id, side, amount);
  }

  static OrderRequest limit(
      final ClientOrderId id, final Side side, final String amount, final String price) {
    return TestOrders.limit("okx", BTC_USDT, id, side, amount, price);
  }

  @Override
  public void close() {
    sim.close();
  }
}
