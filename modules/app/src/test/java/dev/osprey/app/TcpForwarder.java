package dev.osprey.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections accepted on one address to another, byte for byte, both ways: lets
 * node processes in network namespaces reach the test Cassandra, which listens on 127.0.0.1 only.
 */
final class TcpForwarder implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  TcpForwarder(final InetSocketAddress listen, final InetSocketAddress target) {
    this.target = target;
    try {
      server = new ServerSocket();
      server.bind(listen);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + listen, e);
    }
    daemon("forward-accept", this::acceptLoop);
  }

  /** {@code host:port} as the Cassandra driver's contact points take it. */
  String address() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        final Socket in = server.accept();
        final Socket out = new Socket(target.getAddress(), target.getPort());
        in.setTcpNoDelay(true);
        out.setTcpNoDelay(true);
        open.add(in);
        open.add(out);
        daemon("forward-in", () -> pump(in, out));
        daemon("forward-out", () -> pump(out, in));
      } catch (IOException e) {
        // closed, or the target refused this one connection: the client sees its socket close
      }
    }
  }

  private static void pump(final Socket from, final Socket to) {
    final byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: closing both (below) tells the other
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(final String name, final Runnable body) {
    final Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(final Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(TcpForwarder::closeQuietly);
  }
}
