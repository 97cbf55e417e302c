package dev.osprey.engine.venue;

import dev.osprey.exchange.ExchangeConnector;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors this node trades on, by {@code connector_name}. Fixed at start. Each one's market
 * data is shared on this node ({@link SharedMarketData}): one venue subscription per pair.
 */
public final class Venues {
  private final Map<String, ExchangeConnector> byName;

  public Venues(final Collection<? extends ExchangeConnector> connectors) {
    final Map<String, ExchangeConnector> m = new LinkedHashMap<>();
    for (ExchangeConnector c : connectors) {
      if (m.put(c.name(), c instanceof SharedMarketData ? c : new SharedMarketData(c)) != null) {
        throw new IllegalArgumentException("two connectors named " + c.name());
      }
    }
    this.byName = Map.copyOf(m);
  }

  public Optional<ExchangeConnector> get(final String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  public Collection<ExchangeConnector> all() {
    return byName.values();
  }

  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }
}
