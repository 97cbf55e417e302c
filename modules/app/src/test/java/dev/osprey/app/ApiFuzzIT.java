package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.testkit.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the whole HTTP API with Schemathesis, from the document the node
 * serves at {@code GET /openapi.json}, against a node on the in-memory journal.
 *
 * <p>Schemathesis (pinned, installed from PyPI into a virtualenv under {@code target/fuzz}) sends
 * the document's examples, boundary and negative cases of every parameter and body ("coverage")
 * and generated ones ("fuzzing"), deterministically, and checks every answer: never a 5xx, a
 * documented status, JSON that fits the documented schema (the error shape for every 4xx), a 401
 * without credentials, 405 with {@code Allow} for a method a path does not take, and no request
 * that violates the schema accepted. Its output is in {@code target/fuzz/schemathesis.log}, every
 * request and answer in {@code target/fuzz/requests.har}.
 *
 * <p>Then nothing may have been persisted for a refused request: every executor and controller
 * the node knows after the run must come from a request that succeeded (a 2xx create, or a 2xx
 * change of that controller), read from the recorded requests.
 *
 * <p>Needs Python 3 with {@code venv} and {@code pip} ({@code .ci/run} installs them); without
 * them this test fails, it does not skip.
 */
class ApiFuzzIT {
  /** The Schemathesis release this suite was written against (Python 3.9+). */
  private static final String SCHEMATHESIS = "4.32.5";
  private static final String CHECKS = String.join(",",
      "not_a_server_error", "status_code_conformance", "content_type_conformance",
      "response_schema_conformance", "negative_data_rejection", "ignored_auth",
      "unsupported_method", "allow_header_conformance");
  private static final Path DIR = Path.of("target", "fuzz").toAbsolutePath();
  private static final ManualClock CLOCK = ManualClock.at("2026-03-04T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTROLLER_CHANGE = Pattern.compile("^/controllers/([^/]+)/[^/]+/?$");

  @Test
  void shouldAnswerGeneratedRequestsWithoutServerErrorsAndPersistNothingForRefusedOnes() throws Exception {
    final Path schemathesis = install();
    try (HttpNode node = HttpNode.start(CLOCK)) {
      final HttpResponse<String> doc = node.send("GET", "/openapi.json", null);
      assertEquals(200, doc.statusCode(), doc.body());
      final Path openApi = Files.writeString(DIR.resolve("openapi.json"), doc.body());
      final Set<String> executorsBefore = executors(node);
      final Set<String> controllersBefore = controllers(node);
      final Path har = DIR.resolve("requests.har");
      final Path log = DIR.resolve("schemathesis.log");
      final int exit = run(log, TimeUnit.MINUTES.toSeconds(6),
          schemathesis.toString(), "--config-file", resource("fuzz/schemathesis.toml").toString(), "--no-color",
          "run", openApi.toString(), "--url", node.baseUri(), "--auth", HttpNode.ADMIN_USER_PASSWORD,
          "--checks", CHECKS, "--workers", "1", "--report", "har", "--report-har-path", har.toString());
      assertEquals(0, exit, () -> "Schemathesis found failures (" + log + "):\n" + tail(log, 80));

      final Requests succeeded = succeeded(har);
      final Set<String> newExecutors = new TreeSet<>(executors(node));
      newExecutors.removeAll(executorsBefore);
      newExecutors.removeAll(succeeded.executors());
      // An agent a 2xx import made may tick and create executors of its own (<agent>:s<n>:t<n>:<n>).
      newExecutors.removeIf(id -> succeeded.agents().stream().anyMatch(a -> id.startsWith(a + ":s")));
      assertTrue(newExecutors.isEmpty(), () -> "executors no 2xx create made: " + newExecutors);
      final Set<String> newControllers = new TreeSet<>(controllers(node));
      newControllers.removeAll(controllersBefore);
      newControllers.removeAll(succeeded.controllers());
      assertTrue(newControllers.isEmpty(), () -> "controllers no 2xx request made: " + newControllers);
    }
  }

  /** The executors and controllers that requests answered with a 2xx created or changed. */
  private record Requests(Set<String> executors, Set<String> controllers, Set<String> agents) {}

  private static Requests succeeded(final Path har) throws IOException {
    final Set<String> executors = new TreeSet<>();
    final Set<String> controllers = new TreeSet<>();
    final Set<String> agents = new TreeSet<>();
    for (JsonNode e : JSON.readTree(har.toFile()).at("/log/entries")) {
      final int status = e.at("/response/status").asInt();
      if (status < 200 || status > 299) {
        continue;
      }
      final String method = e.at("/request/method").asText();
      final String path = URI.create(e.at("/request/url").asText()).getRawPath();
      if ("POST".equals(method) && (path.equals("/executors") || path.equals("/executors/"))) {
        final JsonNode created = JSON.readTree(e.at("/response/content/text").asText());
        executors.add(created.get("executor_id").asText());
        controllers.add(created.get("controller_id").asText());
      }
      if ("POST".equals(method) && (path.equals("/agents") || path.equals("/agents/"))) {
        // An import sets the agent's limits: its controller is one a 2xx request made.
        final String agent = JSON.readTree(e.at("/response/content/text").asText()).get("id").asText();
        agents.add(agent);
        controllers.add(agent);
      }
      final Matcher change = CONTROLLER_CHANGE.matcher(path);
      if ("PUT".equals(method) && change.matches()) {
        controllers.add(URLDecoder.decode(change.group(1), StandardCharsets.UTF_8));
      }
    }
    return new Requests(executors, controllers, agents);
  }

  private static Set<String> executors(final HttpNode node) throws Exception {
    final Set<String> out = new TreeSet<>();
    String cursor = null;
    do {
      final String body = cursor == null ? "{\"limit\": 1000}" : "{\"limit\": 1000, \"cursor\": \"" + cursor + "\"}";
      final JsonNode page = HttpNode.json(node.send("POST", "/executors/search", body));
      page.get("data").forEach(x -> out.add(x.get("executor_id").asText()));
      final JsonNode next = page.at("/pagination/next_cursor");
      cursor = page.at("/pagination/has_more").asBoolean() && next.isTextual() ? next.asText() : null;
    } while (cursor != null);
    return out;
  }

  private static Set<String> controllers(final HttpNode node) throws Exception {
    final Set<String> out = new TreeSet<>();
    HttpNode.json(node.send("GET", "/controllers", null)).get("controllers").forEach(c -> out.add(c.asText()));
    return out;
  }

  /**
   * The {@code schemathesis} command of a virtualenv under {@code target/fuzz}, created and
   * installed from PyPI unless it already holds the pinned release.
   */
  private static Path install() throws Exception {
    Files.createDirectories(DIR);
    final Path venv = DIR.resolve("venv");
    final Path schemathesis = venv.resolve("bin").resolve("schemathesis");
    final Path versionLog = DIR.resolve("schemathesis-version.log");
    if (Files.isExecutable(schemathesis)
        && run(versionLog, 60, schemathesis.toString(), "--version") == 0
        && Files.readString(versionLog).contains(SCHEMATHESIS)) {
      return schemathesis;
    }
    final String python = System.getProperty("osprey.fuzz.python", "python3");
    final Path setup = DIR.resolve("setup.log");
    final String needs = "ApiFuzzIT needs Python 3 with venv and pip to run Schemathesis (Debian: apt-get install "
        + "python3 python3-venv python3-pip; .ci/run installs them; another interpreter: -Dosprey.fuzz.python=...)";
    try {
      if (run(setup, 60, python, "-c", "import venv, ensurepip") != 0) {
        fail(needs + "; " + python + " has no venv/ensurepip:\n" + tail(setup, 20));
      }
    } catch (IOException e) {
      fail(needs + "; cannot run " + python + ": " + e.getMessage());
    }
    if (run(setup, 120, python, "-m", "venv", "--clear", venv.toString()) != 0) {
      fail(needs + "; creating the virtualenv failed:\n" + tail(setup, 20));
    }
    if (run(DIR.resolve("pip.log"), 600, venv.resolve("bin").resolve("pip").toString(), "install",
        "--disable-pip-version-check", "--quiet", "schemathesis==" + SCHEMATHESIS) != 0) {
      fail("pip could not install schemathesis==" + SCHEMATHESIS + " from PyPI:\n" + tail(DIR.resolve("pip.log"), 30));
    }
    return schemathesis;
  }

  /** Runs {@code command} with its output (stdout and stderr) in {@code log}; its exit code. */
  private static int run(final Path log, final long timeoutSeconds, final String... command) throws Exception {
    // In target/fuzz: Schemathesis keeps a cache directory where it runs.
    final Process p = new ProcessBuilder(command)
        .directory(DIR.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + tail(log, 40));
    }
    return p.exitValue();
  }

  private static Path resource(final String name) throws Exception {
    return Path.of(ApiFuzzIT.class.getClassLoader().getResource(name).toURI());
  }

  /** The last lines of a log, for failure messages. */
  private static String tail(final Path file, final int lines) {
    try {
      final List<String> all = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
