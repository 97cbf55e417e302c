package dev.osprey.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /openapi.json}: the API document, generated once from {@link ApiSpec}. */
public final class OpenApiRoutes extends JsonRoutes {
  private final byte[] document;

  public OpenApiRoutes(final ObjectMapper mapper) {
    super(mapper);
    try {
      this.document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(ApiSpec.document());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OpenAPI document", e);
    }
  }

  public Route routes() {
    return pathPrefix("openapi.json", () -> pathEndOrSingleSlash(() -> get(() ->
        complete(HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, document)))));
  }
}
