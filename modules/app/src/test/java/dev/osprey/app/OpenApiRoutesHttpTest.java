package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.api.openapi.ApiSpec;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The served API document against the served routes, over a whole node, so that neither can
 * change without the other.
 *
 * <p>How drift is caught in both directions:
 * <ul>
 *   <li><b>Documented but not served</b>: every operation of {@code GET /openapi.json} (the
 *       served document, not the table behind it) is called with sample path parameters and a
 *       {@code {}} body, and must reach a handler: never {@code NO_ROUTE} or {@code
 *       METHOD_NOT_ALLOWED}, and answer its documented success or one of its documented errors
 *       in the documented media type (JSON but for the UI's files). A route removed or renamed
 *       in the Pekko tree while still documented fails here
 *       (Pekko's "no route" is a JSON 404 {@code NO_ROUTE}, distinct from a resource's {@code
 *       NOT_FOUND}).
 *   <li><b>Served but not documented</b>: the Pekko route tree cannot be listed, so it is made
 *       impossible rather than searched for: {@code RouteGuard} lets through only what the table
 *       the document is generated from ({@link ApiSpec#ROUTES}) lists, so a new route is a 404
 *       until it is documented (its own tests fail), and every method a path does not document
 *       is a 405, checked here for every path. {@code ApiRoutesTest} proves the guard blocks an
 *       undocumented route.
 * </ul>
 */
class OpenApiRoutesHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T12:00:00Z");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "QUERY");
  /** A value for every path parameter name of the document. */
  private static final Map<String, String> SAMPLES = Map.ofEntries(
      Map.entry("id", "openapi-sample"), Map.entry("type", "position_executor"), Map.entry("connector", "paper"),
      Map.entry("pair", "BTC-USDT"), Map.entry("action", "start"), Map.entry("suggestion", "1"),
      Map.entry("decision", "approve"), Map.entry("path", "agent.md"), Map.entry("name", "atr"),
      Map.entry("file", "ui.js"));
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    final HttpResponse<String> r = node.send("GET", "/openapi.json", null);
    assertEquals(200, r.statusCode(), r.body());
    document = HttpNode.json(r);
  }

  private static String sample(final String template) {
    String p = template;
    for (String name : SAMPLES.keySet()) {
      p = p.replace("{" + name + "}", SAMPLES.get(name));
    }
    assertFalse(p.contains("{"), () -> "no sample for a parameter of " + template);
    return p;
  }

  @Test
  void shouldServeTheDocumentOfTheRouteTable() {
    assertEquals("3.1.0", document.get("openapi").asText());
    final Set<String> served = new TreeSet<>();
    document.get("paths").properties().forEach(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> served.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    final Set<String> table = new TreeSet<>();
    ApiSpec.ROUTES.forEach(r -> table.add(r.method() + " " + r.path()));
    assertEquals(table, served);
  }

  @Test
  void shouldNeedAUserForTheDocument() throws Exception {
    assertEquals(401, node.sendAs(null, "GET", "/openapi.json", null).statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/openapi.json", null).statusCode());
  }

  @Test
  void shouldServeEveryDocumentedOperationWithADocumentedStatus() throws Exception {
    final List<String> failures = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        final String method = op.getKey().toUpperCase(Locale.ROOT);
        final String name = method + " " + path.getKey();
        if (op.getValue().at("/responses/200/content").has("text/event-stream")) {
          continue;   // a stream that does not end: TopicsHttpTest and ClusterHttpTest read them
        }
        final HttpResponse<String> r = node.send(method, sample(path.getKey()),
            op.getValue().has("requestBody") ? "{}" : null);
        final String type = r.headers().firstValue("Content-Type").orElse("");
        final boolean json = type.startsWith("application/json");
        final String error = json ? HttpNode.json(r).path("error").asText() : "";
        final JsonNode content = op.getValue().at("/responses/" + r.statusCode() + "/content");
        if (r.statusCode() == 404 && "NO_ROUTE".equals(error) || r.statusCode() == 405) {
          failures.add(name + " is documented but not served: " + r.statusCode() + " " + r.body());
        } else if (content.isMissingNode()) {
          failures.add(name + " answered an undocumented " + r.statusCode() + ": " + r.body());
        } else if (!content.has("*/*") && !content.has(type.split(";")[0])) {
          // Answers are JSON but where the document names another media type (the UI's files).
          failures.add(name + " answered " + type + ", documented " + content.properties());
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  void shouldAnswerEveryUndocumentedMethodOfADocumentedPathWith405() throws Exception {
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      final String sample = sample(path.getKey());
      final Set<String> documented = new TreeSet<>();
      path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT)));
      for (String method : METHODS) {
        if (documented.contains(method)) {
          continue;
        }
        final HttpResponse<String> r = node.send(method, sample, "{}");
        final String name = method + " " + path.getKey();
        assertEquals(405, r.statusCode(), () -> name + ": " + r.body());
        assertEquals("METHOD_NOT_ALLOWED", HttpNode.json(r).get("error").asText(), name);
        assertEquals(String.join(", ", documented), r.headers().firstValue("Allow").orElse(""), name);
      }
    }
  }

  @Test
  void shouldAnswerAnUndocumentedPathWithAJson404() throws Exception {
    final HttpResponse<String> r = node.send("GET", "/executors/positions/paper", null);
    assertEquals(404, r.statusCode());
    assertEquals("NO_ROUTE", HttpNode.json(r).get("error").asText());
    assertNotEquals("NO_ROUTE", HttpNode.json(node.send("GET", "/executors/nope", null)).get("error").asText());
  }
}
