package dev.osprey.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void shouldReturnDistinctPortsThatCanBeBound() {
    final int[] ports = FreePorts.find(3);
    assertEquals(3, Arrays.stream(ports).distinct().count());
    for (final int port : ports) {
      assertTrue(FreePorts.isFree(port), "port " + port);
    }
  }

  @Test
  void shouldReportListeningPortAsTaken() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertFalse(FreePorts.isFree(socket.getLocalPort()));
    }
  }
}
