package dev.osprey.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests the HTTP server cannot even parse (no route sees them) in the API's error
 * shape. A method the server does not know ({@code QUERY}, {@code FOO}) would be a 501; it is a
 * 405 here: the client sent something this API does not take, not a failure of the server.
 * {@link HttpServer} installs it for the API's port only.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public HttpResponse handle(
      final StatusCode status, final ErrorInfo info, final LoggingAdapter log, final ServerSettings settings) {
    final boolean unknownMethod = status.intValue() == StatusCodes.NOT_IMPLEMENTED.intValue();
    final org.apache.pekko.http.javadsl.model.StatusCode answer =
        unknownMethod ? StatusCodes.METHOD_NOT_ALLOWED : status;
    final Map<String, String> body = new LinkedHashMap<>();
    body.put("error", JsonRoutes.errorCode(answer));
    body.put("message", info.summary().isEmpty() ? status.reason() : info.summary());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      bytes = "{\"error\":\"INVALID_REQUEST\",\"message\":\"unreadable request\"}".getBytes(StandardCharsets.UTF_8);
    }
    return HttpResponse.create().withStatus(answer).withEntity(ContentTypes.APPLICATION_JSON, bytes);
  }
}
