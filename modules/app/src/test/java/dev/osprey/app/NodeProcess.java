package dev.osprey.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Osprey node in a JVM of its own ({@link Main}, as {@code bin/osprey up --nodes} runs it),
 * for the tests that kill a node for real: its config file, ports and log under {@code dir}.
 */
final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ADMIN =
      "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

  /** A node's address and its HTTP, management and remoting ports on it. */
  record Ports(String host, int http, int management, int remoting) {
    /** The node's Pekko address, as seed-nodes lists it. */
    String pekkoAddress() {
      return "pekko://osprey@" + host + ":" + remoting;
    }
  }

  final String name;
  final Ports ports;
  private final Process process;

  private NodeProcess(final String name, final Ports ports, final Process process) {
    this.name = name;
    this.ports = ports;
    this.process = process;
  }

  /**
   * Starts node {@code name} with {@code config} (HOCON over the application's) on the given
   * address and ports, its JVM behind the {@code launcher} words (empty, or entering a network
   * namespace), joining {@code seeds} (the first one forms the cluster; a seed that restarts joins
   * the others); its output is appended to {@code <dir>/<name>.log}.
   */
  static NodeProcess start(final Path dir, final String name, final String config, final Ports ports,
      final List<String> launcher, final List<Ports> seeds) throws IOException {
    Files.createDirectories(dir);
    final Path conf = dir.resolve(name + ".conf");
    Files.writeString(conf, String.join("\n",
        "include classpath(\"application.conf\")",
        config,
        "osprey.http.host = \"" + ports.host() + "\"",
        "osprey.http.port = " + ports.http(),
        "pekko.management.http.hostname = \"" + ports.host() + "\"",
        "pekko.management.http.port = " + ports.management(),
        "pekko.remote.artery.canonical.hostname = \"" + ports.host() + "\"",
        "pekko.remote.artery.canonical.port = " + ports.remoting(),
        "pekko.cluster.seed-nodes = [" + seeds.stream()
            .map(s -> "\"" + s.pekkoAddress() + "\"")
            .collect(java.util.stream.Collectors.joining(", ")) + "]",
        "osprey.cluster.formation = seed-nodes",
        "osprey.cassandra.embedded = false",
        ""));
    final List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Xmx384m", "-XX:+UseSerialGC",
        "-Dconfig.file=" + conf,
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    final Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
        .start();
    return new NodeProcess(name, ports, p);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown, no leaving, nothing flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private URI uri(final int port, final String path) {
    return URI.create("http://" + ports.host() + ":" + port + path);
  }

  /** Waits up to {@code limit} for the process to end by itself; whether it has. */
  boolean awaitExit(final Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** GET on the management port; the status, or -1 when nothing answers. */
  int management(final String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri(ports.management(), path))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The body of GET {@code path} on the management port. */
  String managementBody(final String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(ports.management(), path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** An API request as the local admin, with a timeout short enough to poll with. */
  HttpResponse<String> api(final String method, final String path, final String body, final Duration timeout)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(ports.http(), path))
        .timeout(timeout)
        .header("Authorization", ADMIN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM, then waits for the node to finish its coordinated shutdown (kill -9 after 60 s). */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      kill9();
    }
  }
}
