package dev.osprey.bench.harness;

import dev.osprey.backtest.MarketRow;
import dev.osprey.backtest.ReplayEngine;
import dev.osprey.backtest.VenueSpec;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.bench.node.BenchExecutors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one position executor, holding a position bought at market (barriers ±50 %), evaluating one
 * quote: {@code decide(MarketChanged)} on one of two alternating books, deciding nothing.
 */
@State(Scope.Thread)
public class DecisionBenchmark {
  private static final TradingPair PAIR = TradingPair.parse("P0-USDT");
  private static final ExecutorInput MARKET_CHANGED = new ExecutorInput.MarketChanged();

  private Executor executor;
  private MarketView[] views;
  private Instant now;
  private int next;

  @Setup
  public void holdAPosition() {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    final ExecutorConfig config = BenchExecutors.holding("jmh", 0, PAIR).withIdentity("jmh", "bench", t0);
    final List<MarketRow> rows = List.of(
        new MarketRow(t0, new ConnectorPair("paper", PAIR), Price.of("99.99"), Price.of("100.01")),
        new MarketRow(t0.plusSeconds(1), new ConnectorPair("paper", PAIR), Price.of("100.00"), Price.of("100.02")));
    executor = new ReplayEngine(Executors.standard(), Map.of("paper", VenueSpec.DEFAULT))
        .run(List.of(config), rows).runs().get(0).executor();
    if (executor.isTerminated()) {
      throw new IllegalStateException("the benchmark's executor should hold a position");
    }
    now = t0.plusSeconds(2);
    views = new MarketView[] {view("100.04", "100.06", now), view("100.05", "100.07", now)};
  }

  private static MarketView view(final String bid, final String ask, final Instant at) {
    return MarketView.of(TopOfBook.of("paper", PAIR, Price.of(bid), Price.of(ask), at), TradingRules.DEFAULT);
  }

  @Benchmark
  public List<ExecutorEvent> evaluateOneQuote() {
    return executor.decide(MARKET_CHANGED, views[next++ & 1], now);
  }
}
