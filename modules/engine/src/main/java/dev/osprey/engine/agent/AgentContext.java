package dev.osprey.engine.agent;

import dev.osprey.agent.policy.Policy;
import dev.osprey.engine.gateway.ControllerGateway;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.topic.Topics;
import dev.osprey.engine.venue.Venues;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What agent entities of one node need from outside the actor system. Node-local, never sent.
 *
 * @param executors how agents create, stop and list their executors (through their risk supervisor)
 * @param controllers their risk state and positions
 * @param candles one-minute candles of the venues' mids
 * @param policies the policies agent.md may name, by name
 * @param configReader turns a tool's executor config into a validated config with its identity
 * @param routines runs named routines for policies
 * @param topics the cluster's event bus: agents subscribe to their configs' {@code topics} and
 *     publish through their tools
 */
public record AgentContext(
    ExecutorGateway executors,
    ControllerGateway controllers,
    Venues venues,
    MarketCandles candles,
    Map<String, Policy> policies,
    ExecutorConfigReader configReader,
    RoutineRunner routines,
    Topics topics,
    Clock clock,
    AgentSettings settings) {

  public Optional<Policy> policy(final String name) {
    return Optional.ofNullable(name == null ? null : policies.get(name));
  }
}
