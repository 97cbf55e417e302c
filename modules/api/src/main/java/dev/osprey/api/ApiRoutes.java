package dev.osprey.api;

import dev.osprey.api.auth.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.auth.BasicAuth;
import dev.osprey.api.openapi.ApiSpec;
import dev.osprey.api.openapi.OpenApiRoutes;
import dev.osprey.api.openapi.RouteGuard;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every HTTP route of a node, composed: behind basic authentication, limited to the operations
 * of the API document ({@link RouteGuard}), which it serves at {@code GET /openapi.json}; every
 * rejection and uncaught exception is answered in the API's JSON error shape.
 */
public final class ApiRoutes extends JsonRoutes {
  private final Route route;

  public ApiRoutes(final ObjectMapper mapper, final BasicAuth auth, final Route... routes) {
    this(mapper, auth, user -> java.util.List.of(routes));
  }

  /**
   * @param routesFor the routes a user is served: the same for every user of an unscoped role; an
   *     agent harness (scoped to its controllers) gets routes over gateways that act for those
   *     controllers only, built once per user
   */
  public ApiRoutes(final ObjectMapper mapper, final BasicAuth auth,
      final java.util.function.Function<User, java.util.List<Route>> routesFor) {
    super(mapper);
    final RouteGuard guard = new RouteGuard(mapper, ApiSpec.ROUTES);
    final java.util.Map<String, Route> trees = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.function.Function<User, Route> tree = user -> {
      final Route all = concat(new OpenApiRoutes(mapper).routes(), routesFor.apply(user).toArray(Route[]::new));
      return handleExceptions(ExceptionHandler.newBuilder().match(Throwable.class, this::failure).build(),
          () -> handleRejections(RejectionHandler.defaultHandler().mapRejectionResponse(this::asJsonError),
              () -> guard.guard(all)));
    };
    this.route = auth.protect(user -> trees.computeIfAbsent(user.scoped() ? "agent:" + user.name() : "",
        k -> tree.apply(user)));
  }

  public Route route() {
    return route;
  }

  /** Pekko's rejection answers (plain text) in the API's error shape, with the same status. */
  private HttpResponse asJsonError(final HttpResponse response) {
    final HttpEntity entity = response.entity();
    if (entity.getContentType().equals(ContentTypes.APPLICATION_JSON)) {
      return response;
    }
    final String text = entity instanceof HttpEntity.Strict strict
        ? strict.getData().utf8String() : response.status().reason();
    return errorResponse(response.status(), errorCode(response.status()), text, List.of()).withHeaders(response.getHeaders());
  }
}
