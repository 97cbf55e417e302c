package dev.osprey.engine.gateway;

import java.util.Set;

/**
 * A search over executors (hummingbot-api's {@code POST /executors/search}). Empty sets match
 * everything; {@code cursor} is the {@code next_cursor} of the previous page.
 */
public record ExecutorSearch(
    int limit,
    String cursor,
    Set<String> controllerIds,
    Set<String> connectorNames,
    Set<String> tradingPairs,
    Set<String> executorTypes,
    Set<String> statuses) {

  public static final int MAX_LIMIT = 1000;

  public ExecutorSearch {
    controllerIds = controllerIds == null ? Set.of() : Set.copyOf(controllerIds);
    connectorNames = connectorNames == null ? Set.of() : Set.copyOf(connectorNames);
    tradingPairs = tradingPairs == null ? Set.of() : Set.copyOf(tradingPairs);
    executorTypes = executorTypes == null ? Set.of() : Set.copyOf(executorTypes);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
