package dev.osprey.api.agents;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.engine.agent.AgentView;
import java.util.Map;

/** Reads agents from the standard's files and writes them back as a {@code trading_agents/} tree. */
public interface AgentFilesCodec {
  /**
   * The agent defined by {@code files} ({@code agent.md}, optional {@code config.yml}).
   *
   * @throws dev.osprey.domain.FieldViolation.Invalid naming the file, line and problem
   */
  AgentImport read(String slug, Map<String, String> files);

  /** An agent as imported: its definition (configs in force) and the insights of its learnings.md. */
  record AgentImport(AgentDefinition definition, java.util.List<dev.osprey.agent.files.Insight> learnings) {}

  /** Every file of the agent's tree, by path relative to {@code trading_agents/{slug}/}. */
  Map<String, byte[]> tree(AgentView view);

  /** The tree as a zip archive with entries under {@code trading_agents/{slug}/}. */
  byte[] zip(String slug, Map<String, byte[]> tree);
}
