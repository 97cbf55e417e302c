package dev.osprey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code bin/osprey agent import DIR} and {@code bin/osprey agent export ID DIR}: bring a Condor
 * agent folder ({@code trading_agents/{slug}/}) to a running node and back, over its HTTP API at
 * {@code OSPREY_URL} (default {@code http://127.0.0.1:$OSPREY_HTTP_PORT}, port 8080) as {@code
 * OSPREY_USER}/{@code OSPREY_PASSWORD} (default: local mode's {@code admin}/{@code admin}). The
 * folder's name is the agent's id. Exit codes: 0 done, 1 the node refused or could not be reached
 * (its error is printed), 2 bad usage.
 */
public final class AgentCli {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE = "usage: osprey agent import DIR | osprey agent export ID DIR";

  private AgentCli() {}

  public static void main(final String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(final String[] args, final Map<String, String> env, final PrintStream out, final PrintStream err) {
    try {
      if (args.length == 2 && args[0].equals("import")) {
        return importAgent(Path.of(args[1]), env, out, err);
      }
      if (args.length == 3 && args[0].equals("export")) {
        return exportAgent(args[1], Path.of(args[2]), env, out, err);
      }
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("osprey agent: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static int importAgent(final Path dir, final Map<String, String> env, final PrintStream out,
      final PrintStream err) throws IOException, InterruptedException {
    if (!Files.isRegularFile(dir.resolve("agent.md")) && !Files.isRegularFile(dir.resolve("loom.toml"))) {
      err.println("osprey agent: " + dir.resolve("agent.md") + " not found (DIR is an agent folder, "
          + "trading_agents/{slug}/, or a Loom executor agent's folder with its loom.toml)");
      return 2;
    }
    final Map<String, String> body = new LinkedHashMap<>();
    body.put("id", dir.toAbsolutePath().normalize().getFileName().toString());
    for (String file : new String[] {"agent.md", "config.yml", "learnings.md", "loom.toml"}) {
      final Path p = dir.resolve(file);
      if (Files.isRegularFile(p)) {
        body.put(file.replace('.', '_'), Files.readString(p));
      }
    }
    final HttpResponse<String> r = send(env, HttpRequest.newBuilder(uri(env, "/agents"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      err.println("osprey agent: import refused (" + r.statusCode() + "): " + r.body());
      return 1;
    }
    out.println("imported " + body.get("id"));
    return 0;
  }

  private static int exportAgent(final String id, final Path dir, final Map<String, String> env,
      final PrintStream out, final PrintStream err) throws IOException, InterruptedException {
    final HttpResponse<byte[]> r = send(env, HttpRequest.newBuilder(uri(env, "/agents/" + id + "/export")).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      err.println("osprey agent: export refused (" + r.statusCode() + "): "
          + new String(r.body(), StandardCharsets.UTF_8));
      return 1;
    }
    final String prefix = "trading_agents/" + id + "/";
    final Path root = dir.toAbsolutePath().normalize();
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory() || !e.getName().startsWith(prefix)) {
          continue;
        }
        final Path target = root.resolve(e.getName().substring(prefix.length())).normalize();
        // An entry must land inside DIR, whatever its name says ("zip slip").
        if (!target.startsWith(root)) {
          throw new IOException("archive entry " + e.getName() + " points outside " + root);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, zip.readAllBytes());
        files++;
      }
    }
    out.println("exported " + id + " to " + root + " (" + files + " files)");
    return 0;
  }

  private static URI uri(final Map<String, String> env, final String path) {
    final String base = env.getOrDefault("OSPREY_URL",
        "http://127.0.0.1:" + env.getOrDefault("OSPREY_HTTP_PORT", "8080"));
    return URI.create(base.replaceAll("/+$", "") + path);
  }

  private static <T> HttpResponse<T> send(final Map<String, String> env, final HttpRequest.Builder request,
      final HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
    final String user = env.getOrDefault("OSPREY_USER", "admin");
    final String password = env.getOrDefault("OSPREY_PASSWORD", "admin");
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    try {
      return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
          .send(request.timeout(Duration.ofSeconds(60)).build(), body);
    } catch (java.net.ConnectException e) {
      throw new IOException("no Osprey node at " + request.build().uri() + " (set OSPREY_URL)", e);
    }
  }
}
