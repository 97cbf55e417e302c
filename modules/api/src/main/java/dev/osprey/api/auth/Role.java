package dev.osprey.api.auth;

import java.util.Locale;
import java.util.Set;

/**
 * What an authenticated user may do. {@link #ADMIN} may call every route; {@link #READ_ONLY} (for
 * dashboards) may only read: GET and HEAD, and the one POST that is a query.
 */
public enum Role {
  ADMIN("every route"),
  READ_ONLY("GET, HEAD and POST /executors/search"),
  /**
   * An external agent harness bound to controller ids: the executor, agent-session and routine
   * tools of those controllers only, never limits, trading states, suggestions or the paper venues.
   */
  AGENT("the executor, agent session and routine routes of its controllers");

  /**
   * hummingbot-api searches executors with a POST; it changes nothing, and a dashboard that could
   * not search would be of little use, so read-only users may call it.
   */
  private static final Set<String> QUERY_POSTS = Set.of("/executors/search");

  /** What an agent harness may read: its executors, agents, risk and limits, routines, markets. */
  private static final java.util.List<java.util.regex.Pattern> AGENT_READS = patterns(
      "/executors(/.*)?", "/agents(/.*)?", "/controllers/[^/]+/(risk|limits)", "/routines", "/openapi\\.json",
      "/trading-state", "/paper/markets/[^/]+");

  /** What it may do: create, search and stop executors, run its agents' sessions, run routines. */
  private static final java.util.List<java.util.regex.Pattern> AGENT_POSTS = patterns(
      "/executors", "/executors/search", "/executors/[^/]+/stop", "/agents/[^/]+/sessions/[^/]+",
      "/routines/[^/]+/run", "/mcp");

  private static java.util.List<java.util.regex.Pattern> patterns(final String... regex) {
    return java.util.Arrays.stream(regex).map(java.util.regex.Pattern::compile).toList();
  }

  private final String scope;

  Role(final String scope) {
    this.scope = scope;
  }

  /** What the role may call, in words (for error messages and docs). */
  public String scope() {
    return scope;
  }

  /**
   * Whether this role may send {@code method} to {@code path}.
   *
   * @param method the HTTP method name, any case
   * @param path the request path, with or without a trailing slash
   * @return true when the request is allowed
   */
  public boolean permits(final String method, final String path) {
    if (this == ADMIN) {
      return true;
    }
    final String m = method.toUpperCase(Locale.ROOT);
    if (this == AGENT) {
      final String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      final java.util.List<java.util.regex.Pattern> allowed =
          m.equals("GET") || m.equals("HEAD") ? AGENT_READS : m.equals("POST") ? AGENT_POSTS : java.util.List.of();
      return allowed.stream().anyMatch(x -> x.matcher(p).matches());
    }
    if (m.equals("GET") || m.equals("HEAD")) {
      return true;
    }
    final String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return m.equals("POST") && QUERY_POSTS.contains(p);
  }
}
