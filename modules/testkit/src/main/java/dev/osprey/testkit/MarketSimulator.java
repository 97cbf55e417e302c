package dev.osprey.testkit;

import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * What every venue simulator shares: its simulated venue served on a free loopback port, and its
 * market as tests write it (fees, balances and tickers as decimal strings, the counts of what the
 * venue saw; each simulator names its counts).
 *
 * @param <M> the simulated venue
 */
public abstract class MarketSimulator<M extends SimulatedMarket> implements VenueSimulator {
  protected final M venue;
  protected final LoopbackServer server;

  /**
   * @param venue the simulated venue, which {@link #routes} serve
   * @param name the server's name in logs, e.g. {@code okx-simulator}
   */
  protected MarketSimulator(final M venue, final String name) {
    this.venue = venue;
    this.server = LoopbackServer.start(name, s -> routes());
  }

  /** The venue's REST and WebSocket endpoints. */
  protected abstract Route routes();

  public int port() {
    return server.port();
  }

  public URI restUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Fee rates charged on fills (fractions, e.g. 0.001); zero until set. */
  public void setFees(final String maker, final String taker) {
    venue.setFees(new BigDecimal(maker), new BigDecimal(taker));
  }

  public void setBalance(final String asset, final String free) {
    venue.setBalance(asset, new BigDecimal(free));
  }

  /** Sets the ticker with unlimited sizes, fills what it crosses, pushes it to subscribers. */
  @Override
  public void setTicker(final String symbol, final String bid, final String ask) {
    venue.setTicker(symbol, new BigDecimal(bid), null, new BigDecimal(ask), null);
  }

  /**
   * Sets the ticker with sizes: resting orders it crosses fill at most {@code askSize} (buys) and
   * {@code bidSize} (sells) in total, so an order fills partly, over several tickers.
   */
  public void setTicker(
      final String symbol,
      final String bid,
      final String bidSize,
      final String ask,
      final String askSize) {
    venue.setTicker(
        symbol,
        new BigDecimal(bid),
        new BigDecimal(bidSize),
        new BigDecimal(ask),
        new BigDecimal(askSize));
  }

  @Override
  public int count(final String what) {
    return venue.counters().get(what);
  }

  @Override
  public CompletableFuture<Void> await(final String what, final int atLeast) {
    return venue.counters().await(what, atLeast);
  }

  @Override
  public void close() {
    server.close();
  }
}
