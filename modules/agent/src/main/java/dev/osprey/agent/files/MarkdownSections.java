package dev.osprey.agent.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A markdown text cut at its top-level {@code ##} headings, each section's lines kept verbatim.
 * CommonMark finds the headings, so a {@code ## } line inside a fenced code block or a list item
 * does not start a section.
 */
final class MarkdownSections {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /**
   * One section.
   *
   * @param title the heading's text ({@code ""} for the preamble before the first heading)
   * @param headingLine the heading's 1-based line (0 for the preamble)
   * @param firstLine the 1-based line of {@code lines.get(0)}
   * @param lines the lines after the heading up to the next {@code ##} heading, verbatim
   */
  record Section(String title, int headingLine, int firstLine, List<String> lines) {
    Section {
      lines = List.copyOf(lines);
    }

    /** The lines joined with {@code \n}, without the blank lines around them. */
    String text() {
      int from = 0;
      int to = lines.size();
      while (from < to && lines.get(from).isBlank()) {
        from++;
      }
      while (to > from && lines.get(to - 1).isBlank()) {
        to--;
      }
      return String.join("\n", lines.subList(from, to));
    }
  }

  private MarkdownSections() {}

  /** The preamble (always first, maybe without lines), then one section per {@code ##} heading. */
  static List<Section> split(final String text) {
    // The same line breaks as CommonMark's, so that its line indexes point into this array.
    final List<String> lines = Arrays.asList(text.split("\\r\\n|\\r|\\n", -1));
    final List<Section> sections = new ArrayList<>();
    String title = "";
    int headingLine = 0;
    int from = 0;
    for (Node n = PARSER.parse(text).getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 2 && !h.getSourceSpans().isEmpty()) {
        final int start = h.getSourceSpans().get(0).getLineIndex();
        sections.add(new Section(title, headingLine, from + 1, lines.subList(from, start)));
        title = title(h);
        headingLine = start + 1;
        // A setext heading (Title, then ---) spans two lines.
        from = h.getSourceSpans().get(h.getSourceSpans().size() - 1).getLineIndex() + 1;
      }
    }
    sections.add(new Section(title, headingLine, from + 1, lines.subList(from, lines.size())));
    return sections;
  }

  private static String title(final Node heading) {
    final StringBuilder b = new StringBuilder();
    appendText(heading, b);
    return b.toString().strip();
  }

  private static void appendText(final Node node, final StringBuilder b) {
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        b.append(t.getLiteral());
      } else if (c instanceof Code code) {
        b.append(code.getLiteral());
      } else {
        appendText(c, b);
      }
    }
  }
}
