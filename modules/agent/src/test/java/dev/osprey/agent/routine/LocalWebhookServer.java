package dev.osprey.agent.routine;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a loopback port chosen by the OS: records every request and answers 202,
 * or 302 under {@code /moved}.
 */
final class LocalWebhookServer implements AutoCloseable {
  /** One request as received. */
  record Received(String method, String path, String contentType, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  LocalWebhookServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          final String path = exchange.getRequestURI().getPath();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  path,
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          if (path.startsWith("/moved")) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
          } else {
            exchange.sendResponseHeaders(202, -1);
          }
          exchange.close();
        });
    server.start();
  }

  URI url(final String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
