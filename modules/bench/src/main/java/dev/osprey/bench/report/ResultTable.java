package dev.osprey.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A markdown table of one harness run: a header, rows, and notes printed under it. */
public final class ResultTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public ResultTable(final String... header) {
    this.header = List.of(header);
  }

  public ResultTable row(final Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
    }
    final List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** A sentence printed under the table (what bounds a figure, what was left out). */
  public ResultTable note(final String note) {
    notes.add(note);
    return this;
  }

  public String markdown() {
    final StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", header)).append(" |\n");
    b.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    for (String n : notes) {
      b.append('\n').append(n).append('\n');
    }
    return b.toString();
  }
}
