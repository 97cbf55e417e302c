package dev.osprey.cassandra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run one local Cassandra node.
 *
 * <p>Everything the node writes (data, commit log, generated config, pid file, log) lives under
 * {@link #dataDir}, so one directory is one node: a second start on the same directory first
 * stops a node left over from a crashed run, and deleting the directory removes every trace.
 *
 * @param dataDir root of all node state
 * @param cqlPort native transport (CQL) port on 127.0.0.1
 * @param storagePort inter-node (gossip) port on 127.0.0.1; must differ between nodes
 * @param heap value for {@code -Xmx}/{@code -Xms}, for example {@code 256m}
 * @param logFile where the node's stdout and stderr go
 * @param startTimeout how long {@link CassandraLauncher#start()} waits for the CQL port
 * @param clusterName the node's {@code cluster_name}
 * @param exitWithParent whether the node exits by itself when the JVM that started it dies, so
 *     that a killed test JVM never leaves a node behind
 */
public record CassandraSettings(
    Path dataDir,
    int cqlPort,
    int storagePort,
    String heap,
    Path logFile,
    Duration startTimeout,
    String clusterName,
    boolean exitWithParent) {

  /** Default CQL port of a developer's node. */
  public static final int DEFAULT_CQL_PORT = 9042;
  /** Default storage port of a developer's node. */
  public static final int DEFAULT_STORAGE_PORT = 7000;
  /** Enough for the test suites and the smallest RSS (about 650 MiB at this setting). */
  public static final String TEST_HEAP = "256m";
  /** For a developer's node that lives longer and holds more data. */
  public static final String DEV_HEAP = "512m";
  /** A cold start takes 5-10 s on two cores; a loaded CI machine needs the margin. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

  public CassandraSettings {
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath().normalize();
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(clusterName, "clusterName");
    checkPort("cqlPort", cqlPort);
    checkPort("storagePort", storagePort);
    if (cqlPort == storagePort) {
      throw new IllegalArgumentException("cqlPort and storagePort must differ: " + cqlPort);
    }
    if (!heap.matches("[0-9]+[kKmMgG]?")) {
      throw new IllegalArgumentException("heap must look like 256m: " + heap);
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
    }
  }

  /** Settings for a node in {@code dataDir} with the defaults of a test node. */
  public static Builder builder(final Path dataDir) {
    return new Builder(dataDir);
  }

  /** Directory holding the generated {@code cassandra.yaml} and {@code logback.xml}. */
  public Path confDir() {
    return dataDir.resolve("conf");
  }

  /** File holding the pid of the running node. */
  public Path pidFile() {
    return dataDir.resolve("cassandra.pid");
  }

  private static void checkPort(final String name, final int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }

  /** Fluent construction with documented defaults; {@link #build()} validates. */
  public static final class Builder {
    private final Path dataDir;
    private int cqlPort = DEFAULT_CQL_PORT;
    private int storagePort = DEFAULT_STORAGE_PORT;
    private String heap = TEST_HEAP;
    private Path logFile;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private String clusterName = "osprey";
    private boolean exitWithParent = true;

    private Builder(final Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** CQL port; default {@value #DEFAULT_CQL_PORT}. */
    public Builder cqlPort(final int port) {
      this.cqlPort = port;
      return this;
    }

    /** Storage (gossip) port; default {@value #DEFAULT_STORAGE_PORT}. */
    public Builder storagePort(final int port) {
      this.storagePort = port;
      return this;
    }

    /** Heap size such as {@code 512m}; default {@value #TEST_HEAP}. */
    public Builder heap(final String size) {
      this.heap = size;
      return this;
    }

    /** Node output file; default {@code <dataDir>/cassandra.log}. */
    public Builder logFile(final Path file) {
      this.logFile = file;
      return this;
    }

    /** Time allowed for the CQL port to open; default 120 s. */
    public Builder startTimeout(final Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /** Cassandra {@code cluster_name}; default {@code osprey}. */
    public Builder clusterName(final String name) {
      this.clusterName = name;
      return this;
    }

    /** Whether the node exits when the starting JVM dies; default true. */
    public Builder exitWithParent(final boolean exit) {
      this.exitWithParent = exit;
      return this;
    }

    public CassandraSettings build() {
      final Path log = logFile != null ? logFile : dataDir.resolve("cassandra.log");
      return new CassandraSettings(
          dataDir, cqlPort, storagePort, heap, log, startTimeout, clusterName, exitWithParent);
    }
  }
}
