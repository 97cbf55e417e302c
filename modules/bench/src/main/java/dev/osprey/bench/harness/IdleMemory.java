package dev.osprey.bench.harness;

import dev.osprey.bench.node.BenchCassandra;
import dev.osprey.bench.node.BenchConfig;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.EngineNode;
import dev.osprey.bench.node.Heap;
import dev.osprey.bench.node.Quotes;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.engine.executor.ExecutorStarts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Heap per idle running executor. */
public final class IdleMemory extends Harness {
  private static final double GOAL_BYTES = 4096;

  public IdleMemory() {
    super(new About("memory", "Memory per idle running executor", """
        Osprey's engine in this JVM on the local Cassandra node (so that the journal is not in the
        heap measured), one in-process paper venue. The heap after full GCs is read with the node
        up and its 100 pairs quoted, then again once N position executors (bought at market,
        holding, spread over 32 controllers and 100 pairs) are running and quiet. The difference
        divided by N is the cost of one idle running executor: its entity, its state, its timers
        and subscriptions, the shard's and the supervisors' bookkeeping, and the paper venue's
        record of its filled entry order (a node's venue keeps that too)."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = smoke ? 200 : Integer.getInteger("osprey.bench.executors", 10_000);
    final String keyspace = "bench_memory_" + System.currentTimeMillis();
    try (EngineNode node = EngineNode.start(BenchConfig.cassandra(BenchCassandra.get().contactPoint(), keyspace))) {
      final Quotes quotes = new Quotes(new BigDecimal("100"), new BigDecimal("0.01"), 1);
      for (int p = 0; p < 100; p++) {
        quotes.set(node.venue().paper(), BenchExecutors.pair(p), 0);
      }
      // One executor first, so that per-node structures (its controller's supervisor, the shard
      // region, the projection) exist before the baseline heap is read.
      BenchExecutors.createAll(node.engine().executors(),
          List.of(BenchExecutors.holding("warm", 0, BenchExecutors.pair(0))), 1, Duration.ofMinutes(2));
      Thread.sleep(2_000);
      final long before = Heap.afterFullGc();
      final List<PositionExecutorConfig> configs = BenchExecutors.many(executors, "idle",
          (id, i) -> BenchExecutors.holding(id, i, BenchExecutors.pair(i % 100)));
      final long start = System.nanoTime();
      BenchExecutors.createAll(node.engine().executors(), configs, 128, Duration.ofMinutes(30));
      final double createSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(smoke ? 2_000 : 10_000);   // fills, close notices and the projection settle
      final long after = Heap.afterFullGc();
      final double perExecutor = (double) (after - before) / executors;
      return new ResultTable("Executors", "Heap before", "Heap after", "Bytes per executor",
          "100,000 executors would take", "Goal", "Met")
          .row(Figures.count(executors), mib(before), mib(after), Figures.count(perExecutor),
              mib((long) (perExecutor * 100_000)), "≤ 4,096 B (100,000 in ≤ 400 MB)",
              Figures.met(perExecutor <= GOAL_BYTES))
          .note("Created in " + Figures.decimals(createSeconds, 1) + " s through the engine's gateway (128 at a time); "
              + ExecutorStarts.get(node.system()).count() + " executor entities started on the node.");
    }
  }

  private static String mib(final long bytes) {
    return Figures.decimals(bytes / (1024.0 * 1024.0), 1) + " MiB";
  }
}
