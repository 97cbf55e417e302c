package dev.osprey.api;

import dev.osprey.api.auth.BasicAuth;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** Every HTTP route of a node, composed, behind basic authentication. */
public final class ApiRoutes extends AllDirectives {
  private final Route route;

  public ApiRoutes(final BasicAuth auth, final Route... routes) {
    this.route = auth.protect(concat(routes[0], java.util.Arrays.copyOfRange(routes, 1, routes.length)));
  }

  public Route route() {
    return route;
  }
}
