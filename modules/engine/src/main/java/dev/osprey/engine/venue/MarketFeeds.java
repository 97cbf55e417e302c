package dev.osprey.engine.venue;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.ExchangeConnector.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node's market data: one venue subscription per connector and pair, however many executors,
 * agents and candle builders listen. The first listener of a market opens the venue's subscription,
 * the last one to leave closes it. A real venue then carries one stream per pair per node, so its
 * subscription limits and bandwidth are the node's, not the executors'.
 */
public final class MarketFeeds {
  private final Map<ConnectorPair, Feed> feeds = new HashMap<>();

  /** One market's venue subscription and the listeners sharing it. */
  private static final class Feed {
    final List<Consumer<TopOfBook>> listeners = new CopyOnWriteArrayList<>();
    Subscription upstream;
  }

  /** Listens to {@code market} on {@code venue} (listeners must not block: they run on the venue's thread). */
  public Subscription subscribe(final ExchangeConnector venue, final ConnectorPair market,
      final Consumer<TopOfBook> listener) {
    final Feed feed;
    synchronized (feeds) {
      feed = feeds.computeIfAbsent(market, m -> new Feed());
      feed.listeners.add(listener);
      if (feed.upstream == null) {
        feed.upstream = venue.subscribeMarket(market.tradingPair(), top -> feed.listeners.forEach(l -> l.accept(top)));
      }
    }
    return () -> {
      synchronized (feeds) {
        if (feed.listeners.remove(listener) && feed.listeners.isEmpty() && feeds.remove(market, feed)) {
          feed.upstream.close();
        }
      }
    };
  }

  /** How many venue subscriptions are open (one per market with listeners). */
  public int open() {
    synchronized (feeds) {
      return feeds.size();
    }
  }
}
