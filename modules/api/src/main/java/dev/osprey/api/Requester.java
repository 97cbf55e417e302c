package dev.osprey.api;

import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * Who made a request, for what the engine records (a cleared position says who cleared it). The
 * one place that reads it, so that authentication can answer here; until then every request is
 * {@link #ANONYMOUS}.
 */
public final class Requester {
  /** The requester of a request nobody authenticated. */
  public static final String ANONYMOUS = "api";

  private Requester() {}

  public static String of(final HttpRequest request) {
    return ANONYMOUS;
  }
}
