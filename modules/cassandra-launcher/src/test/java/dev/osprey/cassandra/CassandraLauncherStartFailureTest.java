package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start failures that are detected before or right after the JVM starts: no Cassandra runs. */
class CassandraLauncherStartFailureTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseToStartWhenCqlPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      final CassandraSettings settings =
          CassandraSettings.builder(dir)
              .cqlPort(taken.getLocalPort())
              .storagePort(FreePorts.find())
              .build();
      final IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> new CassandraLauncher(settings).start());
      assertTrue(e.getMessage().contains("already in use"), e.getMessage());
      assertFalse(Files.exists(settings.pidFile()));
    }
  }

  @Test
  void shouldReportExitAndLogTailWhenJvmCannotStart() {
    final int[] ports = FreePorts.find(2);
    // A 1 KiB heap makes the JVM itself refuse to start: a real, fast start failure.
    final CassandraSettings settings =
        CassandraSettings.builder(dir).cqlPort(ports[0]).storagePort(ports[1]).heap("1k").build();
    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new CassandraLauncher(settings).start());
    assertTrue(e.getMessage().contains("exited with code"), e.getMessage());
    assertTrue(e.getMessage().contains("heap"), e.getMessage());
    assertFalse(Files.exists(settings.pidFile()));
  }
}
