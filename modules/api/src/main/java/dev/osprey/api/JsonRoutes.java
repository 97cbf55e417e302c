package dev.osprey.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.FieldViolation;
import dev.osprey.engine.EntityError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared plumbing of the resource routes: JSON bodies read leniently into a tree and then bound
 * with field-level errors, one error shape {@code {"error": CODE, "message": …, "violations": […]}},
 * and the mapping of gateway failures to status codes (400 invalid, 403 denied, 404 unknown, 409
 * conflict, 503 unavailable or timed out).
 */
public abstract class JsonRoutes extends AllDirectives {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRoutes.class);
  protected final ObjectMapper mapper;

  protected JsonRoutes(final ObjectMapper mapper) {
    this.mapper = mapper;
  }

  protected Route json(final StatusCode status, final Object body) {
    return complete(jsonResponse(status, body));
  }

  protected HttpResponse jsonResponse(final StatusCode status, final Object body) {
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      LOG.error("cannot write response", e);
      return HttpResponse.create().withStatus(StatusCodes.INTERNAL_SERVER_ERROR);
    }
  }

  protected Route ok(final Object body) {
    return json(StatusCodes.OK, body);
  }

  /**
   * Reads the body as a JSON object (an empty body is an empty object) and hands the tree on;
   * anything else (an array, a number) is a 400, so no route reads fields of a non-object.
   */
  protected Route withJsonBody(final Function<JsonNode, Route> inner) {
    return withJsonBody(false, inner);
  }

  /** As {@link #withJsonBody(Function)}; when {@code required}, an empty body is a 400 too. */
  protected Route withJsonBody(final boolean required, final Function<JsonNode, Route> inner) {
    return entity(Unmarshaller.entityToString(), text -> {
      if (required && text.isBlank()) {
        return invalid(List.of(new FieldViolation("body", "is required: a JSON object")));
      }
      final JsonNode node;
      try {
        node = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
      } catch (JsonProcessingException e) {
        return error(StatusCodes.BAD_REQUEST, "INVALID_JSON",
            "body: is not valid JSON (" + e.getOriginalMessage() + ")", List.of());
      }
      if (!node.isObject()) {
        return invalid(List.of(new FieldViolation("body", "must be a JSON object")));
      }
      return guarded(() -> inner.apply(node));
    });
  }

  /** Runs {@code inner}, answering input errors thrown while building the route with a 400. */
  protected Route guarded(final java.util.function.Supplier<Route> inner) {
    try {
      return inner.get();
    } catch (FieldViolation.Invalid e) {
      return invalid(e.violations());
    } catch (IllegalArgumentException e) {
      return error(StatusCodes.BAD_REQUEST, "INVALID_REQUEST", e.getMessage(), List.of());
    }
  }

  /** Completes with {@code onSuccess} of the stage's value, or the mapped error. */
  protected <T> Route await(final CompletionStage<T> stage, final Function<T, Route> onSuccess) {
    return onComplete(stage, t -> t.isSuccess() ? onSuccess.apply(t.get()) : failure(t.failed().get()));
  }

  protected Route failure(final Throwable t) {
    final Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof EntityError.GatewayException g) {
      final EntityError err = g.error();
      return switch (err.kind()) {
        case INVALID -> error(StatusCodes.BAD_REQUEST, err.code(), err.message(), violationsOf(err.message()));
        case DENIED -> error(StatusCodes.FORBIDDEN, err.code(), err.message(), List.of());
        case NOT_FOUND -> error(StatusCodes.NOT_FOUND, err.code(), err.message(), List.of());
        case CONFLICT -> error(StatusCodes.CONFLICT, err.code(), err.message(), List.of());
        case UNAVAILABLE -> error(StatusCodes.SERVICE_UNAVAILABLE, err.code(), err.message(), List.of());
      };
    }
    if (e instanceof FieldViolation.Invalid inv) {
      return invalid(inv.violations());
    }
    if (e instanceof IllegalArgumentException iae) {
      return error(StatusCodes.BAD_REQUEST, "INVALID_REQUEST", iae.getMessage(), List.of());
    }
    if (e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")) {
      return error(StatusCodes.SERVICE_UNAVAILABLE, "TIMEOUT",
          "the cluster did not answer in time; the request may still complete", List.of());
    }
    LOG.error("request failed", e);
    return error(StatusCodes.INTERNAL_SERVER_ERROR, "INTERNAL", "internal error: " + e, List.of());
  }

  protected Route invalid(final List<FieldViolation> violations) {
    return error(StatusCodes.BAD_REQUEST, "INVALID_REQUEST",
        new FieldViolation.Invalid(violations).getMessage(), violations);
  }

  protected Route error(
      final StatusCode status, final String code, final String message, final List<FieldViolation> violations) {
    return complete(errorResponse(status, code, message, violations));
  }

  /** The error shape as a response, for handlers that answer outside a route. */
  protected HttpResponse errorResponse(
      final StatusCode status, final String code, final String message, final List<FieldViolation> violations) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (!violations.isEmpty()) {
      final List<Map<String, String>> vs = new ArrayList<>();
      for (FieldViolation v : violations) {
        vs.add(Map.of("field", v.field(), "rule", v.rule()));
      }
      body.put("violations", vs);
      // hummingbot-api answers validation errors with a "detail" string; keep it for its clients.
      body.put("detail", message);
    }
    return jsonResponse(status, body);
  }

  /** The error code of a status the routes do not answer themselves (Pekko's rejections, parse errors). */
  public static String errorCode(final StatusCode status) {
    switch (status.intValue()) {
      case 400:
        return "INVALID_REQUEST";
      case 404:
        return "NO_ROUTE";
      case 413:
        return "TOO_LARGE";
      case 415:
        return "UNSUPPORTED_MEDIA_TYPE";
      default:
        return status.reason().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }
  }

  /** Re-splits a "field: rule; field: rule" message from the engine into violations. */
  private static List<FieldViolation> violationsOf(final String message) {
    final List<FieldViolation> out = new ArrayList<>();
    for (String part : message.split("; ")) {
      final int colon = part.indexOf(": ");
      if (colon > 0 && !part.substring(0, colon).contains(" ")) {
        out.add(new FieldViolation(part.substring(0, colon), part.substring(colon + 2)));
      }
    }
    return out;
  }
}
