package dev.osprey.agent.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTreeTest {
  private static final Set<String> POLICIES = Set.of("grid_market_maker");
  private static final String SLUG = "grid-market-maker";

  private static AgentDefinition definition() {
    return AgentMd.parse(SLUG, StandardExamples.agentMd(), POLICIES);
  }

  private static Map<String, Object> currentConfigs() {
    final Map<String, Object> configs = new LinkedHashMap<>(definition().configs());
    configs.put("spread_percentage", new BigDecimal("0.5")); // approved by the user
    return configs;
  }

  private static AgentTree tree() {
    final SessionJournal first = JournalMdTest.smallJournal();
    final SessionJournal one = new SessionJournal(first.agentName(), 1, "STOPPED",
        first.startedAt(), Optional.of(first.startedAt().plusSeconds(600)), first.ticks(),
        first.decisions(), first.executors(), List.of());
    final List<TickSnapshot> many = new ArrayList<>();
    IntStream.rangeClosed(1, 105).forEach(t -> many.add(SnapshotMdTest.snapshot(2, t)));
    return AgentTree.build(definition(), currentConfigs(),
        LearningsMd.parse(StandardExamples.learningsMd()), List.of(first, one),
        Map.of(2, many, 1, List.of(SnapshotMdTest.snapshot(1, 3), SnapshotMdTest.snapshot(1, 1))));
  }

  private static byte[] zip(final Map<String, String> entries) throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void shouldListTheFilesInTheStandardsLayoutKeepingTheLast100SnapshotsOfASession() {
    final List<String> paths = List.copyOf(tree().files().keySet());

    final List<String> expected = new ArrayList<>(List.of("agent.md", "config.yml", "learnings.md",
        "trading_sessions/session_1/journal.md",
        "trading_sessions/session_1/snapshots/snapshot_1.md",
        "trading_sessions/session_1/snapshots/snapshot_3.md",
        "trading_sessions/session_2/journal.md"));
    IntStream.rangeClosed(6, 105)
        .forEach(t -> expected.add("trading_sessions/session_2/snapshots/snapshot_" + t + ".md"));
    assertEquals(expected, paths);
    assertEquals(JournalMd.render(JournalMdTest.smallJournal()),
        tree().text("trading_sessions/session_2/journal.md").orElseThrow());
    assertEquals(StandardExamples.learningsMd(), tree().text("learnings.md").orElseThrow());
  }

  @Test
  void shouldReadBackTheSameTreeFromItsZip() {
    final AgentTree tree = tree();
    final byte[] zip = tree.toZip();

    assertEquals(tree, AgentTree.readZip(zip));
    assertArrayEquals(zip, tree().toZip()); // the same tree, the same bytes
  }

  @Test
  void shouldPutTheZipsEntriesUnderTradingAgentsSlug() throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(tree().toZip()))) {
      assertEquals("trading_agents/grid-market-maker/agent.md", zip.getNextEntry().getName());
      assertEquals("trading_agents/grid-market-maker/config.yml", zip.getNextEntry().getName());
    }
  }

  @Test
  void shouldReadBackTheSameTreeFromAFolder(@TempDir final Path home) {
    final AgentTree tree = tree();
    final Path agentDir = home.resolve("trading_agents").resolve(SLUG);

    tree.writeDirectory(agentDir);

    assertEquals(tree, AgentTree.readDirectory(agentDir));
    assertEquals(tree, AgentTree.readDirectory(home.resolve("trading_agents")));
    assertEquals(tree, AgentTree.readDirectory(home));
  }

  @Test
  void shouldImportTheAgentWithConfigYmlOverAgentMd() {
    final ImportedAgent agent = AgentTree.readZip(tree().toZip()).importAgent(POLICIES);

    assertEquals(definition(), agent.definition());
    assertEquals(currentConfigs(), agent.configs());
    assertEquals(LearningsMd.parse(StandardExamples.learningsMd()), agent.learnings());
  }

  @Test
  void shouldImportAZipWithASingleTopFolderAndOnlyAgentMd() throws IOException {
    final AgentTree tree = AgentTree.readZip(zip(Map.of(
        "my-grid/agent.md", StandardExamples.agentMd(), "README.txt", "not the agent's")));

    final ImportedAgent agent = tree.importAgent(POLICIES);

    assertEquals("my-grid", tree.slug());
    assertEquals(List.of("agent.md"), List.copyOf(tree.files().keySet()));
    assertEquals(definition().configs(), agent.configs());
    assertEquals(Learnings.EMPTY, agent.learnings());
    assertEquals("my-grid", agent.definition().slug());
  }

  @Test
  void shouldNameTheFileAndLineOfAProblemFoundOnImport() throws IOException {
    final AgentTree tree = AgentTree.readZip(zip(Map.of(
        "trading_agents/x/agent.md", StandardExamples.agentMd(),
        "trading_agents/x/learnings.md", "# Learnings\n\n## Active Insights\n- no date\n")));

    final AgentFileException e =
        assertThrows(AgentFileException.class, () -> tree.importAgent(POLICIES));
    assertEquals("learnings.md:4: an insight must read '- [YYYY-MM-DD HH:MM] text'",
        e.getMessage());
  }

  @Test
  void shouldRefuseArchivesWithoutOneAgentInAFolder() throws IOException {
    assertEquals("agent.md:0: not found: an agent's folder holds it (or a Loom executor agent's loom.toml)",
        assertThrows(AgentFileException.class,
            () -> AgentTree.readZip(zip(Map.of("x/config.yml", "a: 1\n")))).getMessage());
    assertEquals("agent.md:0: not inside a folder named after the agent "
            + "(trading_agents/{slug}/agent.md)",
        assertThrows(AgentFileException.class,
            () -> AgentTree.readZip(zip(Map.of("agent.md", "---\n")))).getMessage());
    assertEquals("agent.md:0: found in more than one folder (a/, b/): one agent at a time",
        assertThrows(AgentFileException.class, () -> AgentTree.readZip(
            zip(new TreeMap<>(Map.of("a/agent.md", "", "b/agent.md", "")))))
            .getMessage());
  }

  @Test
  void shouldRefusePathsThatLeaveTheAgentsFolder() throws IOException {
    final AgentFileException e = assertThrows(AgentFileException.class, () -> AgentTree.readZip(
        zip(Map.of("x/agent.md", "", "x/../../etc/passwd", "root"))));

    assertEquals("../../etc/passwd", e.file());
  }

  @Test
  void shouldRefuseAFileThatIsNotUtf8() {
    final AgentTree tree =
        new AgentTree("x", Map.of("agent.md", new byte[] {'-', '-', '-', (byte) 0xC3, '\n'}));

    assertEquals("agent.md:0: is not UTF-8 text",
        assertThrows(AgentFileException.class, () -> tree.importAgent(POLICIES)).getMessage());
  }

  @Test
  void shouldCompareTreesByContent() {
    final AgentTree a = new AgentTree("x", Map.of("agent.md", new byte[] {1, 2}));

    assertEquals(a, new AgentTree("x", Map.of("agent.md", new byte[] {1, 2})));
    assertEquals(a.hashCode(),
        new AgentTree("x", Map.of("agent.md", new byte[] {1, 2})).hashCode());
    assertNotEquals(a, new AgentTree("x", Map.of("agent.md", new byte[] {1, 3})));
    assertNotEquals(a, new AgentTree("y", Map.of("agent.md", new byte[] {1, 2})));
  }
}
