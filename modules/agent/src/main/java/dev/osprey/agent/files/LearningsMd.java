package dev.osprey.agent.files;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard's {@code learnings.md}:
 *
 * <pre>
 * # Learnings
 *
 * ## Active Insights
 * - [2026-03-27 14:30] Wider spreads reduced adverse selection
 *
 * ## Retired Insights
 * - [2026-03-20 08:00] ...
 * </pre>
 *
 * <p>Reading is strict: a line that is not an insight, or a section other than these two, is an
 * error, because writing the learnings back would drop it without a word.
 */
public final class LearningsMd {
  static final String ACTIVE = "Active Insights";
  static final String RETIRED = "Retired Insights";

  private static final Pattern INSIGHT =
      Pattern.compile("- \\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\\] (.*\\S.*)");
  private static final String INSIGHT_RULE = "an insight must read '- [YYYY-MM-DD HH:MM] text'";

  private LearningsMd() {}

  /**
   * The learnings of a learnings.md; an empty file has none. Active insights beyond the maximum
   * are retired as {@link Learnings#of} does.
   *
   * @throws AgentFileException naming the line of the first problem
   */
  public static Learnings parse(final String text) {
    final List<Insight> active = new ArrayList<>();
    final List<Insight> retired = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    for (MarkdownSections.Section s : MarkdownSections.split(text)) {
      if (s.headingLine() == 0) {
        requireOnlyTitle(s);
        continue;
      }
      if (!s.title().equals(ACTIVE) && !s.title().equals(RETIRED)) {
        throw error(s.headingLine(), "unknown section '" + s.title() + "' (expected '" + ACTIVE
            + "' and '" + RETIRED + "')");
      }
      if (!seen.add(s.title())) {
        throw error(s.headingLine(), "a second section '" + s.title() + "'");
      }
      readInsights(s, s.title().equals(ACTIVE) ? active : retired);
    }
    return Learnings.of(active, retired);
  }

  /** The learnings as learnings.md text; the retired section only when there are retired ones. */
  public static String render(final Learnings learnings) {
    final StringBuilder b = new StringBuilder("# Learnings\n\n## ").append(ACTIVE).append('\n');
    appendInsights(b, learnings.active());
    if (!learnings.retired().isEmpty()) {
      b.append("\n## ").append(RETIRED).append('\n');
      appendInsights(b, learnings.retired());
    }
    return b.toString();
  }

  private static void appendInsights(final StringBuilder b, final List<Insight> insights) {
    for (Insight i : insights) {
      b.append("- [").append(MdFormat.MINUTE.format(i.at())).append("] ").append(i.text())
          .append('\n');
    }
  }

  /** Before the first section only the {@code # Learnings} title (or any # title) may stand. */
  private static void requireOnlyTitle(final MarkdownSections.Section preamble) {
    for (int i = 0; i < preamble.lines().size(); i++) {
      final String line = preamble.lines().get(i);
      if (!line.isBlank() && !line.startsWith("# ")) {
        throw error(preamble.firstLine() + i,
            "text outside the sections '" + ACTIVE + "' and '" + RETIRED + "'");
      }
    }
  }

  private static void readInsights(final MarkdownSections.Section s, final List<Insight> into) {
    for (int i = 0; i < s.lines().size(); i++) {
      final String line = s.lines().get(i).stripTrailing();
      if (line.isEmpty()) {
        continue;
      }
      final Matcher m = INSIGHT.matcher(line);
      if (!m.matches()) {
        throw error(s.firstLine() + i, INSIGHT_RULE);
      }
      into.add(new Insight(at(m.group(1), s.firstLine() + i), m.group(2)));
    }
  }

  private static Instant at(final String minute, final int line) {
    try {
      return Instant.from(MdFormat.MINUTE.parse(minute));
    } catch (DateTimeParseException e) {
      throw error(line, "'" + minute + "' is not a date and time");
    }
  }

  private static AgentFileException error(final int line, final String problem) {
    return new AgentFileException(CtaPaths.LEARNINGS_MD, line, problem);
  }
}
