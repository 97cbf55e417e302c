package dev.osprey.agent.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an agent's folder is among the paths of an archive or a folder tree: the folder of the
 * shallowest {@code agent.md} (or a Loom executor agent's {@code loom.toml}), so {@code trading_agents/{slug}/}, a single top folder
 * {@code {slug}/} and the agent folder itself are all found.
 *
 * @param prefix the agent folder's path with a trailing {@code /}, empty for the top
 * @param slug the agent folder's name
 */
record AgentRoot(String prefix, String slug) {

  /**
   * @param topFolderName the name of the folder the paths are relative to, for an agent.md at the
   *     top; null when the paths come from an archive, which has no name of its own
   * @throws AgentFileException when there is no agent.md, two at the same depth, or no folder
   *     name to take the slug from
   */
  static AgentRoot find(final Collection<String> paths, final String topFolderName) {
    final List<String> shallowest = new ArrayList<>();
    int depth = Integer.MAX_VALUE;
    for (String path : paths) {
      for (String definition : List.of(CtaPaths.AGENT_MD, CtaPaths.LOOM_TOML)) {
        if (!path.equals(definition) && !path.endsWith("/" + definition)) {
          continue;
        }
        final String prefix = path.substring(0, path.length() - definition.length());
        final int d = (int) prefix.chars().filter(c -> c == '/').count();
        if (d < depth) {
          shallowest.clear();
          depth = d;
        }
        if (d == depth && !shallowest.contains(prefix)) {
          shallowest.add(prefix);
        }
      }
    }
    if (shallowest.isEmpty()) {
      throw new AgentFileException(CtaPaths.AGENT_MD, 0,
          "not found: an agent's folder holds it (or a Loom executor agent's loom.toml)");
    }
    if (shallowest.size() > 1) {
      throw new AgentFileException(CtaPaths.AGENT_MD, 0,
          "found in more than one folder (" + String.join(", ", shallowest)
              + "): one agent at a time");
    }
    final String prefix = shallowest.get(0);
    final String slug = prefix.isEmpty() ? topFolderName : lastSegment(prefix);
    if (slug == null) {
      throw new AgentFileException(CtaPaths.AGENT_MD, 0,
          "not inside a folder named after the agent (trading_agents/{slug}/agent.md)");
    }
    return new AgentRoot(prefix, CtaPaths.requireSlug(slug));
  }

  /** The files inside the agent's folder, by their path relative to it. */
  <T> Map<String, T> select(final Map<String, T> all) {
    final Map<String, T> inside = new LinkedHashMap<>();
    all.forEach((path, value) -> {
      if (path.startsWith(prefix)) {
        inside.put(path.substring(prefix.length()), value);
      }
    });
    return inside;
  }

  private static String lastSegment(final String prefix) {
    final String folder = prefix.substring(0, prefix.length() - 1);
    return folder.substring(folder.lastIndexOf('/') + 1);
  }
}
