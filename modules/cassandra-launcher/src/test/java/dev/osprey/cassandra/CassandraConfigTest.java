package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
    assertTrue(lines.contains("storage_port: 17000"));
    assertTrue(lines.contains("native_transport_port: 19042"));
    assertTrue(lines.contains("      - seeds: \"127.0.0.1:17000\""));
    assertTrue(lines.contains("listen_address: 127.0.0.1"));
    assertTrue(lines.contains("rpc_address: 127.0.0.1"));
  }

  @Test
  void shouldKeepEveryDirectoryUnderDataDirQuotedForYaml() {
    assertTrue(lines.contains("  - '/data/it''s here/data'"));
    assertTrue(lines.contains("commitlog_directory: '/data/it''s here/commitlog'"));
    assertTrue(lines.contains("hints_directory: '/data/it''s here/hints'"));
    assertTrue(lines.contains("saved_caches_directory: '/data/it''s here/saved_caches'"));
    assertTrue(lines.contains("cdc_raw_directory: '/data/it''s here/cdc_raw'"));
  }

  @Test
  void shouldRunAsSingleTokenNodeWithoutSnapshotsOrHints() {
    assertTrue(lines.contains("num_tokens: 1"));
    assertTrue(lines.contains("initial_token: 0"));
    assertTrue(lines.contains("auto_snapshot: false"));
    assertTrue(lines.contains("hinted_handoff_enabled: false"));
    assertTrue(lines.contains("endpoint_snitch: SimpleSnitch"));
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
