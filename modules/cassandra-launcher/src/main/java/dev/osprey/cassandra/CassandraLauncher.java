package dev.osprey.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a real Cassandra 5 node as a separate JVM for development, tests and CI.
 *
 * <p>Docker is not available on our machines and Cassandra's own launcher scripts need an
 * unpacked distribution; the node is instead started from the {@code cassandra-all} jars in the
 * local Maven repository with a generated config (see {@link CassandraCommand} and {@link
 * CassandraConfig}). The node is never in the caller's JVM: its libraries would clash with ours,
 * and a separate process can be stopped, restarted and killed like the real thing.
 *
 * <p>Usage: {@code CassandraNode node = new CassandraLauncher(settings).start();} ... {@code
 * node.stop();}. As a program it runs a node in the foreground until SIGTERM or Ctrl-C:
 *
 * <pre>
 * java -cp osprey-cassandra-launcher.jar dev.osprey.cassandra.CassandraLauncher \
 *     --data var/cassandra --cql-port 9042 --storage-port 7000 [--heap 512m]
 * </pre>
 */
public final class CassandraLauncher {
  private static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int CONNECT_TIMEOUT_MS = 500;

  private final CassandraSettings settings;

  public CassandraLauncher(final CassandraSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts the node and waits until its CQL port accepts TCP connections.
   *
   * <p>A node left on the same data dir by a crashed run is stopped first.
   *
   * @return the running node
   * @throws IllegalStateException when a port is taken, the node exits, or it is not up within
   *     the start timeout; the message ends with the tail of the node's log
   */
  public CassandraNode start() {
    try {
      return doStart();
    } catch (IOException e) {
      throw new UncheckedIOException("starting Cassandra in " + settings.dataDir(), e);
    }
  }

  private CassandraNode doStart() throws IOException {
    Files.createDirectories(settings.dataDir());
    final PidFile pidFile = new PidFile(settings.pidFile(), settings.dataDir());
    pidFile.stopStale(CassandraNode.STOP_GRACE.toSeconds());
    checkPortsFree();
    CassandraConfig.write(settings);
    Files.createDirectories(settings.logFile().getParent());
    final List<String> command = inOwnSession(CassandraCommand.build(settings));
    final long startNanos = System.nanoTime();
    final Process process =
        new ProcessBuilder(command)
            .directory(settings.dataDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(settings.logFile().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    try {
      pidFile.write(process.pid());
      awaitCqlPort(process);
    } catch (RuntimeException | IOException e) {
      // A node that did not come up must not linger holding ports and memory.
      new CassandraNode(process, settings, pidFile, Duration.ZERO).stop();
      throw e;
    }
    final Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
    return new CassandraNode(process, settings, pidFile, startup);
  }

  /**
   * Runs the node in a session of its own when {@code setsid} exists: Ctrl-C in a terminal signals
   * the whole foreground process group, and the node must not stop before the Osprey JVM that
   * writes to it has finished its own shutdown (the parent stops the node last). {@code setsid}
   * execs in place, so the pid stays the node's.
   */
  static List<String> inOwnSession(final List<String> command) {
    final java.nio.file.Path setsid = java.nio.file.Path.of("/usr/bin/setsid");
    if (!Files.isExecutable(setsid)) {
      return command;
    }
    final List<String> out = new java.util.ArrayList<>(command.size() + 1);
    out.add(setsid.toString());
    out.addAll(command);
    return out;
  }

  private void checkPortsFree() {
    for (final int port : new int[] {settings.cqlPort(), settings.storagePort()}) {
      if (!FreePorts.isFree(port)) {
        throw new IllegalStateException(
            "port 127.0.0.1:" + port + " is already in use; is another Cassandra running?");
      }
    }
  }

  private void awaitCqlPort(final Process process) {
    final long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw failure("Cassandra exited with code " + process.exitValue() + " during start");
      }
      if (accepts(settings.cqlPort())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw failure(
            "Cassandra CQL port "
                + settings.cqlPort()
                + " not open after "
                + settings.startTimeout().toMillis()
                + " ms");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for Cassandra");
      }
    }
  }

  private IllegalStateException failure(final String what) {
    final String tail = LogTail.of(settings.logFile(), LOG_TAIL_LINES);
    return new IllegalStateException(what + " (data dir " + settings.dataDir() + ")\n" + tail);
  }

  private static boolean accepts(final int port) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * Runs a node in the foreground until the JVM is told to stop, then stops the node cleanly.
   *
   * @param args {@code --data DIR} (default {@code var/cassandra}), {@code --cql-port N}, {@code
   *     --storage-port N}, {@code --heap SIZE} (default 512m), {@code --log FILE}
   */
  public static void main(final String[] args) throws InterruptedException {
    final CassandraSettings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: CassandraLauncher [--data DIR] [--cql-port N] [--storage-port N]"
              + " [--heap SIZE] [--log FILE] [--timeout SECONDS]");
      System.exit(2);
      return;
    }
    System.out.println(
        "Starting Cassandra in " + settings.dataDir() + "; log " + settings.logFile());
    final CassandraNode node = new CassandraLauncher(settings).start();
    System.out.println(
        "Cassandra up at " + node.contactPoint() + " (pid " + node.pid() + ", started in "
            + node.startupTime().toMillis() + " ms); Ctrl-C to stop");
    final AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  if (node.isRunning()) {
                    System.out.println("Stopping Cassandra (pid " + node.pid() + ")");
                  }
                  node.stop();
                },
                "cassandra-stop"));
    node.awaitExit();
    // Exiting while shutdown hooks run would block forever: only report a node that died alone.
    if (!stopping.get()) {
      System.err.println("Cassandra exited on its own; see " + node.logFile());
      System.exit(1);
    }
  }

  static CassandraSettings parse(final String[] args) {
    final CassandraSettings.Builder builder =
        CassandraSettings.builder(Path.of(value(args, "--data", "var/cassandra")))
            .heap(value(args, "--heap", CassandraSettings.DEV_HEAP))
            .cqlPort(Integer.parseInt(value(args, "--cql-port", "9042")))
            .storagePort(Integer.parseInt(value(args, "--storage-port", "7000")))
            .startTimeout(Duration.ofSeconds(Long.parseLong(value(args, "--timeout", "120"))))
            // An operator's node outlives nothing: this JVM is its only parent and stops it.
            .exitWithParent(true);
    final String log = value(args, "--log", null);
    if (log != null) {
      builder.logFile(Path.of(log));
    }
    for (int i = 0; i < args.length; i += 2) {
      if (!List.of("--data", "--heap", "--cql-port", "--storage-port", "--timeout", "--log")
              .contains(args[i])
          || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad argument: " + args[i]);
      }
    }
    return builder.build();
  }

  /** The value of the last {@code name} option, so that later arguments override earlier ones. */
  private static String value(final String[] args, final String name, final String fallback) {
    for (int i = args.length - 2; i >= 0; i--) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
