package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CassandraSettingsTest {
  private static final Path DIR = Path.of("/tmp/osprey-settings-test");

  @Test
  void shouldDefaultToTestNodeOnStandardPortsWithLogInDataDir() {
    final CassandraSettings s = CassandraSettings.builder(DIR).build();
    assertEquals(9042, s.cqlPort());
    assertEquals(7000, s.storagePort());
    assertEquals("256m", s.heap());
    assertEquals(DIR.resolve("cassandra.log"), s.logFile());
    assertEquals(Duration.ofSeconds(120), s.startTimeout());
    assertEquals(DIR.resolve("cassandra.pid"), s.pidFile());
    assertTrue(s.exitWithParent());
  }

  @Test
  void shouldMakeRelativeDataDirAbsolute() {
    final CassandraSettings s = CassandraSettings.builder(Path.of("var/cassandra")).build();
    assertTrue(s.dataDir().isAbsolute());
    assertTrue(s.logFile().startsWith(s.dataDir()));
  }

  @Test
  void shouldRejectSameCqlAndStoragePort() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CassandraSettings.builder(DIR).cqlPort(9000).storagePort(9000).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "256 m", "-1m", "1.5g", "256mb"})
  void shouldRejectHeapThatIsNotAJvmSize(final String heap) {
    assertThrows(
        IllegalArgumentException.class, () -> CassandraSettings.builder(DIR).heap(heap).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void shouldRejectPortOutOfRange(final int port) {
    assertThrows(
        IllegalArgumentException.class, () -> CassandraSettings.builder(DIR).cqlPort(port).build());
  }
}
