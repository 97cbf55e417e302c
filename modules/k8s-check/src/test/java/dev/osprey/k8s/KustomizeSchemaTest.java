package dev.osprey.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay under k8s/overlays renders with plain {@code kubectl kustomize} and every object
 * it renders is valid against the strict Kubernetes 1.32 schemas vendored in k8s/schemas (see
 * vendor.py there): unknown fields, wrong types, missing required fields and kinds without a
 * vendored schema fail. The fixtures under fixtures/ prove that each of those does fail.
 */
class KustomizeSchemaTest {
  private static final Pattern SUMMARY = Pattern.compile(
      "Summary: (\\d+) resources? found .* - Valid: (\\d+), Invalid: (\\d+), Errors: (\\d+), "
          + "Skipped: (\\d+)");

  static Stream<String> overlays() throws IOException {
    try (Stream<Path> dirs = Files.list(KubeTools.REPO.resolve("k8s/overlays"))) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void shouldHaveTheDevAndProdOverlays() throws IOException {
    assertEquals(List.of("dev", "prod"), overlays().toList());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldRenderEveryOverlayIntoStrictlyValidObjects(final String overlay) {
    final String yaml = KubeTools.kustomize(KubeTools.REPO.resolve("k8s/overlays/" + overlay));
    final KubeTools.Result result = KubeTools.validate(yaml);
    assertEquals(0, result.exitCode(), () -> overlay + " is not valid:\n" + result.output());
    final Matcher summary = SUMMARY.matcher(result.output());
    assertTrue(summary.find(), () -> "no kubeconform summary:\n" + result.output());
    final int found = Integer.parseInt(summary.group(1));
    assertTrue(found >= 10, () -> overlay + " rendered only " + found + " objects");
    assertEquals(found, Integer.parseInt(summary.group(2)), result::output);
    assertEquals("0", summary.group(5), () -> "objects were skipped:\n" + result.output());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown-field.yaml       | additional properties 'paht' not allowed
      wrong-type.yaml          | got string, want integer
      missing-required.yaml    | missing property 'selector'
      missing-container-name.yaml | missing property 'name'
      kind-without-schema.yaml | could not find schema for Ingress
      duplicate-key.yaml       | already set in map
      """)
  void shouldFailAnInvalidObject(final String fixture, final String expected) throws IOException {
    final KubeTools.Result result = KubeTools.validate(fixture(fixture));
    assertNotEquals(0, result.exitCode(), () -> fixture + " passed:\n" + result.output());
    assertTrue(result.output().contains(expected),
        () -> fixture + ": expected \"" + expected + "\" in:\n" + result.output());
  }

  @Test
  void shouldPassTheValidTwinOfTheFixtures() throws IOException {
    final KubeTools.Result result = KubeTools.validate(fixture("valid.yaml"));
    assertEquals(0, result.exitCode(), result::output);
  }

  private static String fixture(final String name) throws IOException {
    try (var in = KustomizeSchemaTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("no fixture " + name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
