package dev.osprey.bench.harness;

import dev.osprey.bench.ReplayThroughput;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;

/** Replay throughput ({@link ReplayThroughput}, steady case: every executor evaluates every row). */
public final class Replay extends Harness {
  private static final double GOAL = 20_000_000;

  public Replay() {
    super(new About("replay", "Replay, 1,000 executors on one pair", """
        `ReplayThroughput` (see "Replay throughput" above) in its steady case: 1,000 position
        executors on one pair with barriers ±50 % away, every executor evaluating every row of a
        seeded random walk, on the thread that runs it (one core), after a smaller warm-up run."""));
  }

  @Override
  public ResultTable run(final boolean smoke) {
    final int executors = smoke ? 200 : 1_000;
    final int rows = smoke ? 2_000 : 20_000;
    final ReplayThroughput.Figures f = ReplayThroughput.measure(executors, rows, 1, true);
    return new ResultTable("Executors", "Rows", "Seconds", "Rows / s", "Executor evaluations / s", "Goal", "Met")
        .row(Figures.count(executors), Figures.count(rows), Figures.decimals(f.seconds(), 2),
            Figures.count(f.rowsPerSecond()), Figures.count(f.evaluationsPerSecond()), "≥ 20,000,000 / s",
            Figures.met(f.evaluationsPerSecond() >= GOAL));
  }
}
