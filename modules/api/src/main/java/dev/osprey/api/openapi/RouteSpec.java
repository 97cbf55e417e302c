package dev.osprey.api.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operation of the HTTP API as the OpenAPI document states it: method, path template
 * ({@code /executors/{id}/stop}), query parameters, request body and responses. {@link ApiSpec#ROUTES}
 * is the one list of them: the document is generated from it and {@link RouteGuard} serves nothing
 * else.
 *
 * @param method upper-case HTTP method
 * @param path template with {@code {name}} path parameters, without a trailing slash
 * @param operationId the OpenAPI operation id
 * @param tag the group the operation is listed under
 * @param summary one line on what it does
 * @param pathParams the schema of each path parameter, in template order
 * @param query the query parameters
 * @param requestSchema the component schema of the JSON body, or null when it takes none
 * @param success the success status
 * @param responseSchema the component schema of the success body
 * @param errors the error statuses it may answer (401 is implied for every route)
 */
public record RouteSpec(
    String method,
    String path,
    String operationId,
    String tag,
    String summary,
    List<Param> pathParams,
    List<Param> query,
    String requestSchema,
    int success,
    String responseSchema,
    List<Integer> errors) {

  /** A path or query parameter with its JSON schema. */
  public record Param(String name, String description, ObjectNode schema) {}

  public RouteSpec {
    method = method.toUpperCase(Locale.ROOT);
    pathParams = List.copyOf(pathParams);
    query = List.copyOf(query);
    errors = List.copyOf(errors);
    if (pathParams.size() != templateParams(path).size()) {
      throw new IllegalArgumentException(path + ": every {param} needs a Param, in order");
    }
  }

  /** The names of the template's parameters, in order. */
  static List<String> templateParams(final String path) {
    final List<String> out = new ArrayList<>();
    for (String s : segments(path)) {
      if (isParam(s)) {
        out.add(s.substring(1, s.length() - 1));
      }
    }
    return out;
  }

  /** The segments of a template or request path; one trailing slash is ignored. */
  static List<String> segments(final String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
  }

  static boolean isParam(final String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /** How many segments of the template are literal (more: a more concrete path). */
  int literalSegments() {
    return (int) segments(path).stream().filter(s -> !isParam(s)).count();
  }

  /**
   * Whether this route's template matches the (decoded) request path segments: literal segments
   * equal, parameters any non-empty segment.
   */
  boolean matches(final List<String> requestSegments) {
    final List<String> own = segments(path);
    if (own.size() != requestSegments.size()) {
      return false;
    }
    for (int i = 0; i < own.size(); i++) {
      final String t = own.get(i);
      final String r = requestSegments.get(i);
      if (isParam(t) ? r.isEmpty() : !t.equals(r)) {
        return false;
      }
    }
    return true;
  }
}
