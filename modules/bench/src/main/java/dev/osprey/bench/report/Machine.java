package dev.osprey.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a figure was measured on, read from the JVM and /proc: a ratio to a same-run
 * baseline holds across machines, an absolute figure only on this one.
 *
 * @param cores processors the JVM sees
 * @param memoryGib physical memory (MemTotal), 0 when /proc is absent
 * @param jdk the running JDK (vendor, version)
 * @param maxHeapMib the JVM's -Xmx
 * @param loadAverage the one-minute load average when the run started (other builds show here)
 */
public record Machine(int cores, double memoryGib, String jdk, long maxHeapMib, String loadAverage) {
  public static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(), memTotalGib(),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), firstField(Path.of("/proc/loadavg")));
  }

  /** One line for the docs. */
  public String describe() {
    return String.format("%d cores, %.1f GiB, JDK %s, -Xmx %d MiB, load average %s at start",
        cores, memoryGib, jdk, maxHeapMib, loadAverage);
  }

  private static double memTotalGib() {
    try {
      final List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
      for (String line : lines) {
        if (line.startsWith("MemTotal:")) {
          final long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return kib / (1024.0 * 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: the figure is still useful without it.
    }
    return 0;
  }

  private static String firstField(final Path file) {
    try {
      return Files.readString(file).trim().split("\\s+")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
