package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real Cassandra nodes (about 7 s each on two cores). */
class CassandraLauncherIT {
  @TempDir Path dir;

  @Test
  void shouldStopNodeLeftOnSameDataDirBeforeStartingNewOne() throws Exception {
    final int[] ports = FreePorts.find(2);
    final CassandraSettings settings =
        CassandraSettings.builder(dir).cqlPort(ports[0]).storagePort(ports[1]).build();
    // The first node is abandoned as a crashed run would leave it: running, pid file in place.
    final CassandraNode stale = new CassandraLauncher(settings).start();
    assertEquals(Long.toString(stale.pid()), Files.readString(settings.pidFile()).trim());

    final CassandraNode fresh = new CassandraLauncher(settings).start();
    try {
      assertFalse(stale.isRunning());
      assertTrue(fresh.isRunning());
      assertTrue(accepts(fresh.cqlPort()));
      assertEquals(Long.toString(fresh.pid()), Files.readString(settings.pidFile()).trim());
    } finally {
      fresh.stop();
    }
    assertFalse(fresh.isRunning());
    assertFalse(accepts(settings.cqlPort()));
    assertFalse(Files.exists(settings.pidFile()));
  }

  @Test
  void shouldStopNodeAndReportLogTailWhenCqlPortDoesNotOpenInTime() {
    final int[] ports = FreePorts.find(2);
    final CassandraSettings settings =
        CassandraSettings.builder(dir)
            .cqlPort(ports[0])
            .storagePort(ports[1])
            .startTimeout(Duration.ofMillis(300))
            .build();
    final IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new CassandraLauncher(settings).start());
    assertTrue(e.getMessage().contains("not open after 300 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("last lines of " + settings.logFile()), e.getMessage());
    assertFalse(Files.exists(settings.pidFile()));
    assertTrue(
        ProcessHandle.allProcesses()
            .noneMatch(
                p ->
                    (p.info().commandLine().orElse("") + " ")
                        .contains(CassandraCommand.storageDirFlag(settings.dataDir()) + " ")),
        "a node on " + settings.dataDir() + " is still running");
  }

  private static boolean accepts(final int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
