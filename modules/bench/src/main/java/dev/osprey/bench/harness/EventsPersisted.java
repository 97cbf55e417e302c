package dev.osprey.bench.harness;

import dev.osprey.bench.baseline.TrivialJournal;
import dev.osprey.bench.load.FanOutLoad;
import dev.osprey.bench.load.Latencies;
import dev.osprey.bench.node.BenchCassandra;
import dev.osprey.bench.node.BenchConfig;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.EngineNode;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Executor events persisted per second on Cassandra, against B_journal. */
public final class EventsPersisted extends Harness {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  public EventsPersisted() {
    super(new About("events", "Events persisted", """
        Osprey's engine in this JVM on the local Cassandra node (a keyspace of its own). N position
        executors over P pairs hold a position with a trailing stop that activates at +0.1 %; every
        quote is a new high of its pair, so each executor of the pair decides one fact
        (`TrailingStopMoved`) and persists it (tagged for the read model, snapshots every 100
        events, as in production). Quotes come as fast as they are decided (at most a window of
        undecided deliveries). Latency: every 20th quote, a `GET` of one executor of that pair is
        sent right after the quote; it is answered once that executor's event is durable
        (commands wait while an entity persists), so its time is quote → event durable.
        `B_journal`: the stock journal of the same actor system and keyspace, as many trivial
        event-sourced entities grouped the same way, one persist per command, the same pusher and
        window; latency from the command's send to its persist callback."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = smoke ? 200 : Integer.getInteger("osprey.bench.executors", 2_000);
    final int pairs = smoke ? 20 : 100;
    final int window = Math.min(executors, 1_000);
    final Duration warmUp = Duration.ofSeconds(smoke ? 2 : 10);
    final Duration measure = Duration.ofSeconds(smoke ? 3 : 30);
    final String keyspace = "bench_events_" + System.currentTimeMillis();
    try (EngineNode node = EngineNode.start(BenchConfig.cassandra(BenchCassandra.get().contactPoint(), keyspace))) {
      final TradingPair[] pair = new TradingPair[pairs];
      for (int p = 0; p < pairs; p++) {
        pair[p] = BenchExecutors.pair(p);
        quote(node, pair[p], 0);
      }
      final List<PositionExecutorConfig> configs = BenchExecutors.many(executors, "evt",
          (id, i) -> BenchExecutors.trailing(id, i, pair[i % pairs]));
      BenchExecutors.createAll(node.engine().executors(), configs, 128, Duration.ofMinutes(20));
      Thread.sleep(3_000);   // entries fill

      final TrivialJournal.Outcome baseline =
          TrivialJournal.run(node.system(), executors, pairs, warmUp, measure, window, 20);

      final Latencies latencies = new Latencies(1_000_000);
      final FanOutLoad.Outcome osprey = new FanOutLoad(i -> {
        final int p = i % pairs;
        quote(node, pair[p], i / pairs + 1);
        if (i % 20 == 0) {
          final long sent = System.nanoTime();
          node.engine().executors().get(configs.get(p).id())
              .whenComplete((v, e) -> latencies.record(System.nanoTime() - sent));
        }
      }, executors / pairs, node.venue()::bookReads, window).run(warmUp, measure, 0);

      final double ratio = osprey.perSecond() / baseline.load().perSecond();
      final double p99 = latencies.percentile(0.99) / 1e6;
      return new ResultTable("Figure", "Events / s", "p50", "p99", "Ratio to B_journal", "Goal", "Met")
          .row("Osprey: executor facts (`TrailingStopMoved`), " + Figures.count(executors) + " executors",
              Figures.count(osprey.perSecond()), Figures.ms(latencies.percentile(0.5)), Figures.ms(latencies.percentile(0.99)),
              Figures.decimals(ratio, 3), "≥ 5,000/s, p99 ≤ 25 ms, ≥ 1.0 × B_journal",
              Figures.met(osprey.perSecond() >= 5_000 && p99 <= 25 && ratio >= 1.0))
          .row("B_journal: trivial entity, one persist per command, " + Figures.count(executors) + " entities",
              Figures.count(baseline.load().perSecond()), Figures.ms(baseline.latencies().percentile(0.5)),
              Figures.ms(baseline.latencies().percentile(0.99)), "1", "—", "—")
          .note(pairs + " pairs, window " + window + " undecided deliveries, measured over " + measure.toSeconds()
              + " s after " + warmUp.toSeconds() + " s of warm-up. Osprey's count is of decisions (each persists"
              + " one fact); it leads the persisted count by at most the window.");
    }
  }

  /** Level {@code k} of a pair: mid 101 + k cents, each level a new high. */
  private static void quote(final EngineNode node, final TradingPair pair, final int k) {
    final BigDecimal mid = new BigDecimal("101").add(CENT.multiply(BigDecimal.valueOf(k)));
    node.venue().paper().setQuote(pair, Price.of(mid.subtract(new BigDecimal("0.005"))),
        Price.of(mid.add(new BigDecimal("0.005"))));
  }
}
