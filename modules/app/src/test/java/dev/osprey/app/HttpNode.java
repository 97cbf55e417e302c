package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A whole node on the in-memory journal (which serializes every persisted event) with an HTTP
 * client speaking to it as users do, for the HTTP tests: {@link #send} signs in as the admin of
 * {@code node-inmem-test.conf}. Decimals are read exactly.
 */
final class HttpNode implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  /** The admin user of {@code node-inmem-test.conf}, as {@code user:password}. */
  static final String ADMIN_USER_PASSWORD = "test-admin:test-admin-password";
  /** {@code Authorization} values of the users in {@code node-inmem-test.conf}. */
  static final String ADMIN = basic("test-admin", "test-admin-password");
  static final String READER = basic("test-reader", "test-reader-password");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final ManualClock clock;
  private final Config overrides;
  private OspreyNode node;
  private ActorTestKit probes;
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  private HttpNode(final ManualClock clock, final Config overrides) {
    this.clock = clock;
    this.overrides = overrides;
  }

  private HttpNode started() {
    this.node = OspreyNode.start(config(overrides), clock);
    this.base = "http://127.0.0.1:" + node.httpPort();
    this.probes = ActorTestKit.create("probes");
    return this;
  }

  static HttpNode start(final ManualClock clock) {
    return start(clock, ConfigFactory.empty());
  }

  /** A node whose config is {@code node-inmem-test.conf} with {@code overrides} on top. */
  static HttpNode start(final ManualClock clock, final Config overrides) {
    return new HttpNode(clock, overrides).started();
  }

  /**
   * A node for one test class, registered with {@code @RegisterExtension}: started before the
   * class's {@code @BeforeAll} methods, stopped after its tests.
   */
  static HttpNode perClass(final ManualClock clock) {
    return perClass(clock, ConfigFactory.empty());
  }

  static HttpNode perClass(final ManualClock clock, final Config overrides) {
    return new HttpNode(clock, overrides);
  }

  @Override
  public void beforeAll(final ExtensionContext context) {
    started();
  }

  @Override
  public void afterAll(final ExtensionContext context) {
    close();
  }

  static Config config(final Config overrides) {
    return overrides
        .withFallback(PersistenceTestKitPlugin.getInstance().config())
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.parseResources("node-inmem-test.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  static String basic(final String user, final String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The API's base URI, {@code http://127.0.0.1:<port>}. */
  String baseUri() {
    return base;
  }

  /** Sends as the admin user. */
  HttpResponse<String> send(final String method, final String path, final String body) throws Exception {
    return sendAs(ADMIN, method, path, body);
  }

  /** Sends with {@code authorization} as the {@code Authorization} header, or none when null. */
  HttpResponse<String> sendAs(final String authorization, final String method, final String path, final String body)
      throws Exception {
    final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET as the admin user, with the body as bytes (archives). */
  HttpResponse<byte[]> sendBytes(final String method, final String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", ADMIN).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The Pekko Management server's base URI (its own port, outside the API's authentication). */
  String managementUri() throws Exception {
    // start() again returns the running server's address.
    return PekkoManagement.get(node.system()).start().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
  }

  HttpResponse<String> get(final String uri) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(final HttpResponse<String> r) throws Exception {
    return json(r.body());
  }

  static JsonNode json(final String text) throws Exception {
    return JSON.readTree(text);
  }

  /** Polls {@code GET /executors/{id}} until {@code done} holds (10 s at most). */
  JsonNode awaitExecutor(final String id, final Predicate<JsonNode> done) {
    return awaitJson("/executors/" + id, n -> assertTrue(done.test(n), () -> "not yet: " + n));
  }

  /** Polls executor {@code id} until it is TERMINATED; its last JSON. */
  JsonNode awaitTerminated(final String id) {
    return awaitExecutor(id, n -> "TERMINATED".equals(n.get("status").asText()));
  }

  /** Polls executor {@code id} until it is TERMINATED and asserts its close type; its last JSON. */
  JsonNode awaitClosed(final String id, final String closeType) {
    final JsonNode done = awaitTerminated(id);
    assertEquals(closeType, done.get("close_type").asText(), done::toString);
    return done;
  }

  /**
   * Polls {@code GET path} until it answers 200 with JSON that passes {@code check}'s assertions
   * (10 s at most); returns that JSON.
   */
  JsonNode awaitJson(final String path, final Consumer<JsonNode> check) {
    return await(() -> {
      try {
        final HttpResponse<String> r = send("GET", path, null);
        assertEquals(200, r.statusCode(), r.body());
        final JsonNode n = json(r);
        check.accept(n);
        return n;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  /** Sets the quote of {@code pair} on paper venue {@code connector}; 200 or the test fails. */
  void quote(final String connector, final String pair, final String bid, final String ask) throws Exception {
    final HttpResponse<String> r = send("POST", "/paper/markets/" + pair + "/quote?connector=" + connector,
        "{\"bid\": \"" + bid + "\", \"ask\": \"" + ask + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  /**
   * Waits until paper venue {@code connector} has {@code count} orders resting on {@code pair}, so
   * that a quote set next meets them on the book (orders reach the venue asynchronously).
   */
  void awaitResting(final String connector, final String pair, final int count) {
    await(() -> {
      final long resting = node.paper(connector).openOrders().toCompletableFuture().join().stream()
          .filter(o -> o.request().tradingPair().symbol().equals(pair)).count();
      assertEquals(count, resting, () -> "orders resting on " + connector + " " + pair);
      return resting;
    });
  }

  /** The node's paper venue {@code name} (tests that set it up as a replay's connectors.json does). */
  dev.osprey.engine.paper.ClusterPaperVenue paper(final String name) {
    return node.paper(name);
  }

  /** Retries {@code check} until it stops throwing assertion errors (10 s at most). */
  <T> T await(final Supplier<T> check) {
    return probes.<Object>createTestProbe().awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(20), check::get);
  }

  @Override
  public void close() {
    probes.shutdownTestKit();
    node.stop();
  }
}
