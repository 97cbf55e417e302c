package dev.osprey.cassandra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a node's log, for error messages that explain a failed start. */
final class LogTail {
  private LogTail() {}

  /** Up to {@code lines} last lines of {@code file}, or a note why there are none. */
  static String of(final Path file, final int lines) {
    try {
      if (!Files.exists(file)) {
        return "(no log at " + file + ")";
      }
      // Malformed bytes are replaced, not fatal: the tail is only read by people.
      final List<String> all =
          List.of(
              new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R", -1));
      final int from = Math.max(0, all.size() - lines);
      final String tail = String.join("\n", all.subList(from, all.size()));
      return "--- last lines of " + file + " ---\n" + tail;
    } catch (IOException e) {
      return "(log " + file + " unreadable: " + e + ")";
    }
  }
}
