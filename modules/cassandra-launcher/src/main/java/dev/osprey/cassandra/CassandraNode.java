package dev.osprey.cassandra;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A running Cassandra node started by {@link CassandraLauncher}.
 *
 * <p>Stopping is graceful first (SIGTERM lets Cassandra flush memtables and close the commit log,
 * so data survives a restart) and forcible only after {@link #STOP_GRACE}.
 */
public final class CassandraNode implements AutoCloseable {
  /** Cassandra drains in about 6 s; beyond this it is stuck and gets SIGKILL. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final CassandraSettings settings;
  private final PidFile pidFile;
  private final Duration startup;

  CassandraNode(
      final Process process,
      final CassandraSettings settings,
      final PidFile pidFile,
      final Duration startup) {
    this.process = process;
    this.settings = settings;
    this.pidFile = pidFile;
    this.startup = startup;
  }

  /** CQL (native transport) port on 127.0.0.1. */
  public int cqlPort() {
    return settings.cqlPort();
  }

  /** Storage (gossip) port on 127.0.0.1. */
  public int storagePort() {
    return settings.storagePort();
  }

  /** {@code 127.0.0.1:<cqlPort>}, the form the DataStax driver's contact points take. */
  public String contactPoint() {
    return "127.0.0.1:" + settings.cqlPort();
  }

  /** The settings the node was started with. */
  public CassandraSettings settings() {
    return settings;
  }

  /** The node's operating system pid. */
  public long pid() {
    return process.pid();
  }

  /** Time from process start until the CQL port accepted a connection. */
  public Duration startupTime() {
    return startup;
  }

  /** Whether the node's process is alive. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Stops the node: SIGTERM, up to {@link #STOP_GRACE} to exit, then SIGKILL. Idempotent.
   */
  public void stop() {
    if (process.isAlive()) {
      PidFile.terminate(process.toHandle(), STOP_GRACE.toSeconds());
    }
    pidFile.delete();
  }

  /** Blocks until the node's process has exited (stopped by anyone, or crashed). */
  public void awaitExit() throws InterruptedException {
    process.waitFor();
  }

  /** Same as {@link #stop()}, so a node can live in try-with-resources. */
  @Override
  public void close() {
    stop();
  }

  /** The node's log file (its stdout and stderr). */
  public Path logFile() {
    return settings.logFile();
  }

  @Override
  public String toString() {
    return "CassandraNode[pid=" + process.pid() + ", cql=" + contactPoint() + ", dir="
        + settings.dataDir() + "]";
  }
}
