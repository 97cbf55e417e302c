package dev.osprey.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.osprey.api.ApiRoutes;
import dev.osprey.api.HttpServer;
import dev.osprey.api.auth.AuthSettings;
import dev.osprey.api.auth.BasicAuth;
import dev.osprey.json.ApiJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composition of {@link ApiRoutes} with routes of its own: a route the API document does not
 * list is not served (the guard that keeps the document complete), and whatever Pekko would
 * answer in plain text is answered in the API's JSON error shape.
 */
class ApiRoutesTest extends AllDirectives {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString("a:secret".getBytes(StandardCharsets.UTF_8));
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    final AuthSettings auth = AuthSettings.fromConfig(ConfigFactory.parseString("""
        local-mode = false
        realm = "osprey"
        admin { username = "a", password = "secret" }
        read-only { username = "r", password = "" }
        """));
    final ObjectMapper mapper = ApiJson.mapper();
    final ApiRoutesTest d = new ApiRoutesTest();
    final Route undocumented = d.path("undocumented", () -> d.get(() -> d.complete("served")));
    // Documented, but throws and rejects as a careless handler would.
    final Route careless = d.pathPrefix("executors", () -> d.pathPrefix("summary", () -> d.get(() -> {
      throw new IllegalStateException("boom");
    })));
    final Route strict = d.pathPrefix("controllers", () -> d.pathEnd(() -> d.get(() ->
        d.parameter(org.apache.pekko.http.javadsl.unmarshalling.StringUnmarshallers.INTEGER, "n", n ->
            d.complete("n=" + n)))));
    final ApiRoutes routes = new ApiRoutes(mapper, new BasicAuth(mapper, auth), undocumented, careless, strict);
    binding = HttpServer.start(routes.route(), "127.0.0.1", 0, testKit.system())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private HttpResponse<String> send(final String method, final String path) throws Exception {
    final HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
        .header("Authorization", ADMIN)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** The error body of {@code r}, after checking its status, code and content type. */
  private static JsonNode assertError(final int status, final String code, final HttpResponse<String> r)
      throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), r.body());
    final JsonNode body = JSON.readTree(r.body());
    assertEquals(code, body.get("error").asText(), r.body());
    return body;
  }

  @Test
  void shouldNotServeARouteTheDocumentDoesNotList() throws Exception {
    assertError(404, "NO_ROUTE", send("GET", "/undocumented"));
  }

  @Test
  void shouldAnswerAnUndocumentedMethodWith405AndTheAllowedOnes() throws Exception {
    final HttpResponse<String> r = send("DELETE", "/controllers/c1/limits");
    assertError(405, "METHOD_NOT_ALLOWED", r);
    assertEquals("GET, PUT", r.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void shouldAnswerAMethodTheServerDoesNotKnowWith405() throws Exception {
    assertError(405, "METHOD_NOT_ALLOWED", send("QUERY", "/executors/summary"));
  }

  @Test
  void shouldAnswerRejectionsAndExceptionsInTheErrorShape() throws Exception {
    final JsonNode rejected = assertError(400, "INVALID_REQUEST", send("GET", "/controllers?n=x"));
    assertTrue(rejected.get("message").asText().contains("n"), rejected::toString);
    assertError(500, "INTERNAL", send("GET", "/executors/summary"));
  }

  @Test
  void shouldServeTheDocument() throws Exception {
    final HttpResponse<String> r = send("GET", "/openapi.json/");
    assertEquals(200, r.statusCode());
    assertEquals("3.1.0", JSON.readTree(r.body()).get("openapi").asText());
  }
}
