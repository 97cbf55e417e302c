package dev.osprey.bench.node;

import java.nio.file.Path;

/** Where a run keeps its files: {@code -Dosprey.bench.work} (bin/osprey: modules/bench/target). */
public final class BenchPaths {
  private BenchPaths() {}

  public static Path work() {
    return Path.of(System.getProperty("osprey.bench.work", "target")).toAbsolutePath();
  }
}
