package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.testkit.ManualClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UI's files at /ui: behind the API's users, one flat folder, nothing else of the classpath. */
class UiHttpTest {
  @RegisterExtension
  static final HttpNode node = HttpNode.perClass(ManualClock.at("2026-12-06T03:00:00Z"));

  @Test
  void shouldServeThePageAndItsFilesToEveryUser() throws Exception {
    for (String path : new String[] {"/ui", "/ui/"}) {
      final HttpResponse<String> page = node.sendAs(HttpNode.READER, "GET", path, null);
      assertEquals(200, page.statusCode(), path);
      assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElse(""));
      assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
      assertTrue(page.body().contains("<title>Osprey</title>"), page.body());
    }
    final HttpResponse<String> script = node.send("GET", "/ui/ui.js", null);
    assertEquals(200, script.statusCode());
    assertEquals("application/javascript; charset=UTF-8", script.headers().firstValue("Content-Type").orElse(""));
    assertEquals("text/css; charset=UTF-8", node.send("GET", "/ui/ui.css", null).headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void shouldAskTheBrowserForCredentials() throws Exception {
    final HttpResponse<String> r = node.sendAs(null, "GET", "/ui", null);
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), r.headers()::toString);
  }

  @Test
  void shouldServeNoOtherFile() throws Exception {
    for (String path : new String[] {"/ui/nope.js", "/ui/..%2Fapplication.conf", "/ui/.hidden.js", "/ui/logback.xml"}) {
      final HttpResponse<String> r = node.send("GET", path, null);
      assertEquals(404, r.statusCode(), path);
      assertEquals(HttpNode.json("{\"error\": \"NOT_FOUND\", \"message\": \"no UI file " + java.net.URLDecoder.decode(
          path.substring(4), java.nio.charset.StandardCharsets.UTF_8) + "\"}"), HttpNode.json(r), path);
    }
    final HttpResponse<String> nested = node.send("GET", "/ui/a/b.js", null);
    assertEquals("NO_ROUTE", HttpNode.json(nested).get("error").asText(), nested.body());
  }
}
