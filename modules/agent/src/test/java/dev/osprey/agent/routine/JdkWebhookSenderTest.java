package dev.osprey.agent.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkWebhookSenderTest {
  /** What the local server received: method, path, content type and body of each request. */
  record Received(String method, String path, String contentType, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final JdkWebhookSender sender = new JdkWebhookSender(Duration.ofSeconds(5));
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          final String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          final int status = exchange.getRequestURI().getPath().startsWith("/moved") ? 302 : 202;
          if (status == 302) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI url(final String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void shouldPostTheBodyAsJsonAndReturnTheStatus() {
    final int status = sender.post(url("/hooks/T0K3N"), "{\"text\":\"ATR above 2% — widening\"}");

    assertEquals(202, status);
    assertEquals(
        List.of(
            new Received(
                "POST",
                "/hooks/T0K3N",
                "application/json; charset=utf-8",
                "{\"text\":\"ATR above 2% — widening\"}")),
        received);
  }

  @Test
  void shouldReportARedirectWithoutFollowingIt() {
    assertEquals(302, sender.post(url("/moved"), "{}"));
    assertEquals(1, received.size());
  }

  @Test
  void shouldRefuseUrlsThatAreNotHttp() {
    for (final String target : List.of("file:///etc/passwd", "ftp://127.0.0.1/x", "/relative")) {
      assertThrows(
          IllegalArgumentException.class, () -> sender.post(URI.create(target), "{}"), target);
    }
    assertTrue(received.isEmpty());
  }

  @Test
  void shouldNameOnlyTheOriginWhenNothingAnswers() {
    final URI url = url("/hooks/S3CRET");
    server.stop(0);

    final var error = assertThrows(UncheckedIOException.class, () -> sender.post(url, "{}"));
    final String message = error.getMessage();
    assertTrue(message.startsWith("webhook POST to http://127.0.0.1:"), message);
    assertFalse(message.contains("S3CRET"), message);
  }
}
