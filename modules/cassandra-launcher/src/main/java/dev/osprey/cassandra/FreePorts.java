package dev.osprey.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds TCP ports on 127.0.0.1 that are free right now.
 *
 * <p>The kernel picks them (bind to port 0), so parallel builds do not collide the way fixed
 * ports would. A port may still be taken between this call and its use; callers that start a
 * server on it fail loudly in that case rather than talk to a stranger.
 */
public final class FreePorts {
  private FreePorts() {}

  /** One free port. */
  public static int find() {
    return find(1)[0];
  }

  /**
   * {@code count} distinct free ports: all sockets are held open together until every port has
   * been picked, so the kernel cannot hand out the same port twice.
   */
  public static int[] find(final int count) {
    final List<ServerSocket> sockets = new ArrayList<>();
    try {
      final int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        final ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    } finally {
      for (final ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a probe socket that never served anything cannot lose data
        }
      }
    }
  }

  /** Whether {@code port} can be bound on 127.0.0.1 right now. */
  public static boolean isFree(final int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
