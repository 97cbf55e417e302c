package dev.osprey.testkit;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderRequest;

/**
 * What the tests of a live connector against its venue simulator share, whatever the venue: BTC-USDT
 * listed with maker 0.08 %, taker 0.1 % and 10000 USDT, fresh client order ids, and spot orders for
 * the connector. Each venue's fixture lists the pair (tick and lot differ) and builds connectors.
 *
 * @param <S> the venue's simulator
 */
public abstract class VenueFixture<S extends MarketSimulator<?>> implements AutoCloseable {
  public static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

  public final S sim;
  private final String connector;
  private final String executorId;
  private int sequence;

  /**
   * @param connector the connector name orders are for, e.g. {@code binance}
   * @param sim the started simulator, BTC-USDT already listed
   */
  protected VenueFixture(final String connector, final S sim) {
    this.connector = connector;
    this.executorId = connector + "-test-" + System.nanoTime();
    this.sim = sim;
    sim.setFees("0.0008", "0.001");
    sim.setBalance("USDT", "10000");
  }

  /** A client order id not used before (by this fixture or by an earlier run on the venue). */
  public ClientOrderId nextId() {
    return ClientOrderId.forExecutor(executorId, ++sequence);
  }

  public OrderRequest market(final ClientOrderId id, final Side side, final String amount) {
    return TestOrders.market(connector, BTC_USDT, id, side, amount);
  }

  public OrderRequest limit(
      final ClientOrderId id, final Side side, final String amount, final String price) {
    return TestOrders.limit(connector, BTC_USDT, id, side, amount, price);
  }

  @Override
  public void close() {
    sim.close();
  }
}
