package dev.osprey.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * src-docs/benchmarks.md: each harness has a section of its own ({@code ## <title>}); a run is
 * appended at the end of its section (created at the end of the page the first time) with the
 * date, the machine and the exact command, so that the history of a figure reads top to bottom.
 */
public final class BenchDoc {
  private final Path file;

  public BenchDoc(final Path file) {
    this.file = file;
  }

  /**
   * Appends one run of a harness.
   *
   * @param title the section's title, e.g. "Live decisions (`bin/osprey bench live-decisions`)"
   * @param intro what the harness measures, written once when the section is created
   * @param command the exact command that produced the table
   */
  public void append(final String title, final String intro, final String command, final Machine machine,
      final ResultTable table) throws IOException {
    final String heading = "## " + title;
    final String run = "### " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
        + "\n\nMachine: " + machine.describe() + ".\n\n```bash\n" + command + "\n```\n\n" + table.markdown();
    String page = Files.readString(file, StandardCharsets.UTF_8);
    final int at = page.indexOf("\n" + heading + "\n");
    if (at < 0) {
      page = page.stripTrailing() + "\n\n" + heading + "\n\n" + intro.strip() + "\n\n" + run;
    } else {
      final int next = page.indexOf("\n## ", at + heading.length() + 1);
      final int end = next < 0 ? page.length() : next;
      page = page.substring(0, end).stripTrailing() + "\n\n" + run.stripTrailing() + "\n" + page.substring(end);
    }
    Files.writeString(file, page.endsWith("\n") ? page : page + "\n", StandardCharsets.UTF_8);
  }
}
