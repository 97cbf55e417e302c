package dev.osprey.bench.harness;

import dev.osprey.bench.report.ResultTable;

/** One row of the performance goals: what it is called and described as, and a run. */
public abstract class Harness {
  /**
   * @param name what {@code bin/osprey bench} calls it
   * @param title its section title in src-docs/benchmarks.md
   * @param intro what it measures and against what, written once above its runs
   */
  public record About(String name, String title, String intro) {}

  private final About about;

  protected Harness(final About about) {
    this.about = about;
  }

  public final About about() {
    return about;
  }

  /** Runs it: tiny (seconds, for CI) when {@code smoke}, else at a meaningful size. */
  public abstract ResultTable run(boolean smoke) throws Exception;
}
