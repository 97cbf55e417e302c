package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CassandraConfigTest {
  private final CassandraSettings settings =
      CassandraSettings.builder(Path.of("/data/it's here"))
          .cqlPort(19042)
          .storagePort(17000)
          .build();
  private final List<String> lines = CassandraConfig.yaml(settings).lines().toList();

  @Test
  void shouldPutBothConfiguredPortsAndSeedOnLoopback() {
    assertHasLines(
        "storage_port: 17000",
        "native_transport_port: 19042",
        "      - seeds: \"127.0.0.1:17000\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1");
  }

  @Test
  void shouldKeepEveryDirectoryUnderDataDirQuotedForYaml() {
    assertHasLines(
        "  - '/data/it''s here/data'",
        "commitlog_directory: '/data/it''s here/commitlog'",
        "hints_directory: '/data/it''s here/hints'",
        "saved_caches_directory: '/data/it''s here/saved_caches'",
        "cdc_raw_directory: '/data/it''s here/cdc_raw'");
  }

  @Test
  void shouldRunAsSingleTokenNodeWithoutSnapshotsOrHints() {
    assertHasLines(
        "num_tokens: 1",
        "initial_token: 0",
        "auto_snapshot: false",
        "hinted_handoff_enabled: false",
        "endpoint_snitch: SimpleSnitch");
  }

  /** Asserts that each of {@code expected} is a whole line of the YAML; names the ones missing. */
  private void assertHasLines(final String... expected) {
    assertEquals(List.of(), Stream.of(expected).filter(l -> !lines.contains(l)).toList(), "missing lines");
  }

  @Test
  void shouldNotRepeatAnyKey() {
    final List<String> keys =
        lines.stream()
            .filter(l -> l.matches("[a-z_]+:.*"))
            .map(l -> l.substring(0, l.indexOf(':')))
            .toList();
    assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
  }
}
