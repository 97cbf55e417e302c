package dev.osprey.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a Cassandra JVM.
 *
 * <p>The class path comes from {@code cassandra.classpath}, written into this module at build
 * time by {@code maven-dependency-plugin:build-classpath} from the {@code provided} dependency
 * {@code cassandra-all}: the jars stay in the local Maven repository and never reach the class
 * path of an Osprey JVM (Cassandra's Guava, Netty and logback would clash with ours).
 *
 * <p>The JVM flags are those of Cassandra's {@code conf/jvm17-server.options} that a node needs
 * on Java 17 (module exports and opens, the jamm agent for object sizing, Netty's reflective
 * buffers) plus system properties that replace {@code bin/cassandra}'s environment.
 */
final class CassandraCommand {
  /** Override for the Cassandra class path (entries separated by the path separator). */
  static final String CLASSPATH_PROPERTY = "osprey.cassandra.classpath";

  private static final String RESOURCE = "cassandra.classpath";
  private static final String DAEMON = "org.apache.cassandra.service.CassandraDaemon";

  /** From jvm17-server.options: JPMS access Cassandra 5 needs on Java 17. */
  private static final List<String> MODULE_FLAGS =
      List.of(
          "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
          "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens", "java.base/java.io=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang=ALL-UNNAMED",
          "--add-opens", "java.base/java.util=ALL-UNNAMED");

  private CassandraCommand() {}

  /** The full command (java executable first) for a node with {@code settings}. */
  static List<String> build(final CassandraSettings settings) {
    final List<Path> classPath = new ArrayList<>(cassandraClassPath());
    final Path jamm = findJamm(classPath);
    final List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // First, so that it is inside the 4 KiB of command line ProcessHandle.Info reports on Linux:
    // PidFile recognises our node by it.
    cmd.add(storageDirFlag(settings.dataDir()));
    cmd.add("-Xms" + settings.heap());
    cmd.add("-Xmx" + settings.heap());
    // Cassandra's own thread stack size; its threads are many and shallow.
    cmd.add("-Xss256k");
    cmd.add("-XX:+UseG1GC");
    // A node that ran out of heap is useless to a test: die so the failure shows, do not hang.
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    // No hsperfdata file per node in /tmp.
    cmd.add("-XX:+PerfDisableSharedMem");
    cmd.addAll(MODULE_FLAGS);
    cmd.add("-javaagent:" + jamm);
    cmd.add("-Djdk.attach.allowAttachSelf=true");
    cmd.add("-Dio.netty.tryReflectionSetAccessible=true");
    cmd.add("-Dio.netty.allocator.useCacheForAllThreads=true");
    cmd.add("-Dio.netty.allocator.maxOrder=11");
    cmd.add("-Djava.net.preferIPv4Stack=true");
    cmd.add("-Dcassandra.config=" + CassandraConfig.yamlFile(settings).toUri());
    cmd.add("-Dcassandra.logdir=" + settings.dataDir().resolve("logs"));
    cmd.add("-Dcassandra.triggers_dir=" + CassandraConfig.triggersDir(settings));
    cmd.add("-Dcassandra-foreground=yes");
    cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    cmd.add("-Dlogback.configurationFile=" + CassandraConfig.logbackFile(settings));
    if (settings.exitWithParent()) {
      cmd.add("-D" + ExitWithParent.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
      classPath.add(launcherLocation());
      cmd.add("-cp");
      cmd.add(join(classPath));
      cmd.add(ExitWithParent.class.getName());
    } else {
      cmd.add("-cp");
      cmd.add(join(classPath));
    }
    cmd.add(DAEMON);
    return cmd;
  }

  /** The flag that names a node's data dir; the same text identifies the node's process. */
  static String storageDirFlag(final Path dataDir) {
    return "-Dcassandra.storagedir=" + dataDir;
  }

  /** Jars of cassandra-all 5.0.9 and its runtime dependencies, each checked to exist. */
  static List<Path> cassandraClassPath() {
    final String raw =
        System.getProperty(CLASSPATH_PROPERTY) != null
            ? System.getProperty(CLASSPATH_PROPERTY)
            : readResource();
    final List<Path> entries =
        Arrays.stream(raw.trim().split(File.pathSeparator))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .collect(Collectors.toList());
    final List<Path> missing =
        entries.stream().filter(p -> !Files.exists(p)).collect(Collectors.toList());
    if (entries.isEmpty() || !missing.isEmpty()) {
      throw new IllegalStateException(
          "Cassandra class path incomplete ("
              + missing.size()
              + " of "
              + entries.size()
              + " jars missing, first: "
              + (missing.isEmpty() ? "none" : missing.get(0))
              + "); rebuild osprey-cassandra-launcher so Maven downloads cassandra-all");
    }
    return entries;
  }

  private static String readResource() {
    try (InputStream in = CassandraCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource dev/osprey/cassandra/" + RESOURCE + " missing: build it with Maven");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path findJamm(final List<Path> classPath) {
    return classPath.stream()
        .filter(p -> p.getFileName().toString().startsWith("jamm-"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no jamm jar on the Cassandra class path"));
  }

  /** The jar (or classes directory) holding this launcher, for {@link ExitWithParent}. */
  private static Path launcherLocation() {
    try {
      return Path.of(
          CassandraCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the launcher jar", e);
    }
  }

  private static String join(final List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
