package dev.osprey.api.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The operators' web UI: static files from the classpath folder {@value #FOLDER}, {@code GET /ui}
 * its page and {@code GET /ui/{file}} the rest. It is a client of the API on the same port, so the
 * browser's basic credentials for the API cover it.
 */
public final class UiRoutes extends JsonRoutes {
  static final String FOLDER = "osprey-ui/";
  /** One flat folder: names of letters, digits, dots, dashes and underscores, no leading dot. */
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Map<String, ContentType> TYPES = Map.of(
      "html", ContentTypes.TEXT_HTML_UTF8,
      "js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8),
      "svg", MediaTypes.IMAGE_SVG_XML.toContentType(),
      "png", MediaTypes.IMAGE_PNG.toContentType());

  public UiRoutes(final ObjectMapper mapper) {
    super(mapper);
  }

  public Route routes() {
    // Revalidated on every load: a node upgrade must not leave an old page talking to a new API.
    return pathPrefix("ui", () -> get(() -> respondWithHeader(RawHeader.create("Cache-Control", "no-cache"),
        () -> concat(
            pathEndOrSingleSlash(() -> file("index.html")),
            path(PathMatchers.segment(), this::file)))));
  }

  private Route file(final String name) {
    final int dot = name.lastIndexOf('.');
    final ContentType type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    if (!FILE.matcher(name).matches() || type == null || UiRoutes.class.getClassLoader().getResource(FOLDER + name) == null) {
      return error(StatusCodes.NOT_FOUND, "NOT_FOUND", "no UI file " + name, List.of());
    }
    return getFromResource(FOLDER + name, type);
  }
}
