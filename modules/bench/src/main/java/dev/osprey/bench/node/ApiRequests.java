package dev.osprey.bench.node;

import dev.osprey.bench.load.HttpLoad;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Requests to a node's API on 127.0.0.1, as the local-mode admin (admin/admin). */
public final class ApiRequests {
  private static final String AUTH =
      "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final int port;

  public ApiRequests(final int port) {
    this.port = port;
  }

  public HttpRequest get(final String path) {
    return HttpRequest.newBuilder(HttpLoad.loopback(port, path)).timeout(TIMEOUT)
        .header("Authorization", AUTH).GET().build();
  }

  public HttpRequest post(final String path, final String json) {
    return HttpRequest.newBuilder(HttpLoad.loopback(port, path)).timeout(TIMEOUT)
        .header("Authorization", AUTH).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }
}
