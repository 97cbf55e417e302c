package dev.osprey.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standalone {@code kustomize build} (or {@code kubectl kustomize}, the same renderer,
 * where it is missing; kubectl 1.27 or later embeds kustomize v5) and kubeconform, all offline.
 * Each is found by its system property ({@code osprey.kustomize}, {@code osprey.kubectl}, {@code
 * osprey.kubeconform}), on PATH, or where {@code go install} puts it; a missing one fails the test
 * with the command that installs it (.ci/run installs what is missing).
 */
final class KubeTools {
  /** The vendored strict schemas, one file per kind, as kubeconform names them. */
  static final String SCHEMA_LOCATION = "k8s/schemas/v1.32.0/{{.ResourceKind}}{{.KindSuffix}}.json";

  static final Path REPO =
      Path.of(System.getProperty("osprey.repo.root", "../..")).toAbsolutePath().normalize();

  /** What a command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  private KubeTools() {}

  /** {@code kubectl kustomize <dir>}: the rendered YAML, or an assertion error with the tool's. */
  static String kustomize(final Path dir) {
    final List<String> command = locate("osprey.kustomize", "kustomize")
        .map(kustomize -> List.of(kustomize, "build", dir.toString()))
        .or(() -> locate("osprey.kubectl", "kubectl")
            .map(kubectl -> List.of(kubectl, "kustomize", dir.toString())))
        .orElseThrow(() -> new AssertionError("neither kubectl nor kustomize is installed: "
            + "go install sigs.k8s.io/kustomize/kustomize/v5@v5.5.0 (.ci/run does)"));
    final Result result = run(command, "");
    if (result.exitCode() != 0) {
      throw new AssertionError(command + " failed:\n" + result.output());
    }
    return result.stdout();
  }

  /**
   * kubeconform in strict mode (unknown and duplicate keys fail) on YAML given on stdin, against
   * the vendored schemas only: a kind without a vendored schema fails too (no -ignore-missing).
   */
  static Result validate(final String yaml) {
    return run(List.of(kubeconform(), "-strict", "-summary", "-schema-location", SCHEMA_LOCATION,
        "-"), yaml);
  }

  static String kubeconform() {
    return locate("osprey.kubeconform", "kubeconform").orElseThrow(() -> new AssertionError(
        "kubeconform is not installed: go install "
            + "github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0 (.ci/run does)"));
  }

  private static Optional<String> locate(final String property, final String name) {
    final String configured = System.getProperty(property);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    final List<Path> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    Optional.ofNullable(System.getenv("GOBIN")).ifPresent(dir -> dirs.add(Path.of(dir)));
    Optional.ofNullable(System.getenv("GOPATH")).ifPresent(dir -> dirs.add(Path.of(dir, "bin")));
    dirs.add(Path.of(System.getProperty("user.home"), "go", "bin"));
    return dirs.stream()
        .map(dir -> dir.resolve(name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString);
  }

  private static Result run(final List<String> command, final String stdin) {
    try {
      final Process process = new ProcessBuilder(command).directory(REPO.toFile()).start();
      final CompletableFuture<String> out = CompletableFuture.supplyAsync(
          () -> read(process.getInputStream()));
      final CompletableFuture<String> err = CompletableFuture.supplyAsync(
          () -> read(process.getErrorStream()));
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " took more than 60 s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String read(final InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
