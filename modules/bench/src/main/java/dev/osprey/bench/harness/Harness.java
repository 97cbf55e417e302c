package dev.osprey.bench.harness;

import dev.osprey.bench.report.ResultTable;

/** One row of the performance goals: a name for {@code bin/osprey bench <name>} and a run. */
public interface Harness {
  String name();

  /** The section title in src-docs/benchmarks.md. */
  String title();

  /** What it measures and against what, written once above its runs. */
  String intro();

  /** Runs it: tiny (seconds, for CI) when {@code smoke}, else at a meaningful size. */
  ResultTable run(boolean smoke) throws Exception;
}
