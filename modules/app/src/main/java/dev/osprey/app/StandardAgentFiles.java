package dev.osprey.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.AgentFileException;
import dev.osprey.agent.files.AgentTree;
import dev.osprey.agent.files.ImportedAgent;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickSnapshot;
import dev.osprey.api.agents.AgentFilesCodec;
import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.agent.AgentFiles;
import dev.osprey.engine.agent.AgentSession;
import dev.osprey.engine.agent.AgentState;
import dev.osprey.engine.agent.AgentView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard's files of an agent: read on import (agent.md, config.yml), rendered from the
 * agent's state for {@code GET /agents/{id}/files/…} and the export.
 */
final class StandardAgentFiles implements AgentFilesCodec {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Override
  public AgentImport read(final String slug, final Map<String, String> files) {
    final Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    try {
      final ImportedAgent imported = new AgentTree(slug, bytes).importAgent(AgentNode.policies().keySet());
      final AgentDefinition d = imported.definition();
      final List<dev.osprey.agent.files.Insight> insights = new ArrayList<>(imported.learnings().active());
      return new AgentImport(new AgentDefinition(d.slug(), d.name(), d.description(), d.tickInterval(),
          d.connectors(), imported.configs(), d.limits(), d.policy(), d.instructions()), insights);
    } catch (AgentFileException e) {
      throw new FieldViolation.Invalid(e.file(), (e.line() > 0 ? "line " + e.line() + ": " : "") + e.problem());
    }
  }

  @Override
  public Map<String, byte[]> tree(final AgentView view) {
    final AgentState s = view.state();
    final List<SessionJournal> journals = new ArrayList<>();
    final Map<Integer, List<TickSnapshot>> snapshots = new LinkedHashMap<>();
    for (AgentSession session : s.sessions()) {
      journals.add(AgentFiles.sessionJournal(s, session, view.numbers(), view.notes()));
      snapshots.put(session.number(), session.snapshots().stream().map(e -> snapshot(session, e)).toList());
    }
    return AgentTree.build(s.spec().definition(), s.configs(), s.learnings(), journals, snapshots).files();
  }

  @Override
  public byte[] zip(final String slug, final Map<String, byte[]> tree) {
    return new AgentTree(slug, tree).toZip();
  }

  private static TickSnapshot snapshot(final AgentSession session, final AgentSession.TickSnapshotEntry e) {
    try {
      final Map<String, Object> m = JSON.readValue(e.json(), new TypeReference<LinkedHashMap<String, Object>>() {});
      return new TickSnapshot(session.number(), e.tick(), e.at(), map(m.get("observation")), map(m.get("risk")),
          String.valueOf(m.get("response")), new BigDecimal(String.valueOf(m.getOrDefault("cost_usd", "0"))));
    } catch (IOException ex) {
      throw new IllegalStateException("snapshot of tick " + e.tick() + " is not JSON", ex);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(final Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
