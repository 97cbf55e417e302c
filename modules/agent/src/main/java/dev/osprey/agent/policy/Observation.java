package dev.osprey.agent.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent saw at the start of a tick: its markets (quotes and candles), its own executors and
 * positions (never another controller's), and its risk state. Everything a policy decides on; kept
 * whole in the tick's snapshot.
 */
public record Observation(
    Instant at,
    List<ObservedMarket> markets,
    List<ObservedExecutor> executors,
    List<ObservedPosition> positions,
    ObservedRisk risk) {

  public Observation {
    markets = List.copyOf(markets);
    executors = List.copyOf(executors);
    positions = List.copyOf(positions);
  }

  /** The market of {@code pair} on {@code connector}, if the agent observes it. */
  public Optional<ObservedMarket> market(final String connector, final String pair) {
    return markets.stream()
        .filter(m -> m.connector().equals(connector) && m.tradingPair().equals(pair))
        .findFirst();
  }

  /** The agent's executors that have not terminated. */
  public List<ObservedExecutor> openExecutors() {
    return executors.stream().filter(ObservedExecutor::open).toList();
  }

  /** As plain maps, lists, strings and numbers: the snapshot's "Observation" section. */
  public Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("markets", markets.stream().map(ObservedMarket::toMap).toList());
    m.put("executors", executors.stream().map(ObservedExecutor::toMap).toList());
    m.put("positions", positions.stream().map(ObservedPosition::toMap).toList());
    return m;
  }
}
