package dev.osprey.agent.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The standard's example files (spec 004, copied verbatim) from the test resources. */
final class StandardExamples {
  private StandardExamples() {}

  static String agentMd() {
    return resource("/standard/agent.md");
  }

  static String learningsMd() {
    return resource("/standard/learnings.md");
  }

  static String resource(final String name) {
    try (InputStream in = StandardExamples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
