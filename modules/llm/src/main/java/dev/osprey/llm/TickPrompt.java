package dev.osprey.llm;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.policy.TickContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text the model gets. The system prompt is the fixed rules ({@code system-prompt.md}) and the
 * agent's definition: it is rebuilt every tick, so an edited agent.md applies from the next tick.
 * The tick's user message carries what changes every tick: configs in force, learnings, the
 * journal so far and the observation as JSON.
 */
final class TickPrompt {
  private static final String RULES = resource("system-prompt.md");

  private TickPrompt() {}

  static String system(final AgentDefinition agent) {
    final StringBuilder s = new StringBuilder(RULES.strip()).append("\n\n");
    s.append("# Agent: ").append(agent.name()).append('\n');
    if (!agent.description().isBlank()) {
      s.append(agent.description().strip()).append('\n');
    }
    s.append("Agent id: ").append(agent.slug())
        .append(". Connectors: ").append(String.join(", ", agent.connectors()))
        .append(". Tick interval: ").append(agent.tickInterval().toSeconds()).append(" s.\n\n");
    s.append("## Instructions (agent.md)\n\n").append(agent.instructions().strip()).append('\n');
    return s.toString();
  }

  static String user(final TickContext tick) {
    final StringBuilder s = new StringBuilder();
    s.append("Tick ").append(tick.tick()).append(" of session ").append(tick.session())
        .append(", ").append(tick.now()).append(".\n\n");
    s.append("## Configs in force\n\n").append(json(tick.configs())).append('\n');
    s.append("## Learnings\n\n");
    if (tick.learnings().isEmpty()) {
      s.append("None yet.\n");
    }
    tick.learnings().forEach(l -> s.append("- ").append(l).append('\n'));
    final String journal = tick.journal().strip();
    s.append("\n## Journal so far\n\n")
        .append(journal.isEmpty() ? "Empty: this is the session's first tick." : journal)
        .append("\n\n");
    final Map<String, Object> observation = new LinkedHashMap<>(tick.observation().toMap());
    observation.put("risk", tick.observation().risk().toMap());
    s.append("## Observation\n\n").append(json(observation)).append('\n');
    s.append("Decide what to do this tick.");
    return s.toString();
  }

  private static String json(final Object value) {
    return "```json\n" + LlmJson.writePretty(value) + "\n```\n";
  }

  private static String resource(final String name) {
    try (InputStream in = TickPrompt.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the agent module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
