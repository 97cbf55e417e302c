package dev.osprey.bench.harness;

import dev.osprey.app.OspreyNode;
import dev.osprey.bench.baseline.ConstantRoute;
import dev.osprey.bench.load.HttpLoad;
import dev.osprey.bench.node.ApiRequests;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.FullNode;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.PositionAction;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.http.javadsl.ServerBinding;

/** GET /executors/{id} against B_http. */
public final class ExecutorReads extends Harness {
  private static final TradingPair PAIR = TradingPair.parse("RD-USDT");
  private static final int CONNECTIONS = 16;

  public ExecutorReads() {
    super(new About("reads", "GET /executors/{id}", """
        A whole node in this JVM on the local Cassandra node, holding M running resting LIMIT order
        executors. The closed-loop load generator (16 threads, one keep-alive connection each,
        127.0.0.1, bounded) reads them in random order with `GET /executors/{id}` for a fixed time.
        `B_http`: a bare route answering a constant JSON body, bound by Osprey's own `HttpServer`
        (the node's server settings) on the node's actor system, loaded by the same generator for
        the same time, right after. The p99 goal is stated at 10,000 requests/s; a closed loop
        runs as fast as the node answers, so where that is below 10,000/s the p99 shown is at the
        highest rate reached (an upper bound of the p99 at a lower rate)."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int executors = smoke ? 50 : 1_000;
    final Duration measure = Duration.ofSeconds(smoke ? 3 : 30);
    final OspreyNode node = FullNode.start("bench_reads");
    try {
      FullNode.quote(node, PAIR, "9.99", "10.01");
      final List<OrderExecutorConfig> configs = BenchExecutors.many(executors, "rd", (id, i) ->
          new OrderExecutorConfig(id, BenchExecutors.controller(i), Instant.now(), "paper", PAIR, Side.BUY,
              Quantity.of("1"), PositionAction.OPEN, Price.of("5"), null, ExecutionStrategy.LIMIT, null, null));
      BenchExecutors.createAll(node.engine().executors(), configs, 64, Duration.ofMinutes(20));
      final ApiRequests api = new ApiRequests(node.httpPort());
      final HttpLoad.Requests reads = (w, n) -> api.get("/executors/" + configs.get((int) ((n * 2654435761L)
          % executors)).id());
      new HttpLoad(CONNECTIONS, Integer.MAX_VALUE, Duration.ofSeconds(smoke ? 1 : 5)).run(reads, 200);
      final HttpLoad.Outcome osprey = new HttpLoad(CONNECTIONS, Integer.MAX_VALUE, measure).run(reads, 200);

      final ServerBinding constant = ConstantRoute.bind(node.system());
      final HttpLoad.Outcome bare;
      try {
        final int port = constant.localAddress().getPort();
        final HttpLoad.Requests bareReads = (w, n) ->
            HttpRequest.newBuilder(HttpLoad.loopback(port, "/")).timeout(Duration.ofSeconds(30)).GET().build();
        new HttpLoad(CONNECTIONS, Integer.MAX_VALUE, Duration.ofSeconds(smoke ? 1 : 5)).run(bareReads, 200);
        bare = new HttpLoad(CONNECTIONS, Integer.MAX_VALUE, measure).run(bareReads, 200);
      } finally {
        constant.unbind();
      }
      final double ratio = osprey.perSecond() / bare.perSecond();
      final double p99 = osprey.latencies().percentile(0.99) / 1e6;
      return new ResultTable("Figure", "Requests / s", "p50", "p99", "Ratio to B_http", "Failed", "Goal", "Met")
          .row("GET /executors/{id} (" + executors + " executors)", Figures.count(osprey.perSecond()),
              Figures.ms(osprey.latencies().percentile(0.5)), Figures.ms(osprey.latencies().percentile(0.99)),
              Figures.decimals(ratio, 3), osprey.failed(), "≥ 0.4 × B_http, p99 ≤ 10 ms at 10,000/s",
              Figures.met(ratio >= 0.4 && p99 <= 10 && osprey.perSecond() >= 10_000))
          .row("B_http: constant JSON route, same server settings", Figures.count(bare.perSecond()),
              Figures.ms(bare.latencies().percentile(0.5)), Figures.ms(bare.latencies().percentile(0.99)), "1",
              bare.failed(), "—", "—")
          .note(CONNECTIONS + " connections, " + measure.toSeconds() + " s each after a warm-up.");
    } finally {
      node.stop();
    }
  }
}
