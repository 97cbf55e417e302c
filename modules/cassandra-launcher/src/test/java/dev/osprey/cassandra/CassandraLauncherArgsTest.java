package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraLauncherArgsTest {
  @Test
  void shouldUseDeveloperDefaultsWithoutArguments() {
    final CassandraSettings s = CassandraLauncher.parse(new String[0]);
    assertEquals(Path.of("var/cassandra").toAbsolutePath(), s.dataDir());
    assertEquals(9042, s.cqlPort());
    assertEquals(7000, s.storagePort());
    assertEquals("512m", s.heap());
  }

  @Test
  void shouldReadEveryOption() {
    final CassandraSettings s =
        CassandraLauncher.parse(
            new String[] {
              "--data", "/tmp/c", "--cql-port", "19042", "--storage-port", "17000",
              "--heap", "1g", "--log", "/tmp/c.log", "--timeout", "30"
            });
    assertEquals(Path.of("/tmp/c"), s.dataDir());
    assertEquals(19042, s.cqlPort());
    assertEquals(17000, s.storagePort());
    assertEquals("1g", s.heap());
    assertEquals(Path.of("/tmp/c.log"), s.logFile());
    assertEquals(30, s.startTimeout().toSeconds());
  }

  @Test
  void shouldLetLaterOptionOverrideEarlierOne() {
    final CassandraSettings s =
        CassandraLauncher.parse(new String[] {"--data", "var/cassandra", "--data", "/tmp/other"});
    assertEquals(Path.of("/tmp/other"), s.dataDir());
  }

  @Test
  void shouldRejectUnknownOption() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CassandraLauncher.parse(new String[] {"--port", "9042"}));
  }

  @Test
  void shouldRejectOptionWithoutValue() {
    assertThrows(
        IllegalArgumentException.class, () -> CassandraLauncher.parse(new String[] {"--data"}));
  }
}
