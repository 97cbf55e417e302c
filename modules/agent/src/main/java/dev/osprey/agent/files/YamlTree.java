package dev.osprey.agent.files;

import java.util.Map;

/**
 * A YAML document as values (maps, lists, strings, {@code Long}, {@code BigDecimal}, booleans,
 * null) with the file line of each key and value, so that a wrong value can be reported where it
 * is written.
 *
 * @param root the document's value, null for an empty document
 * @param lines file line by JSON pointer ({@code /limits/max_open_executors},
 *     {@code /connectors/1})
 * @param firstLine the file line the document starts on
 */
record YamlTree(Object root, Map<String, Integer> lines, int firstLine) {

  YamlTree {
    lines = Map.copyOf(lines);
  }

  /**
   * The line of the value at {@code path} (map keys and list indexes); the line of the nearest
   * enclosing value when that one is not written, else the line before the document (the opening
   * {@code ---} of front matter; 0 for a file that is all YAML).
   */
  int line(final String... path) {
    for (int n = path.length; n > 0; n--) {
      final Integer line = lines.get(pointer(path, n));
      if (line != null) {
        return line;
      }
    }
    return firstLine - 1;
  }

  private static String pointer(final String[] path, final int length) {
    final StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      // JSON pointer escaping (RFC 6901), as Jackson writes the pointers it reports.
      b.append('/').append(path[i].replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }
}
