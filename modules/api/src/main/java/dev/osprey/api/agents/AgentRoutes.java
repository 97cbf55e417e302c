package dev.osprey.api.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.api.JsonRoutes;
import dev.osprey.api.Requester;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.Ids;
import dev.osprey.engine.agent.AgentGateway;
import dev.osprey.engine.agent.AgentProtocol.SessionAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Agents over HTTP: import (the standard's files as JSON strings), status, sessions (start, pause,
 * resume, stop), config suggestions (approve, reject: the user's only), and the agent's files, one
 * by one or as a {@code trading_agents/{slug}/} zip. Who did what is the authenticated user.
 */
public final class AgentRoutes extends JsonRoutes {
  private final AgentGateway agents;
  private final AgentFilesCodec files;

  public AgentRoutes(final com.fasterxml.jackson.databind.ObjectMapper mapper, final AgentGateway agents,
      final AgentFilesCodec files) {
    super(mapper);
    this.agents = agents;
    this.files = files;
  }

  public Route routes() {
    return pathPrefix("agents", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            get(() -> await(agents.list(), ids -> ok(AgentJson.list(ids)))),
            post(() -> extractRequest(request -> withJsonBody(body -> create(body, Requester.of(request))))))),
        pathPrefix(PathMatchers.segment(), id -> guarded(() -> agent(id)))));
  }

  private Route agent(final String id) {
    Ids.require("agent_id", id);
    return concat(
        pathEndOrSingleSlash(() -> get(() -> await(agents.get(id), v -> ok(AgentJson.view(v))))),
        path(PathMatchers.segment("sessions").slash(PathMatchers.segment()), action -> post(() ->
            extractRequest(request -> guarded(() -> await(agents.session(id, sessionAction(action),
                Requester.of(request)), v -> ok(AgentJson.view(v))))))),
        path(PathMatchers.segment("suggestions").slash(PathMatchers.longSegment()).slash(PathMatchers.segment()),
            (suggestion, decision) -> post(() -> extractRequest(request -> withJsonBody(body ->
                await(agents.decideSuggestion(id, suggestion, approve(decision), Requester.of(request),
                    text(body, "reason")), v -> ok(AgentJson.view(v))))))),
        path(PathMatchers.segment("files").slash(PathMatchers.segment()), file -> get(() ->
            await(agents.get(id), v -> file(files.tree(v), file)))),
        path("export", () -> get(() -> await(agents.get(id), v -> complete(HttpResponse.create()
            .withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.APPLICATION_ZIP), files.zip(id, files.tree(v))))
            .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT,
                Map.of("filename", id + ".zip"))))))));
  }

  /**
   * {@code {"id": slug, "agent_md": "...", "config_yml": "...", "learnings_md": "..."}}: the
   * standard's files as they are on disk (config.yml and learnings.md optional); or, for a Loom
   * executor agent, {@code {"id": slug, "loom_toml": "..."}}.
   */
  private Route create(final JsonNode body, final String by) {
    final Map<String, String> given = new LinkedHashMap<>();
    for (String file : List.of("agent.md", "config.yml", "learnings.md", "loom.toml")) {
      final String text = text(body, file.replace('.', '_'));
      if (text != null) {
        given.put(file, text);
      }
    }
    if (!given.containsKey("agent.md") && !given.containsKey("loom.toml")) {
      throw new FieldViolation.Invalid("agent_md",
          "is required: the agent.md file's text (or loom_toml, a Loom executor agent's loom.toml)");
    }
    final String id = text(body, "id");
    if (id == null) {
      throw new FieldViolation.Invalid("id", "is required: the agent's slug (its directory name), e.g. grid-market-maker");
    }
    Ids.require("id", id);
    final AgentFilesCodec.AgentImport imported = files.read(id, given);
    return await(agents.create(imported.definition(), imported.learnings(), by),
        v -> json(StatusCodes.CREATED, AgentJson.view(v)));
  }

  private Route file(final Map<String, byte[]> tree, final String path) {
    final byte[] content = tree.get(path);
    if (content == null) {
      return error(StatusCodes.NOT_FOUND, "NOT_FOUND", "no file " + path + " (files: "
          + String.join(", ", tree.keySet()) + ")", List.of());
    }
    return complete(HttpResponse.create().withEntity(HttpEntities.create(
        ContentTypes.TEXT_PLAIN_UTF8, content)));
  }

  private static SessionAction sessionAction(final String action) {
    try {
      return SessionAction.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("action", "must be start, pause, resume or stop, got '" + action + "'");
    }
  }

  private static boolean approve(final String decision) {
    return switch (decision) {
      case "approve" -> true;
      case "reject" -> false;
      default -> throw new FieldViolation.Invalid("decision", "must be approve or reject, got '" + decision + "'");
    };
  }

  private static String text(final JsonNode body, final String field) {
    final JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new FieldViolation.Invalid(field, "must be a string");
    }
    return n.asText();
  }
}
