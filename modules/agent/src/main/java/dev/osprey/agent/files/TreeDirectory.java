package dev.osprey.agent.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An agent tree as a folder on disk. */
final class TreeDirectory {
  private TreeDirectory() {}

  /** Writes every file under {@code agentDir}, creating folders; files not in the tree stay. */
  static void write(final AgentTree tree, final Path agentDir) throws IOException {
    for (Map.Entry<String, byte[]> f : tree.files().entrySet()) {
      final Path target = agentDir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
  }

  /**
   * The agent tree in {@code dir}: the agent's folder itself, or a folder that holds it (such as
   * {@code trading_agents/}). Links are not followed, so the tree cannot reach outside.
   */
  static AgentTree read(final Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new AgentFileException(dir.toString(), 0, "is not a folder");
    }
    final List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> slashes(dir.relativize(p)))
          .toList();
    }
    final Path name = dir.toAbsolutePath().normalize().getFileName();
    final AgentRoot root = AgentRoot.find(paths, name == null ? null : name.toString());
    final Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    for (String path : paths) {
      if (path.startsWith(root.prefix())) {
        final byte[] bytes = Files.readAllBytes(dir.resolve(path));
        total += bytes.length;
        if (total > AgentTree.MAX_BYTES) {
          throw new AgentFileException(path, 0,
              "the agent's folder holds more than " + AgentTree.MAX_BYTES + " bytes");
        }
        files.put(path, bytes);
      }
    }
    return new AgentTree(root.slug(), root.select(files));
  }

  private static String slashes(final Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
