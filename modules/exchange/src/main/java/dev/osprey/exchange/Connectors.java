package dev.osprey.exchange;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The venues the engine can trade on, by {@code connector_name}. Built once at start-up and read
 * concurrently afterwards; a name is registered at most once so that two venues can never answer
 * to the same configs.
 */
public final class Connectors {
  private final Map<String, ExchangeConnector> byName = new ConcurrentHashMap<>();

  /** A registry holding {@code connectors}. */
  public static Connectors of(final ExchangeConnector... connectors) {
    final Connectors registry = new Connectors();
    for (ExchangeConnector c : connectors) {
      registry.register(c);
    }
    return registry;
  }

  /**
   * Adds {@code connector} under its {@link ExchangeConnector#name()}.
   *
   * @throws IllegalArgumentException if the name is already taken
   */
  public Connectors register(final ExchangeConnector connector) {
    Objects.requireNonNull(connector, "connector");
    final String name = Objects.requireNonNull(connector.name(), "connector name");
    if (byName.putIfAbsent(name, connector) != null) {
      throw new IllegalArgumentException("connector '" + name + "' is already registered");
    }
    return this;
  }

  public Optional<ExchangeConnector> find(final String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
  }

  /**
   * The connector called {@code name}.
   *
   * @throws NoSuchElementException naming the known connectors when there is none
   */
  public ExchangeConnector require(final String name) {
    return find(name)
        .orElseThrow(
            () -> new NoSuchElementException(
                "unknown connector '" + name + "'; known: " + names()));
  }

  /** Registered names, sorted. */
  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }
}
