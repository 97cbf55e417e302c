package dev.osprey.agent.files;

import dev.osprey.agent.AgentDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent read from its folder.
 *
 * @param definition the agent as its agent.md defines it (its {@code configs} are agent.md's)
 * @param configs the current configs: agent.md's, with config.yml's values over them
 * @param learnings learnings.md's, or none
 */
public record ImportedAgent(
    AgentDefinition definition, Map<String, Object> configs, Learnings learnings) {

  public ImportedAgent {
    configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
  }

  /** The definition with the current configs (config.yml's over agent.md's): what the agent runs with. */
  public AgentDefinition inForce() {
    final AgentDefinition d = definition;
    return new AgentDefinition(d.slug(), d.name(), d.description(), d.tickInterval(), d.connectors(), configs,
        d.limits(), d.policy(), d.instructions());
  }
}
