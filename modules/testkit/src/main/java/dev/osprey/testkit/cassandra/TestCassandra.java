package dev.osprey.testkit.cassandra;

import dev.osprey.cassandra.CassandraLauncher;
import dev.osprey.cassandra.CassandraNode;
import dev.osprey.cassandra.CassandraSettings;
import dev.osprey.cassandra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Cassandra 5 node shared by all integration tests of a test JVM.
 *
 * <p>A node takes several seconds to start and over 600 MiB of memory, so a JVM starts at most
 * one, on the first {@link #get()}, on free ports (parallel builds do not collide) and in a fresh
 * data dir. Tests isolate themselves by keyspace ({@link #pekkoConfig(String)}), not by node. A
 * shutdown hook stops the node and deletes its data when the JVM exits; if the JVM is killed
 * instead, the node notices its parent is gone and exits by itself.
 *
 * <p>The data dir is created under the directory named by the system property {@value
 * #DIR_PROPERTY} (set it to {@code ${project.build.directory}/cassandra} in failsafe's {@code
 * systemPropertyVariables}), else under {@code java.io.tmpdir}. The heap is {@value
 * CassandraSettings#TEST_HEAP} unless {@value #HEAP_PROPERTY} says otherwise.
 */
public final class TestCassandra {
  /** Directory under which the node's data dir is created. */
  public static final String DIR_PROPERTY = "osprey.test.cassandra.dir";
  /** Heap of the test node, for example {@code 512m}. */
  public static final String HEAP_PROPERTY = "osprey.test.cassandra.heap";

  private static TestCassandra instance;
  private static RuntimeException startFailure;

  private final CassandraNode node;

  private TestCassandra(final CassandraNode node) {
    this.node = node;
  }

  /**
   * The node of this JVM, started on first use.
   *
   * @throws IllegalStateException when the node cannot start (again on every later call, without
   *     a second attempt: a start that failed once would fail every test the same slow way)
   */
  public static synchronized TestCassandra get() {
    if (instance != null) {
      return instance;
    }
    if (startFailure != null) {
      throw new IllegalStateException("test Cassandra failed to start earlier", startFailure);
    }
    try {
      instance = new TestCassandra(startNode());
      return instance;
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
  }

  /** The node's CQL port on 127.0.0.1. */
  public int cqlPort() {
    return node.cqlPort();
  }

  /** {@code 127.0.0.1:<cqlPort>}, as the driver's {@code basic.contact-points} take it. */
  public String contactPoint() {
    return node.contactPoint();
  }

  /** The running node, for tests that stop or inspect it. */
  public CassandraNode node() {
    return node;
  }

  /**
   * HOCON that points pekko-persistence-cassandra's journal and snapshot store at this node, in
   * keyspaces named after {@code keyspacePrefix} and not used by any earlier call; the plugins
   * create keyspaces and tables on first use. Layer it over the test's other config, for example
   * {@code ConfigFactory.parseString(cassandra.pekkoConfig("executor")).withFallback(base)}.
   */
  public String pekkoConfig(final String keyspacePrefix) {
    return PekkoCassandraConfig.render(
        contactPoint(), PekkoCassandraConfig.uniqueKeyspace(keyspacePrefix));
  }

  private static CassandraNode startNode() {
    final Path dataDir = createDataDir();
    final int[] ports = FreePorts.find(2);
    final CassandraSettings settings =
        CassandraSettings.builder(dataDir)
            .cqlPort(ports[0])
            .storagePort(ports[1])
            .heap(System.getProperty(HEAP_PROPERTY, CassandraSettings.TEST_HEAP))
            .clusterName("osprey-test")
            .build();
    final CassandraNode node = new CassandraLauncher(settings).start();
    // Once per test JVM; build logs should show where the node is and what its start cost.
    System.out.println(
        "TestCassandra: Cassandra up at " + node.contactPoint() + " in "
            + node.startupTime().toMillis() + " ms (pid " + node.pid() + ", log "
            + settings.logFile() + ")");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.stop();
                  deleteRecursively(dataDir);
                },
                "test-cassandra-stop"));
    return node;
  }

  private static Path createDataDir() {
    final String configured = System.getProperty(DIR_PROPERTY);
    final Path base =
        Path.of(configured != null ? configured : System.getProperty("java.io.tmpdir"));
    try {
      Files.createDirectories(base);
      return Files.createTempDirectory(base, "osprey-cassandra-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Cassandra data dir under " + base, e);
    }
  }

  private static void deleteRecursively(final Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit; a leftover directory under target/ or tmp is harmless.
    }
  }
}
