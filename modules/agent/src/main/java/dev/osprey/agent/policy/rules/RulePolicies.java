package dev.osprey.agent.policy.rules;

import dev.osprey.agent.loom.LoomExecutorPolicy;
import dev.osprey.agent.policy.Policy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in deterministic policies, by the name agent.md selects them with: the rule policies and
 * the Loom executor agent's plan policy.
 */
public final class RulePolicies {
  private RulePolicies() {}

  /** A new map of every built-in rule policy (callers may add their own, such as the LLM policy). */
  public static Map<String, Policy> builtIn() {
    final Map<String, Policy> m = new LinkedHashMap<>();
    for (Policy p : List.of(new GridMarketMakerPolicy(), new DirectionalPolicy(), new LoomExecutorPolicy())) {
      m.put(p.name(), p);
    }
    return m;
  }
}
