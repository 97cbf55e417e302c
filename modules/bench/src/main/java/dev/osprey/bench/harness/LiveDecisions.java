package dev.osprey.bench.harness;

import dev.osprey.bench.baseline.ActorEcho;
import dev.osprey.bench.load.FanOutLoad;
import dev.osprey.bench.node.BenchConfig;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.EngineNode;
import dev.osprey.bench.node.LiveMarket;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import java.time.Duration;

/** Live decisions of N running executors over 100 pairs, against B_msg. */
public final class LiveDecisions extends Harness {
  static final double GOAL_PER_SECOND = 1_000_000;
  static final double GOAL_OF_B_MSG = 0.05;

  public LiveDecisions() {
    super(new About("live-decisions", "Live decisions", """
        N running position executors (bought at market, barriers ±50 % that no quote reaches) over 100
        pairs, in Osprey's engine in this JVM (sharded `ExecutorEntity`s, in-memory journal: no quote
        here persists anything, so the journal is not the subject). One thread sets quotes on an
        in-process paper venue, pairs in turn, as fast as they are taken: at most one round of
        quotes (N deliveries) not yet decided. Each quote reaches the pair's executors through the
        engine's market feed (`MarketFeeds` → `ExecutorEntity.MarketUpdate`); a decision is counted
        when the executor reads the venue's book to decide (`ExecutorVenues.marketView`, counted
        by the venue: no hook in the engine). `B_msg`: as many bare typed actors, grouped the same
        way, driven by the same pusher, each counting the message it takes."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = Integer.getInteger("osprey.bench.executors", smoke ? 200 : 10_000);
    final int pairs = 100;
    final Duration warmUp = Duration.ofSeconds(smoke ? 1 : 5);
    final Duration measure = Duration.ofSeconds(smoke ? 2 : 20);
    try (EngineNode node = EngineNode.start(BenchConfig.inMemory())) {
      final LiveMarket market = LiveMarket.open(node, executors, pairs);
      final double idleReads = market.idleBookReadsPerSecond();
      final FanOutLoad.Outcome live = market.pusher().run(warmUp, measure, 0);
      final FanOutLoad.Outcome echo = ActorEcho.run(node.system(), executors, pairs, warmUp, measure, executors);
      final double decisions = live.perSecond() - idleReads;
      final double ratio = decisions / echo.perSecond();
      return new ResultTable("Figure", "Value", "Baseline B_msg", "Ratio", "Goal", "Met")
          .row("executor decisions / s (" + Figures.count(executors) + " executors, " + pairs + " pairs)",
              Figures.count(decisions), Figures.count(echo.perSecond()) + " msgs/s", Figures.decimals(ratio, 3),
              "≥ 1,000,000/s and ≥ 0.05 × B_msg",
              Figures.met(decisions >= GOAL_PER_SECOND && ratio >= GOAL_OF_B_MSG))
          .note("Measured over " + measure.toSeconds() + " s after " + warmUp.toSeconds() + " s of warm-up; "
              + Figures.count(idleReads) + " book reads/s seen with no quotes (risk marks) subtracted.");
    }
  }
}
