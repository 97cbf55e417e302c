package dev.osprey.agent.files;

/** Fenced code blocks that hold any text verbatim. */
final class Fences {
  private Fences() {}

  /**
   * {@code text} in a fenced block with the info string {@code info}, ending with a line break.
   * The fence is longer than any run of backticks in the text (CommonMark closes a block only at
   * a fence at least as long as the opening one), so no text can end the block early.
   */
  static String block(final String info, final String text) {
    int longestRun = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    final String fence = "`".repeat(Math.max(3, longestRun + 1));
    final String body = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    return fence + info + "\n" + body + fence + "\n";
  }
}
