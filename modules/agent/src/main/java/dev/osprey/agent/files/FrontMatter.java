package dev.osprey.agent.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown file split at its YAML front matter: the YAML between a first line {@code ---} and the
 * next {@code ---} line, and the body after it, verbatim.
 *
 * @param yaml the front matter's text, without the delimiter lines
 * @param yamlFirstLine the file line the YAML starts on (always 2)
 * @param body everything after the closing delimiter's line break, verbatim
 */
record FrontMatter(String yaml, int yamlFirstLine, String body) {
  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final Pattern OPENING = Pattern.compile("\\A---[ \\t]*(\\r\\n|\\r|\\n)");
  private static final Pattern CLOSING =
      Pattern.compile("^---[ \\t]*(\\r\\n|\\r|\\n|\\z)", Pattern.MULTILINE);

  /**
   * @throws AgentFileException when the file does not start with {@code ---} or the front matter
   *     is not closed
   */
  static FrontMatter split(final String file, final String text) {
    // Editors on Windows may save a byte order mark; it is not part of the text.
    final String t = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    final Matcher opening = OPENING.matcher(t);
    if (!opening.find()) {
      throw new AgentFileException(file, 1,
          "missing YAML front matter: the file must start with a line '---'");
    }
    final Matcher closing = CLOSING.matcher(t);
    if (!closing.find(opening.end())) {
      throw new AgentFileException(file, 1,
          "the front matter opened here is not closed by a line '---'");
    }
    final String yaml = t.substring(opening.end(), closing.start());
    return new FrontMatter(yaml, 2, t.substring(closing.end()));
  }
}
