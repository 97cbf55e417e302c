package dev.osprey.engine.agent;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleBuilder;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.ExchangeConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candles of this node's venues, built from their quotes (mid prices at the quotes' own times, so
 * the same quotes give the same candles live and in replay). A market is followed from the first
 * time anyone asks for it: an agent's first ticks see few candles, and indicators say how many
 * they need.
 */
public final class VenueCandles implements MarketCandles, AutoCloseable {
  private final Venues venues;
  private final Map<String, Followed> followed = new ConcurrentHashMap<>();

  private record Followed(CandleBuilder builder, ExchangeConnector.Subscription subscription) {}

  public VenueCandles(final Venues venues) {
    this.venues = venues;
  }

  @Override
  public List<Candle> oneMinute(final String venue, final TradingPair pair, final int limit) {
    return candles(venue, pair, CandleInterval.ONE_MINUTE, limit);
  }

  /** The last {@code limit} candles, oldest first; empty for a venue this node does not have. */
  public List<Candle> candles(final String venue, final TradingPair pair, final CandleInterval interval, final int limit) {
    final Optional<ExchangeConnector> connector = venues.get(venue);
    if (connector.isEmpty()) {
      return List.of();
    }
    final CandleBuilder builder = followed.computeIfAbsent(venue + " " + pair.symbol(),
        k -> follow(connector.get(), pair)).builder();
    synchronized (builder) {
      return builder.candles(interval, limit);
    }
  }

  private Followed follow(final ExchangeConnector venue, final TradingPair pair) {
    final CandleBuilder builder = new CandleBuilder();
    venue.topOfBook(pair).ifPresent(t -> add(builder, t));
    return new Followed(builder, venues.subscribeMarket(venue.name(), pair, t -> add(builder, t)).orElseThrow());
  }

  private static void add(final CandleBuilder builder, final TopOfBook top) {
    synchronized (builder) {
      builder.onMid(top.timestamp(), top.mid());
    }
  }

  @Override
  public void close() {
    followed.values().forEach(f -> f.subscription().close());
    followed.clear();
  }
}
