package dev.osprey.agent.policy;

import java.time.Instant;
import java.util.Map;

/**
 * A message from a topic the agent subscribes to ({@code topics:} in its configs), which made this
 * tick happen at once instead of at the next tick interval: a Loom plan on {@code plan.ready}, say.
 *
 * @param message the message as plain maps, lists, strings, decimals and booleans
 */
public record Trigger(String topic, Map<String, Object> message, Instant at) {
  public Trigger {
    message = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(message));
  }
}
