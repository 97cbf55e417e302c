package dev.osprey.bench.node;

import dev.osprey.cassandra.CassandraLauncher;
import dev.osprey.cassandra.CassandraNode;
import dev.osprey.cassandra.CassandraSettings;
import dev.osprey.cassandra.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local Cassandra 5 node the harnesses of one run share (the project's launcher, a fresh data
 * directory under {@code target/cassandra/}, where CI's cleanup looks for leftover nodes). Started
 * by the first harness that needs it, stopped and deleted when the run ends. Each harness writes to
 * a keyspace of its own, so that one harness's executors are not remembered by another's node.
 */
public final class BenchCassandra {
  private static CassandraNode node;
  private static Path data;

  private BenchCassandra() {}

  public static synchronized CassandraNode get() throws IOException {
    if (node == null) {
      final Path parent = Files.createDirectories(BenchPaths.work().resolve("cassandra"));
      data = Files.createTempDirectory(parent, "osprey-cassandra-bench-");
      final int[] ports = FreePorts.find(2);
      System.out.println("bench: starting Cassandra 5 (" + data + ")");
      node = new CassandraLauncher(CassandraSettings.builder(data.toAbsolutePath())
          .cqlPort(ports[0]).storagePort(ports[1]).heap(CassandraSettings.DEV_HEAP).build()).start();
    }
    return node;
  }

  public static synchronized void stop() {
    if (node == null) {
      return;
    }
    node.stop();
    node = null;
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: could not delete " + data + ": " + e);
    }
  }
}
