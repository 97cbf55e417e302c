package dev.osprey.api;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.model.headers.BasicHttpCredentials;

/**
 * Who made a request, for what the engine records (a cleared position, a started session, an
 * approved suggestion say who did it): the basic-authentication user name. Routes run only after
 * {@link dev.osprey.api.auth.BasicAuth} accepted that user, so the name is an authenticated one.
 */
public final class Requester {
  /** The requester of a request without basic credentials (only routes outside authentication). */
  public static final String ANONYMOUS = "api";

  private Requester() {}

  public static String of(final HttpRequest request) {
    final Optional<Authorization> auth = request.getHeader(Authorization.class);
    return auth.map(Authorization::credentials)
        .filter(BasicHttpCredentials.class::isInstance)
        .map(c -> ((BasicHttpCredentials) c).username())
        .filter(name -> !name.isBlank())
        .orElse(ANONYMOUS);
  }
}
