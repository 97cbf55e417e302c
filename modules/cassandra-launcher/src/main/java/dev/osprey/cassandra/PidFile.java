package dev.osprey.cassandra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pid of the node running on a data dir, kept in a file inside it.
 *
 * <p>Two nodes on one data dir corrupt each other's commit log, and a node left from a crashed run
 * holds the ports a new start needs. A pid is only trusted when the live process behind it is a
 * JVM started by this launcher for the same data dir: pids get reused, and killing an unrelated
 * process would be worse than failing to start.
 */
final class PidFile {
  private final Path file;
  private final Path dataDir;

  PidFile(final Path file, final Path dataDir) {
    this.file = file;
    this.dataDir = dataDir;
  }

  void write(final long pid) throws IOException {
    Files.writeString(file, Long.toString(pid) + "\n", StandardCharsets.UTF_8);
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale pid file is checked against the live process before use, so it is harmless
    }
  }

  /** The node recorded in the file, when it is still alive and really is our node. */
  Optional<ProcessHandle> liveNode() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    final long pid;
    try {
      pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurNode);
  }

  /**
   * Stops a node left from an earlier run on this data dir, if any.
   *
   * @return the pid stopped, if there was one
   */
  Optional<Long> stopStale(final long graceSeconds) throws IOException {
    final Optional<ProcessHandle> stale = liveNode();
    if (stale.isEmpty()) {
      delete();
      return Optional.empty();
    }
    terminate(stale.get(), graceSeconds);
    delete();
    return Optional.of(stale.get().pid());
  }

  /** SIGTERM, wait up to {@code graceSeconds}, then SIGKILL and wait for the exit. */
  static void terminate(final ProcessHandle process, final long graceSeconds) {
    process.destroy();
    try {
      process.onExit().get(graceSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for pid " + process.pid(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether {@code process} is a JVM started by {@link CassandraCommand} for this data dir. Only
   * the start of the command line is visible on Linux (4 KiB), so the data dir flag comes first.
   */
  private boolean isOurNode(final ProcessHandle process) {
    final String cmd = process.info().commandLine().orElse("") + " ";
    return cmd.contains(" " + CassandraCommand.storageDirFlag(dataDir) + " ");
  }
}
