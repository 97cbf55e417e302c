package dev.osprey.bench.harness;

import com.typesafe.config.Config;
import dev.osprey.bench.node.BenchCassandra;
import dev.osprey.bench.node.BenchConfig;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.EngineNode;
import dev.osprey.bench.node.Quotes;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.engine.executor.ExecutorStarts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Cold start of a node holding N remembered running executors. */
public final class ColdStart extends Harness {
  private static final double GOAL_SECONDS = 30;

  public ColdStart() {
    super(new About("cold-start", "Cold start with remembered executors", """
        Osprey's engine in this JVM on the local Cassandra node (a keyspace of its own): a first node
        creates N running position executors (holding, over 100 pairs), then stops. A second node
        starts on the same journal; the clock runs from its start until every executor is running
        again: remember-entities restarts them by itself (counted by `ExecutorStarts`), and once all
        have started, each is asked for its view, which it answers only after its recovery from the
        journal (snapshot and events) has completed."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = smoke ? 100 : Integer.getInteger("osprey.bench.executors", 10_000);
    final Config config = BenchConfig.cassandra(BenchCassandra.get().contactPoint(),
        "bench_cold_" + System.currentTimeMillis());
    final List<PositionExecutorConfig> configs = BenchExecutors.many(executors, "cold",
        (id, i) -> BenchExecutors.holding(id, i, BenchExecutors.pair(i % 100)));
    final double createSeconds;
    try (EngineNode first = EngineNode.start(config)) {
      final Quotes quotes = new Quotes(new BigDecimal("100"), new BigDecimal("0.01"), 1);
      for (int p = 0; p < 100; p++) {
        quotes.set(first.venue().paper(), BenchExecutors.pair(p), 0);
      }
      final long start = System.nanoTime();
      BenchExecutors.createAll(first.engine().executors(), configs, 128, Duration.ofMinutes(30));
      createSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(smoke ? 2_000 : 5_000);   // entries fill before the node stops
    }
    final long start = System.nanoTime();
    try (EngineNode second = EngineNode.start(config)) {
      final double ready = seconds(start);
      final ExecutorStarts starts = ExecutorStarts.get(second.system());
      final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (starts.count() < executors && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      final double allStarted = seconds(start);
      final long started = starts.count();
      final long running = askAll(second, configs);
      final double allRunning = seconds(start);
      return new ResultTable("Executors", "Node ready", "All started", "All running again", "Running",
          "Goal", "Met")
          .row(Figures.count(executors), Figures.decimals(ready, 1) + " s", Figures.decimals(allStarted, 1) + " s",
              Figures.decimals(allRunning, 1) + " s", Figures.count(running), "all running in ≤ 30 s",
              Figures.met(running == executors && allRunning <= GOAL_SECONDS))
          .note("The first node created them in " + Figures.decimals(createSeconds, 1) + " s; "
              + started + " executor entities started on the second node without being asked.");
    }
  }

  /** Asks every executor for its view, 256 at a time; returns how many answered RUNNING. */
  private static long askAll(final EngineNode node, final List<PositionExecutorConfig> configs) throws Exception {
    final Semaphore inFlight = new Semaphore(256);
    final AtomicLong running = new AtomicLong();
    final List<CompletableFuture<?>> all = new ArrayList<>();
    for (PositionExecutorConfig c : configs) {
      inFlight.acquire();
      all.add(node.engine().executors().get(c.id()).toCompletableFuture().whenComplete((v, e) -> {
        if (e == null && "RUNNING".equals(v.report().status().name())) {
          running.incrementAndGet();
        }
        inFlight.release();
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
        .get(10, TimeUnit.MINUTES);
    return running.get();
  }

  private static double seconds(final long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
