package dev.osprey.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Lets through only the requests that an operation of the API document matches: an undocumented
 * path is a 404 {@code NO_ROUTE} and an undocumented method on a documented path a 405 {@code
 * METHOD_NOT_ALLOWED} with an {@code Allow} header, both in the API's error shape.
 *
 * <p>Why a guard and not only a test: Pekko's route tree cannot be listed, so a test cannot find a
 * route nobody documented. Behind the guard such a route is unreachable, and the first request to
 * it (its own test) fails until it is added to {@link ApiSpec#ROUTES}; the other direction, a
 * documented operation that no route serves, is caught by calling every operation of the document
 * ({@code OpenApiRoutesHttpTest}).
 */
public final class RouteGuard extends JsonRoutes {
  private final List<RouteSpec> routes;

  public RouteGuard(final ObjectMapper mapper, final List<RouteSpec> routes) {
    super(mapper);
    this.routes = List.copyOf(routes);
  }

  /** {@code inner}, for the requests a documented operation matches. */
  public Route guard(final Route inner) {
    return extractRequest(request -> {
      final Set<String> allowed = allowedMethods(segments(request.getUri()));
      final String path = request.getUri().path();
      if (allowed.isEmpty()) {
        return error(StatusCodes.NOT_FOUND, "NO_ROUTE", "no route " + path + " (see GET /openapi.json)", List.of());
      }
      final String method = request.method().value();
      // HEAD is a GET without its body (Pekko answers it from the GET route).
      if (allowed.contains(method) || ("HEAD".equals(method) && allowed.contains("GET"))) {
        return inner;
      }
      return respondWithHeader(RawHeader.create("Allow", String.join(", ", allowed)), () -> error(
          StatusCodes.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
          method + " is not allowed on " + path + " (allowed: " + String.join(", ", allowed) + ")", List.of()));
    });
  }

  /**
   * The methods of the documented path that the request path is, empty when none matches. As
   * OpenAPI says, a concrete path wins over a templated one: {@code /executors/search} is that
   * path, not the executor {@code search} of {@code /executors/{id}}.
   */
  Set<String> allowedMethods(final List<String> requestSegments) {
    final Set<String> out = new TreeSet<>();
    int mostLiterals = -1;
    for (RouteSpec r : routes) {
      if (!r.matches(requestSegments)) {
        continue;
      }
      final int literals = r.literalSegments();
      if (literals > mostLiterals) {
        out.clear();
        mostLiterals = literals;
      }
      if (literals == mostLiterals) {
        out.add(r.method());
      }
    }
    return out;
  }

  /** The decoded path segments, without the one trailing slash every route accepts. */
  static List<String> segments(final Uri uri) {
    final List<String> out = new ArrayList<>();
    uri.pathSegments().forEach(out::add);
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty() && uri.path().endsWith("/")) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
