package dev.osprey.agent.files;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.journal.SessionJournal;
import dev.osprey.agent.journal.TickSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One agent's folder of the standard, {@code trading_agents/{slug}/}, as its files: path relative
 * to the folder to content, in {@link CtaPaths#ORDER}. It is what an export writes and an import
 * reads, as a zip archive or a folder on disk. Two trees are equal when their slugs, paths and
 * contents are.
 *
 * @param slug the agent's id and folder name
 * @param files the files by relative path ({@code agent.md},
 *     {@code trading_sessions/session_1/journal.md}); the arrays are the tree's own, not copies:
 *     do not change them
 */
public record AgentTree(String slug, Map<String, byte[]> files) {
  /** A session keeps only its last snapshots, as the standard says. */
  public static final int MAX_SNAPSHOTS_PER_SESSION = 100;

  /** The most an imported archive or folder may unpack to (256 MiB). */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /**
   * @throws AgentFileException when the slug is not an agent id or a path is not a plain relative
   *     path inside the folder ({@code ..}, a leading {@code /}, a backslash)
   */
  public AgentTree {
    CtaPaths.requireSlug(slug);
    final Map<String, byte[]> sorted = new TreeMap<>(CtaPaths.ORDER);
    files.forEach((path, bytes) -> {
      if (!CtaPaths.isSafeRelativePath(path)) {
        throw new AgentFileException(path, 0, "is not a relative path inside the agent's folder");
      }
      sorted.put(path, bytes.clone());
    });
    files = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  /**
   * The tree of an agent: agent.md, config.yml, learnings.md, each session's journal.md and its
   * last {@value #MAX_SNAPSHOTS_PER_SESSION} snapshots (by tick).
   *
   * @param configs the current configs, for config.yml
   * @param snapshots by session; of two snapshots of one tick, the later in the list is kept
   * @throws IllegalArgumentException when two journals have the same session number
   */
  public static AgentTree build(final AgentDefinition definition,
      final Map<String, ?> configs, final Learnings learnings, final List<SessionJournal> sessions,
      final Map<Integer, List<TickSnapshot>> snapshots) {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(CtaPaths.AGENT_MD, utf8(AgentMd.render(definition)));
    files.put(CtaPaths.CONFIG_YML, utf8(ConfigYml.render(configs)));
    files.put(CtaPaths.LEARNINGS_MD, utf8(LearningsMd.render(learnings)));
    for (SessionJournal j : sessions) {
      if (files.put(CtaPaths.journal(j.session()), utf8(JournalMd.render(j))) != null) {
        throw new IllegalArgumentException("two journals of session " + j.session());
      }
    }
    snapshots.forEach((session, list) -> {
      final TreeMap<Long, TickSnapshot> byTick = new TreeMap<>();
      list.forEach(s -> byTick.put(s.tick(), s));
      while (byTick.size() > MAX_SNAPSHOTS_PER_SESSION) {
        byTick.pollFirstEntry();
      }
      byTick.forEach((tick, s) ->
          files.put(CtaPaths.snapshot(session, tick), utf8(SnapshotMd.render(s))));
    });
    return new AgentTree(definition.slug(), files);
  }

  /**
   * The tree in a zip archive or a folder: the agent's folder is the one holding the shallowest
   * agent.md ({@code trading_agents/{slug}/}, a single top folder, or for a folder on disk the
   * folder itself); files outside it are left out.
   *
   * @throws AgentFileException when no agent.md is found, or it is not in a folder named after a
   *     valid agent id
   */
  public static AgentTree readZip(final InputStream zip) {
    try {
      final Map<String, byte[]> entries = TreeZip.read(zip);
      final AgentRoot root = AgentRoot.find(entries.keySet(), null);
      return new AgentTree(root.slug(), root.select(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** See {@link #readZip(InputStream)}. */
  public static AgentTree readZip(final byte[] zip) {
    return readZip(new ByteArrayInputStream(zip));
  }

  /**
   * See {@link #readZip(InputStream)}; when {@code dir} holds agent.md itself, its name is the
   * slug.
   */
  public static AgentTree readDirectory(final Path dir) {
    try {
      return TreeDirectory.read(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the tree as a zip archive, its entries under {@code trading_agents/{slug}/}. */
  public void writeZip(final OutputStream out) {
    try {
      TreeZip.write(this, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tree as zip archive bytes; the same tree always gives the same bytes. */
  public byte[] toZip() {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeZip(out);
    return out.toByteArray();
  }

  /**
   * Writes every file under {@code agentDir} (the agent's folder, e.g.
   * {@code trading_agents/my-agent}), creating folders; files already there and not in the tree
   * are left alone.
   */
  public void writeDirectory(final Path agentDir) {
    try {
      TreeDirectory.write(this, agentDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file's text, read as UTF-8 (without a byte order mark).
   *
   * @throws AgentFileException when it is not UTF-8
   */
  public Optional<String> text(final String path) {
    final byte[] bytes = files.get(path);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      final String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      throw new AgentFileException(path, 0, "is not UTF-8 text");
    }
  }

  /**
   * The agent of this tree: agent.md (or, without one, a Loom executor agent's loom.toml),
   * config.yml's configs over agent.md's, and learnings.md; session files are not read (the journal is a read-out, not a source).
   *
   * @param knownPolicies as for {@link AgentMd#parse}
   * @throws AgentFileException naming the file and line of the first problem
   */
  public ImportedAgent importAgent(final Set<String> knownPolicies) {
    final Optional<String> agentMd = text(CtaPaths.AGENT_MD);
    final Optional<String> loom = text(CtaPaths.LOOM_TOML);
    final AgentDefinition definition = agentMd.isEmpty() && loom.isPresent()
        ? LoomToml.parse(loom.get()).definition(slug)
        : AgentMd.parse(slug, agentMd.orElseThrow(() -> new AgentFileException(CtaPaths.AGENT_MD, 0, "not found")),
            knownPolicies);
    final Map<String, Object> configs = new LinkedHashMap<>(definition.configs());
    text(CtaPaths.CONFIG_YML).ifPresent(t -> configs.putAll(ConfigYml.parse(t)));
    final Learnings learnings =
        text(CtaPaths.LEARNINGS_MD).map(LearningsMd::parse).orElse(Learnings.EMPTY);
    return new ImportedAgent(definition, configs, learnings);
  }

  @Override
  public boolean equals(final Object o) {
    if (!(o instanceof AgentTree t)
        || !slug.equals(t.slug)
        || !files.keySet().equals(t.files.keySet())) {
      return false;
    }
    return files.entrySet().stream()
        .allMatch(f -> Arrays.equals(f.getValue(), t.files.get(f.getKey())));
  }

  @Override
  public int hashCode() {
    int h = slug.hashCode();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      h = 31 * h + Objects.hash(f.getKey(), Arrays.hashCode(f.getValue()));
    }
    return h;
  }

  @Override
  public String toString() {
    return "AgentTree[" + slug + ", " + files.keySet() + "]";
  }

  private static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
