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
}
