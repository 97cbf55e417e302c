package dev.osprey.engine.venue;

import dev.osprey.exchange.ExchangeConnector;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors this node trades on, by {@code connector_name}, fixed at start, and their market
 * data, subscribed to once per market on this node ({@link MarketFeeds}).
 */
public final class Venues {
  private final Map<String, ExchangeConnector> byName;
  private final MarketFeeds feeds = new MarketFeeds();

  public Venues(final Collection<? extends ExchangeConnector> connectors) {
    final Map<String, ExchangeConnector> m = new LinkedHashMap<>();
    for (ExchangeConnector c : connectors) {
      if (m.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two connectors named " + c.name());
      }
    }
    this.byName = Map.copyOf(m);
  }

  public Optional<ExchangeConnector> get(final String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  /**
   * Listens to {@code pair}'s top of book on connector {@code name}, sharing the node's one venue
   * subscription of it; empty when this node has no such connector.
   */
  public Optional<ExchangeConnector.Subscription> subscribeMarket(final String name,
      final dev.osprey.domain.market.TradingPair pair, final java.util.function.Consumer<dev.osprey.domain.market.TopOfBook> listener) {
    return get(name).map(v -> feeds.subscribe(v, new dev.osprey.domain.market.ConnectorPair(name, pair), listener));
  }

  /** How many venue market subscriptions this node holds. */
  public int openMarketFeeds() {
    return feeds.open();
  }

  public Collection<ExchangeConnector> all() {
    return byName.values();
  }

  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }
}
