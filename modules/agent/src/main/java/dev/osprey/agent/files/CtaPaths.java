package dev.osprey.agent.files;

import dev.osprey.domain.Ids;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths of the files in one agent's folder ({@code trading_agents/{slug}/}), relative to it,
 * and the order they are listed in: definition files first, then each session (by number) with its
 * journal before its snapshots (by tick), then anything else by name.
 */
public final class CtaPaths {
  public static final String AGENTS_FOLDER = "trading_agents";
  public static final String AGENT_MD = "agent.md";
  public static final String CONFIG_YML = "config.yml";
  public static final String LEARNINGS_MD = "learnings.md";
  /** A Loom executor agent's configuration (spec 003), read on import when there is no agent.md. */
  public static final String LOOM_TOML = "loom.toml";

  private static final Comparator<Rank> BY_RANK =
      Comparator.comparingInt(Rank::group)
          .thenComparingLong(Rank::session)
          .thenComparingLong(Rank::tick);

  /** Listing order of an agent's files. */
  public static final Comparator<String> ORDER =
      Comparator.comparing(CtaPaths::rank, BY_RANK).thenComparing(Comparator.naturalOrder());

  private static final Pattern SESSION_FILE =
      Pattern.compile(
          "trading_sessions/session_(\\d{1,9})/(journal\\.md|snapshots/snapshot_(\\d{1,18})\\.md)");

  private CtaPaths() {}

  /** {@code trading_sessions/session_N/journal.md}. */
  public static String journal(final int session) {
    return sessionFolder(session) + "journal.md";
  }

  /** {@code trading_sessions/session_N/snapshots/snapshot_T.md}. */
  public static String snapshot(final int session, final long tick) {
    return sessionFolder(session) + "snapshots/snapshot_" + tick + ".md";
  }

  /**
   * True when {@code slug} can name an agent: an id by the controller id rule (the slug is the
   * agent's {@code controller_id}) that is also one safe folder name.
   */
  public static boolean isValidSlug(final String slug) {
    return Ids.isValid(slug) && isSafeSegment(slug);
  }

  /** The slug, when {@link #isValidSlug valid}; else an error about agent.md's folder. */
  static String requireSlug(final String slug) {
    if (!isValidSlug(slug)) {
      throw new AgentFileException(AGENT_MD, 0,
          "the agent's folder name '" + slug + "' is not a valid agent id: it " + Ids.RULE);
    }
    return slug;
  }

  /**
   * True for a relative path of non-empty segments separated by {@code /}, none of them {@code .}
   * or {@code ..}: a path that stays inside the folder it is resolved against, on any system.
   */
  static boolean isSafeRelativePath(final String path) {
    if (path.isEmpty()) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!isSafeSegment(segment)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSafeSegment(final String s) {
    return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.indexOf('\\') < 0;
  }

  private static String sessionFolder(final int session) {
    return "trading_sessions/session_" + session + "/";
  }

  private static Rank rank(final String path) {
    switch (path) {
      case AGENT_MD:
        return new Rank(0, 0, 0);
      case CONFIG_YML:
        return new Rank(1, 0, 0);
      case LEARNINGS_MD:
        return new Rank(2, 0, 0);
      default:
        break;
    }
    final Matcher m = SESSION_FILE.matcher(path);
    if (!m.matches()) {
      return new Rank(4, 0, 0);
    }
    // The journal (no tick) sorts before the session's snapshots.
    final long tick = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
    return new Rank(3, Long.parseLong(m.group(1)), tick);
  }

  private record Rank(int group, long session, long tick) {}
}
