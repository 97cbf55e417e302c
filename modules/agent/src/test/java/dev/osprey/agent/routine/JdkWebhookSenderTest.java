package dev.osprey.agent.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.agent.routine.LocalWebhookServer.Received;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkWebhookSenderTest {
  private final LocalWebhookServer server = new LocalWebhookServer();
  private final JdkWebhookSender sender = new JdkWebhookSender(Duration.ofSeconds(5));

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void shouldPostTheBodyAsJsonAndReturnTheStatus() {
    final String body = "{\"text\":\"ATR above 2% — widening\"}";

    assertEquals(202, sender.post(server.url("/hooks/T0K3N"), body));
    assertEquals(
        List.of(new Received("POST", "/hooks/T0K3N", "application/json; charset=utf-8", body)),
        server.received());
  }

  @Test
  void shouldReportARedirectWithoutFollowingIt() {
    assertEquals(302, sender.post(server.url("/moved"), "{}"));
    assertEquals(1, server.received().size());
  }

  @Test
  void shouldRefuseUrlsThatAreNotHttp() {
    for (final String target : List.of("file:///etc/passwd", "ftp://127.0.0.1/x", "/relative")) {
      assertThrows(
          IllegalArgumentException.class, () -> sender.post(URI.create(target), "{}"), target);
    }
    assertTrue(server.received().isEmpty());
  }

  @Test
  void shouldNameOnlyTheOriginWhenNothingAnswers() {
    final URI url = server.url("/hooks/S3CRET");
    server.close();

    final var error = assertThrows(UncheckedIOException.class, () -> sender.post(url, "{}"));
    final String message = error.getMessage();
    assertTrue(message.startsWith("webhook POST to http://127.0.0.1:"), message);
    assertFalse(message.contains("S3CRET"), message);
  }
}
