package dev.osprey.bench;

import dev.osprey.backtest.MarketRow;
import dev.osprey.backtest.ReplayEngine;
import dev.osprey.backtest.VenueSpec;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How many market rows per second the replay engine processes with N executors.
 *
 * <p>{@code java -cp … dev.osprey.bench.ReplayThroughput [executors] [rows] [pairs] [steady|churn]}
 * (defaults 1000, 20000, 1, steady). Quotes are a seeded random walk (±10 bps a row) over {@code
 * pairs} pairs, one row per second. Executors are position executors with a market entry, spread
 * evenly over the pairs. {@code steady}: all start on the first row with barriers far away (±50 %),
 * so every executor of the quoted pair evaluates on every row to the end: the worst case.
 * {@code churn}: 1 % stop loss, 1.5 % take profit, a trailing stop and a one-hour time limit, started
 * over the first half of the rows, so that they open and close. Prints one line of figures.
 */
public final class ReplayThroughput {
  private ReplayThroughput() {}

  public static void main(final String[] args) {
    final int executors = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    final int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    final int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    final boolean steady = args.length <= 3 || !"churn".equals(args[3]);
    final Figures f = measure(executors, rows, pairs, steady);
    System.out.printf("scenario=%s executors=%d rows=%d pairs=%d seconds=%.2f rows_per_second=%.0f "
        + "executor_evaluations_per_second=%.0f terminated=%d%n", steady ? "steady" : "churn", executors, rows,
        pairs, f.seconds(), f.rowsPerSecond(), f.evaluationsPerSecond(), f.terminated());
  }

  /** One measured replay: its time, rows and executor evaluations a second, executors terminated. */
  public record Figures(double seconds, double rowsPerSecond, double evaluationsPerSecond, long terminated) {}

  /** Replays {@code rows} rows over {@code executors} executors after a smaller warm-up run. */
  public static Figures measure(final int executors, final int rows, final int pairs, final boolean steady) {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    final List<MarketRow> market = market(rows, pairs, t0);
    final List<ExecutorConfig> configs = configs(executors, pairs, rows, t0, steady);
    // Warm up the JIT on a smaller run, then measure.
    new ReplayEngine(Executors.standard(), Map.of("paper", VenueSpec.DEFAULT))
        .run(configs(Math.min(executors, 200), pairs, rows / 4, t0, steady), market.subList(0, rows / 4));
    final long start = System.nanoTime();
    final ReplayEngine.Result result =
        new ReplayEngine(Executors.standard(), Map.of("paper", VenueSpec.DEFAULT)).run(configs, market);
    final double seconds = (System.nanoTime() - start) / 1e9;
    final long terminated = result.runs().stream().filter(r -> r.executor().isTerminated()).count();
    return new Figures(seconds, rows / seconds, (double) rows * executors / pairs / seconds, terminated);
  }

  public static List<MarketRow> market(final int rows, final int pairs, final Instant t0) {
    final SplittableRandom random = new SplittableRandom(7);
    final BigDecimal[] mids = new BigDecimal[pairs];
    for (int p = 0; p < pairs; p++) {
      mids[p] = BigDecimal.valueOf(100 + p);
    }
    final List<MarketRow> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      final int p = i % pairs;
      final BigDecimal step = BigDecimal.valueOf(random.nextInt(-10, 11)).movePointLeft(4);
      mids[p] = mids[p].multiply(BigDecimal.ONE.add(step)).setScale(2, RoundingMode.HALF_EVEN);
      final BigDecimal half = BigDecimal.valueOf(1, 2);
      out.add(new MarketRow(t0.plusSeconds(i), new ConnectorPair("paper", pair(p)),
          Price.of(mids[p].subtract(half)), Price.of(mids[p].add(half))));
    }
    return out;
  }

  public static List<ExecutorConfig> configs(
      final int n, final int pairs, final int rows, final Instant t0, final boolean steady) {
    final List<ExecutorConfig> out = new ArrayList<>(n);
    final TripleBarrierConfig barrier = steady
        ? new TripleBarrierConfig(new BigDecimal("0.5"), new BigDecimal("0.5"), null, null, OrderType.MARKET,
            null, null, null)
        : new TripleBarrierConfig(new BigDecimal("0.01"), new BigDecimal("0.015"), 3600L,
            new TrailingStop(new BigDecimal("0.008"), new BigDecimal("0.002")), OrderType.MARKET, null, null, null);
    for (int i = 0; i < n; i++) {
      final Instant start = steady ? t0 : t0.plusSeconds((long) i * rows / (2L * n));
      out.add(new PositionExecutorConfig("b" + i, "bench", start, "paper",
          pair(i % pairs), i % 2 == 0 ? Side.BUY : Side.SELL, null, Quantity.of("1"), barrier, null, null, null));
    }
    return out;
  }

  private static TradingPair pair(final int p) {
    return TradingPair.parse("P" + p + "-USDT");
  }
}
