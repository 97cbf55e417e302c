package dev.osprey.api.auth;

import java.util.Locale;
import java.util.Set;

/**
 * What an authenticated user may do. {@link #ADMIN} may call every route; {@link #READ_ONLY} (for
 * dashboards) may only read: GET and HEAD, and the one POST that is a query.
 */
public enum Role {
  ADMIN("every route"),
  READ_ONLY("GET, HEAD and POST /executors/search");

  /**
   * hummingbot-api searches executors with a POST; it changes nothing, and a dashboard that could
   * not search would be of little use, so read-only users may call it.
   */
  private static final Set<String> QUERY_POSTS = Set.of("/executors/search");

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
    if (m.equals("GET") || m.equals("HEAD")) {
      return true;
    }
    final String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return m.equals("POST") && QUERY_POSTS.contains(p);
  }
}
