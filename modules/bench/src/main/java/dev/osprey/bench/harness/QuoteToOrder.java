package dev.osprey.bench.harness;

import dev.osprey.bench.load.FanOutLoad;
import dev.osprey.bench.load.Latencies;
import dev.osprey.bench.node.BenchConfig;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.EngineNode;
import dev.osprey.bench.node.LiveMarket;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Quote-to-order latency at half the live-decision load. */
public final class QuoteToOrder extends Harness {
  private static final TradingPair PROBE_PAIR = TradingPair.parse("PROBE-USDT");
  private static final double GOAL_P99_MS = 1.0;

  public QuoteToOrder() {
    super(new About("quote-to-order", "Quote-to-order latency", """
        The live-decisions setup (N executors over 100 pairs, engine in this JVM, in-memory journal)
        is first driven flat out for a few seconds to find its rate, then kept at half that rate by
        the same pusher while a probe runs: a fresh position executor on a pair of its own, a limit
        buy at 90 that may only rest while the mid is within 1 % of it (activation bounds), created
        while the mid is 100. The probe then sets a quote at 90.11 and times from just before that
        quote is set to the moment the engine hands the order to the venue (`place`): the decision,
        the persisted `OrderSubmitted`, the risk gate, the route registration. The probe executor is
        stopped and the next sample starts after a random pause of 1-10 ms."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = Integer.getInteger("osprey.bench.executors", smoke ? 200 : 10_000);
    final int samples = smoke ? 20 : 200;
    try (EngineNode node = EngineNode.start(BenchConfig.inMemory())) {
      final LiveMarket market = LiveMarket.open(node, executors, 100);
      final FanOutLoad.Outcome full = market.pusher().run(Duration.ofSeconds(smoke ? 1 : 3),
          Duration.ofSeconds(smoke ? 2 : 5), 0);
      final double half = full.perSecond() / 2;
      final FanOutLoad.Outcome[] background = new FanOutLoad.Outcome[1];
      final Thread load = new Thread(() -> background[0] =
          market.pusher().run(Duration.ZERO, Duration.ofSeconds(smoke ? 10 : 120), half), "half-load");
      final Latencies latencies = new Latencies(samples);
      node.venue().paper().setQuote(PROBE_PAIR, Price.of("99.99"), Price.of("100.01"));
      load.setDaemon(true);
      load.start();
      try {
        for (int k = 0; k < samples && load.isAlive(); k++) {
          latencies.record(probe(node, k));
        }
      } finally {
        load.interrupt();
      }
      load.join(TimeUnit.MINUTES.toMillis(3));
      final double p99 = latencies.percentile(0.99) / 1e6;
      return new ResultTable("Figure", "p50", "p90", "p99", "max", "Samples", "Goal", "Met")
          .row("quote → order at the venue, at " + Figures.count(half) + " decisions/s (half of "
                  + Figures.count(full.perSecond()) + ")",
              Figures.ms(latencies.percentile(0.5)), Figures.ms(latencies.percentile(0.9)),
              Figures.ms(latencies.percentile(0.99)), Figures.ms(latencies.percentile(1.0)),
              latencies.count(), "p99 ≤ 1 ms", Figures.met(p99 <= GOAL_P99_MS))
          .note(Figures.count(executors) + " executors over 100 pairs. The background load ran at "
              + (background[0] == null ? "?" : Figures.count(background[0].perSecond()))
              + " decisions/s while the probes ran.");
    }
  }

  /** One sample: nanoseconds from the quote to the probe's order reaching the venue. */
  private static long probe(final EngineNode node, final int k) throws Exception {
    final String id = String.format("probe%05d", k);
    node.engine().executors().create(BenchExecutors.probe(id, PROBE_PAIR, Price.of("90")))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 11));
    final CompletableFuture<Long> placed = new CompletableFuture<>();
    node.venue().onPlace(r -> {
      if (r.tradingPair().equals(PROBE_PAIR)) {
        placed.complete(System.nanoTime());
      }
    });
    final long quoted = System.nanoTime();
    node.venue().paper().setQuote(PROBE_PAIR, Price.of("90.10"), Price.of("90.12"));
    final long at = placed.get(30, TimeUnit.SECONDS);
    node.venue().onPlace(r -> {});
    node.venue().paper().setQuote(PROBE_PAIR, Price.of("99.99"), Price.of("100.01"));
    node.engine().executors().stop(id, false).toCompletableFuture().get(30, TimeUnit.SECONDS);
    return at - quoted;
  }

}
