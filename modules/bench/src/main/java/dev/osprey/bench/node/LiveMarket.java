package dev.osprey.bench.node;

import dev.osprey.bench.load.FanOutLoad;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * N holding position executors over {@code pairs} pairs of an {@link EngineNode}, all quoted and
 * filled, and the pusher that quotes the pairs in turn (each quote a one-cent step of a 64-level
 * cycle around 100, far from every barrier).
 */
public final class LiveMarket {
  private final EngineNode node;
  private final TradingPair[] pairs;
  private final int executors;
  private final Quotes quotes = new Quotes(new BigDecimal("100"), new BigDecimal("0.01"), 64);

  private LiveMarket(final EngineNode node, final TradingPair[] pairs, final int executors) {
    this.node = node;
    this.pairs = pairs;
    this.executors = executors;
  }

  /** Quotes every pair, creates the executors and waits until their entries have filled. */
  public static LiveMarket open(final EngineNode node, final int executors, final int pairCount) throws Exception {
    final TradingPair[] pairs = new TradingPair[pairCount];
    final LiveMarket market = new LiveMarket(node, pairs, executors);
    for (int p = 0; p < pairCount; p++) {
      pairs[p] = BenchExecutors.pair(p);
      market.quotes.set(node.venue().paper(), pairs[p], 0);
    }
    final List<PositionExecutorConfig> configs = BenchExecutors.many(executors, "live",
        (id, i) -> BenchExecutors.holding(id, i, pairs[i % pairCount]));
    final long start = System.nanoTime();
    BenchExecutors.createAll(node.engine().executors(), configs, 32, Duration.ofMinutes(20));
    System.out.printf("bench: %d executors created in %.1f s%n", executors, (System.nanoTime() - start) / 1e9);
    market.awaitQuiet();
    return market;
  }

  /** Book reads a second while no quote moves (the risk supervisors' marks): noise to subtract. */
  public double idleBookReadsPerSecond() throws InterruptedException {
    final long before = node.venue().bookReads();
    final long start = System.nanoTime();
    Thread.sleep(2_000);
    return (node.venue().bookReads() - before) / ((System.nanoTime() - start) / 1e9);
  }

  /** The pusher: quote {@code i} goes to pair {@code i % pairs}; at most one round undecided. */
  public FanOutLoad pusher() {
    final int n = pairs.length;
    return new FanOutLoad(i -> quotes.set(node.venue().paper(), pairs[i % n], i / n + 1), executors / n,
        node.venue()::bookReads, executors);
  }

  /**
   * Waits until the fills that follow the creates have settled: book reads down to the risk
   * supervisors' marks (about one per executor a second), at most 30 s.
   */
  private void awaitQuiet() throws InterruptedException {
    long last = node.venue().bookReads();
    for (int i = 0; i < 60; i++) {
      Thread.sleep(500);
      final long now = node.venue().bookReads();
      if (now - last < executors) {
        return;
      }
      last = now;
    }
  }
}
