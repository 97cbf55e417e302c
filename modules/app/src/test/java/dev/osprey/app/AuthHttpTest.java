package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP basic authentication over a whole node configured as in Kubernetes (no default user, an
 * admin and a read-only user from config): every API route needs a user, read-only users only
 * read, management stays open; and a node without users outside local mode does not start.
 */
class AuthHttpTest {
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T12:00:00Z");
  /** RFC 7617's charset parameter: user names and passwords are read as UTF-8. */
  private static final String CHALLENGE = "Basic realm=\"osprey\",charset=UTF-8";
  /** A read, a create, a mutation, a query by POST and a path that does not exist. */
  private static final List<String[]> ROUTES = List.of(
      new String[] {"GET", "/executors/summary", null},
      new String[] {"GET", "/controllers", null},
      new String[] {"POST", "/executors/", "{}"},
      new String[] {"POST", "/executors/search", "{}"},
      new String[] {"PUT", "/paper/balances", "{\"USDT\": \"1\"}"},
      new String[] {"DELETE", "/executors/x", null},
      new String[] {"GET", "/no/such/route", null});
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(CLOCK);

  private static void assertUnauthorized(final HttpResponse<String> r, final String route) throws Exception {
    assertEquals(401, r.statusCode(), route + ": " + r.body());
    assertEquals(CHALLENGE, r.headers().firstValue("WWW-Authenticate").orElse(""), route);
    assertEquals("UNAUTHORIZED", HttpNode.json(r).get("error").asText(), route);
  }

  @Test
  void shouldAnswerEveryRouteWith401AndAChallengeWithoutCredentials() throws Exception {
    for (String[] route : ROUTES) {
      assertUnauthorized(node.sendAs(null, route[0], route[1], route[2]), route[0] + " " + route[1]);
    }
  }

  @Test
  void shouldAnswer401ForAWrongPasswordAnUnknownUserOrAnotherScheme() throws Exception {
    for (String[] route : ROUTES) {
      final String name = route[0] + " " + route[1];
      assertUnauthorized(node.sendAs(HttpNode.basic("test-admin", "wrong"), route[0], route[1], route[2]), name);
      assertUnauthorized(node.sendAs(HttpNode.basic("admin", "admin"), route[0], route[1], route[2]), name);
      assertUnauthorized(node.sendAs("Bearer test-admin-password", route[0], route[1], route[2]), name);
    }
    final JsonNode wrong = HttpNode.json(node.sendAs(HttpNode.basic("test-admin", "wrong"), "GET", "/controllers", null));
    assertEquals("wrong user or password", wrong.get("message").asText());
  }

  @Test
  void shouldLetTheReadOnlyUserReadAndSearch() throws Exception {
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/executors/summary", null).statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/controllers", null).statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/executors/types/available", null).statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "POST", "/executors/search/", "{\"limit\": 5}").statusCode());
    // Authenticated, so an unknown path is a plain 404 again.
    assertEquals(404, node.sendAs(HttpNode.READER, "GET", "/no/such/route", null).statusCode());
  }

  @Test
  void shouldForbidTheReadOnlyUserEveryChange() throws Exception {
    final String[][] changes = {
        {"POST", "/paper/markets/RO-USDT/quote", "{\"price\": \"10\"}"},
        {"POST", "/executors/", "{}"},
        {"POST", "/executors/x/stop", "{}"},
        {"PUT", "/controllers/ro/limits", "{\"max_open_executors\": 1}"},
        {"PUT", "/paper/balances", "{\"USDT\": \"1\"}"},
        {"DELETE", "/executors/x", null}};
    for (String[] change : changes) {
      final HttpResponse<String> r = node.sendAs(HttpNode.READER, change[0], change[1], change[2]);
      assertEquals(403, r.statusCode(), change[0] + " " + change[1] + ": " + r.body());
      final JsonNode body = HttpNode.json(r);
      assertEquals("FORBIDDEN", body.get("error").asText());
      assertTrue(body.get("message").asText().contains("READ_ONLY"), body.toString());
    }
    // The refused quote listed nothing.
    assertEquals(404, node.send("GET", "/paper/markets/RO-USDT", null).statusCode());
  }

  @Test
  void shouldLetTheAdminChangeThings() throws Exception {
    assertEquals(200, node.send("POST", "/paper/markets/ADM-USDT/quote", "{\"price\": \"10\"}").statusCode());
    assertEquals(200, node.sendAs(HttpNode.READER, "GET", "/paper/markets/ADM-USDT", null).statusCode());
  }

  @Test
  void shouldKeepManagementHealthChecksOpen() throws Exception {
    final String management = node.managementUri();
    assertEquals(200, node.get(management + "/alive").statusCode());
    assertEquals(200, node.get(management + "/ready").statusCode());
  }

  @Test
  void shouldRefuseToStartOutsideLocalModeWithoutAnAdminPassword() {
    final IllegalStateException e = assertThrows(IllegalStateException.class, () -> OspreyNode.start(
        HttpNode.config(ConfigFactory.parseString("osprey.auth { local-mode = false, admin.password = \"\" }")),
        Clock.systemUTC()));
    assertTrue(e.getMessage().contains("no admin password is configured"), e.getMessage());
  }
}
