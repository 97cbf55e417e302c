package dev.osprey.app;

import dev.osprey.agent.files.AgentFileException;
import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.ImportedAgent;
import dev.osprey.api.agents.AgentFilesCodec;
import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.agent.AgentFiles;
import dev.osprey.engine.agent.AgentView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard's files of an agent: read on import (agent.md, config.yml), rendered from the
 * agent's state for {@code GET /agents/{id}/files/…} and the export.
 */
final class StandardAgentFiles implements AgentFilesCodec {
  @Override
  public AgentImport read(final String slug, final Map<String, String> files) {
    final Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    try {
      final ImportedAgent imported = new AgentTree(slug, bytes).importAgent(AgentNode.policies().keySet());
      return new AgentImport(imported.inForce(), new ArrayList<>(imported.learnings().active()));
    } catch (AgentFileException e) {
      throw new FieldViolation.Invalid(e.file(), (e.line() > 0 ? "line " + e.line() + ": " : "") + e.problem());
    }
  }

  @Override
  public Map<String, byte[]> tree(final AgentView view) {
    return AgentFiles.tree(view.state(), view.numbers(), view.notes()).files();
  }

  @Override
  public byte[] zip(final String slug, final Map<String, byte[]> tree) {
    return new AgentTree(slug, tree).toZip();
  }
}
