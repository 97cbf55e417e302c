package dev.osprey.engine.venue;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connector whose market data is subscribed to once per pair on this node, however many
 * executors, agents and candle builders listen: the first listener of a pair opens the venue's
 * subscription, the last one to leave closes it. A real venue then carries one stream per pair
 * per node (its subscription limits and bandwidth are the node's, not the executors'). Everything
 * else goes straight to the connector.
 */
public final class SharedMarketData implements ExchangeConnector {
  private final ExchangeConnector venue;
  private final Map<TradingPair, Feed> feeds = new HashMap<>();

  /** One pair's venue subscription and the listeners sharing it. */
  private static final class Feed {
    final List<Consumer<TopOfBook>> listeners = new CopyOnWriteArrayList<>();
    Subscription upstream;
  }

  public SharedMarketData(final ExchangeConnector venue) {
    this.venue = venue;
  }

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    final Feed feed;
    synchronized (feeds) {
      feed = feeds.computeIfAbsent(pair, p -> new Feed());
      feed.listeners.add(listener);
      if (feed.upstream == null) {
        feed.upstream = venue.subscribeMarket(pair, top -> feed.listeners.forEach(l -> l.accept(top)));
      }
    }
    return () -> {
      synchronized (feeds) {
        if (feed.listeners.remove(listener) && feed.listeners.isEmpty() && feeds.remove(pair, feed)) {
          feed.upstream.close();
        }
      }
    };
  }

  /** How many venue subscriptions are open (one per pair with listeners). */
  public int openFeeds() {
    synchronized (feeds) {
      return feeds.size();
    }
  }

  @Override
  public String name() {
    return venue.name();
  }

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    return venue.place(request);
  }

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    return venue.cancel(clientOrderId);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    return venue.lookup(clientOrderId);
  }

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    return venue.subscribeOrderEvents(listener);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    return venue.topOfBook(pair);
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return venue.tradingRules(pair);
  }

  @Override
  public Optional<FeeRates> feeRates(final TradingPair pair) {
    return venue.feeRates(pair);
  }

  @Override
  public Contracts contracts() {
    return venue.contracts();
  }

  @Override
  public Map<String, BigDecimal> balances() {
    return venue.balances();
  }
}
