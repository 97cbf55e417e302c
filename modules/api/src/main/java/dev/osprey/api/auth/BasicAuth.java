package dev.osprey.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.BasicHttpCredentials;
import org.apache.pekko.http.javadsl.model.headers.HttpChallenge;
import org.apache.pekko.http.javadsl.model.headers.HttpCredentials;
import org.apache.pekko.http.javadsl.model.headers.WWWAuthenticate;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * HTTP basic authentication in front of every API route, as hummingbot-api (its clients send it).
 * A missing or wrong user is answered 401 with {@code WWW-Authenticate: Basic realm="…"} before
 * the route is looked at (so an unknown path is a 401 too, not a 404: nothing about the API shows
 * without a user); a user whose role does not allow the request gets 403. Both in the API's error
 * shape. Management ({@code /alive}, {@code /ready}) is a separate server and is not wrapped.
 */
public final class BasicAuth extends JsonRoutes {
  private final Authenticator authenticator;
  private final WWWAuthenticate challenge;

  public BasicAuth(final ObjectMapper mapper, final AuthSettings settings) {
    super(mapper);
    this.authenticator = new Authenticator(settings.users());
    this.challenge = WWWAuthenticate.create(HttpChallenge.createBasic(settings.realm()));
  }

  /** {@code inner}, reachable only by an authenticated user whose role allows the request. */
  public Route protect(final Route inner) {
    return protect(user -> inner);
  }

  /**
   * {@code inner} for the authenticated user (the route tree may depend on who it is: an agent
   * harness gets one whose gateways act for its controllers only), when its role allows the request.
   */
  public Route protect(final java.util.function.Function<User, Route> inner) {
    return extractCredentials(provided -> {
      final Optional<User> user = provided
          .filter(BasicHttpCredentials.class::isInstance)
          .map(BasicHttpCredentials.class::cast)
          .flatMap(c -> authenticator.authenticate(c.username(), c.password()));
      if (user.isEmpty()) {
        return respondWithHeader(challenge, () -> error(StatusCodes.UNAUTHORIZED, "UNAUTHORIZED",
            unauthorized(provided), List.of()));
      }
      return extractRequest(request -> {
        final String method = request.method().value();
        final String path = request.getUri().path();
        if (user.get().role().permits(method, path)) {
          final Optional<String> foreign = foreignController(user.get(), request);
          if (foreign.isPresent()) {
            return error(StatusCodes.FORBIDDEN, "FORBIDDEN", "user " + user.get().name()
                + " may act for controllers " + new java.util.TreeSet<>(user.get().controllers())
                + " only, not " + foreign.get(), List.of());
          }
          return inner.apply(user.get());
        }
        final Role role = user.get().role();
        return error(StatusCodes.FORBIDDEN, "FORBIDDEN", "role " + role + " (user " + user.get().name()
            + ") may call " + role.scope() + "; " + method + " " + path + " needs role " + Role.ADMIN,
            List.of());
      });
    });
  }

  /** For an agent harness, the agent or controller id of the path that is not one of its own. */
  private static Optional<String> foreignController(final User user, final org.apache.pekko.http.javadsl.model.HttpRequest request) {
    if (!user.scoped()) {
      return Optional.empty();
    }
    final List<String> segments = new java.util.ArrayList<>();
    request.getUri().pathSegments().forEach(segments::add);
    if (segments.size() >= 2 && (segments.get(0).equals("agents") || segments.get(0).equals("controllers"))
        && !user.controllers().contains(segments.get(1))) {
      return Optional.of(segments.get(1));
    }
    return Optional.empty();
  }

  private static String unauthorized(final Optional<HttpCredentials> provided) {
    if (provided.isEmpty()) {
      return "authentication required: send HTTP basic credentials";
    }
    if (!(provided.get() instanceof BasicHttpCredentials)) {
      return "authentication required: only HTTP basic credentials are accepted";
    }
    return "wrong user or password";
  }
}
