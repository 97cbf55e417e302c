package dev.osprey.agent.files;

/**
 * A CTA file that cannot be read: which file, which line (1-based, 0 when no line applies) and what
 * is wrong with it. The message is {@code file:line: problem}, the form editors and compilers use,
 * so a user can jump to the line.
 */
public final class AgentFileException extends IllegalArgumentException {
  private final String file;
  private final int line;
  private final String problem;

  public AgentFileException(final String file, final int line, final String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** The file's path within the agent's folder, e.g. {@code agent.md}. */
  public String file() {
    return file;
  }

  /** The 1-based line the problem is on, 0 when unknown or not about one line. */
  public int line() {
    return line;
  }

  /** What is wrong, without the file and line. */
  public String problem() {
    return problem;
  }
}
