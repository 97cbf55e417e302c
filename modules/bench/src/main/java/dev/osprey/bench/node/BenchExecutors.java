package dev.osprey.bench.node;

import dev.osprey.bench.load.Latencies;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderType;
import dev.osprey.engine.gateway.ExecutorGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The executors the harnesses run, and creating many of them through the engine's gateway. */
public final class BenchExecutors {
  /** Controllers the executors are spread over (the measurement used 32). */
  public static final int CONTROLLERS = 32;

  private BenchExecutors() {}

  public static TradingPair pair(final int p) {
    return TradingPair.parse("P" + p + "-USDT");
  }

  public static String controller(final int i) {
    return "bench-" + (i % CONTROLLERS);
  }

  /**
   * A position bought at market whose barriers (±50 %) no quote of a run reaches: it evaluates every
   * quote of its pair and decides nothing, the steady state of a running executor.
   */
  public static PositionExecutorConfig holding(final String id, final int i, final TradingPair pair) {
    return position(id, i, pair, new TripleBarrierConfig(new BigDecimal("0.5"), new BigDecimal("0.5"), null, null,
        OrderType.MARKET, null, null, null), null, null);
  }

  /**
   * A position bought at market with a trailing stop active from +0.1 %: on rising quotes each new
   * high moves the stop, one persisted fact per quote.
   */
  public static PositionExecutorConfig trailing(final String id, final int i, final TradingPair pair) {
    return position(id, i, pair, new TripleBarrierConfig(null, null, null,
        new TrailingStop(new BigDecimal("0.001"), new BigDecimal("0.5")), OrderType.MARKET, null, null, null),
        null, null);
  }

  /**
   * A limit buy at {@code entry} that may only rest while the mid is within 1 % of it: it sends its
   * order on the first quote that comes near, which is what the quote-to-order probe times.
   */
  public static PositionExecutorConfig probe(final String id, final TradingPair pair, final Price entry) {
    return position(id, 0, pair, TripleBarrierConfig.none(), entry, List.of(new BigDecimal("0.01")));
  }

  private static PositionExecutorConfig position(final String id, final int i, final TradingPair pair,
      final TripleBarrierConfig barrier, final Price entry, final List<BigDecimal> bounds) {
    return new PositionExecutorConfig(id, controller(i), Instant.now(), "paper", pair, Side.BUY, entry,
        Quantity.of("1"), barrier, null, bounds, null);
  }

  /**
   * Creates {@code configs} through {@code gateway}, {@code parallel} at a time, and returns how
   * long each create took to answer.
   */
  public static Latencies createAll(final ExecutorGateway gateway, final List<? extends ExecutorConfig> configs,
      final int parallel, final Duration max) throws Exception {
    final Latencies latencies = new Latencies(configs.size());
    final Semaphore inFlight = new Semaphore(parallel);
    final List<CompletableFuture<?>> all = new ArrayList<>(configs.size());
    for (ExecutorConfig c : configs) {
      inFlight.acquire();
      final long sent = System.nanoTime();
      all.add(gateway.create(c).toCompletableFuture().whenComplete((v, e) -> {
        latencies.record(System.nanoTime() - sent);
        inFlight.release();
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(max.toMillis(), TimeUnit.MILLISECONDS);
    return latencies;
  }

  /** {@code n} configs made by {@code make(id, i)}, ids {@code prefix000000}… */
  public static <C extends ExecutorConfig> List<C> many(final int n, final String prefix, final Make<C> make) {
    final List<C> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(make.config(String.format("%s%06d", prefix, i), i));
    }
    return out;
  }

  /** Makes the config of the {@code i}th executor. */
  @FunctionalInterface
  public interface Make<C extends ExecutorConfig> {
    C config(String id, int i);
  }
}
