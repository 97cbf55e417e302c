package dev.osprey.api;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** Every HTTP route of a node, composed. */
public final class ApiRoutes extends AllDirectives {
  private final Route route;

  public ApiRoutes(final Route... routes) {
    this.route = concat(routes[0], java.util.Arrays.copyOfRange(routes, 1, routes.length));
  }

  public Route route() {
    return route;
  }
}
