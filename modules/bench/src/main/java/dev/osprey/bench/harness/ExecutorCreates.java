package dev.osprey.bench.harness;

import dev.osprey.app.OspreyNode;
import dev.osprey.bench.load.HttpLoad;
import dev.osprey.bench.node.ApiRequests;
import dev.osprey.bench.node.BenchExecutors;
import dev.osprey.bench.node.FullNode;
import dev.osprey.bench.report.Figures;
import dev.osprey.bench.report.ResultTable;
import dev.osprey.domain.market.TradingPair;
import java.time.Duration;

/** POST /executors/ through risk approval and persistence. */
public final class ExecutorCreates extends Harness {
  private static final TradingPair PAIR = TradingPair.parse("CRT-USDT");
  private static final int CONNECTIONS = 16;

  public ExecutorCreates() {
    super(new About("creates", "POST /executors/", """
        A whole node in this JVM (`OspreyNode`: HTTP API, engine, the cluster-wide paper venue) on
        the local Cassandra node, a keyspace of its own. A closed-loop load generator in the same
        JVM (16 threads, one keep-alive HTTP/1.1 connection each, java.net.http, 127.0.0.1 only,
        bounded in requests and time) creates resting LIMIT buy order executors (price 5, mid 10)
        over 32 controllers with `POST /executors/`; each answers 201 once risk approved it and
        the entity persisted its creation. After 50 creates of warm-up."""));
  }

  @Override
  public ResultTable run(final boolean smoke) throws Exception {
    final int requests = smoke ? 100 : 2_000;
    final Duration maxTime = Duration.ofSeconds(smoke ? 30 : 120);
    final OspreyNode node = FullNode.start("bench_creates");
    try {
      FullNode.quote(node, PAIR, "9.99", "10.01");
      final ApiRequests api = new ApiRequests(node.httpPort());
      final HttpLoad.Requests creates = (w, n) -> api.post("/executors/", body(w, n));
      new HttpLoad(4, 50, Duration.ofSeconds(60)).run((w, n) -> api.post("/executors/", body(99, n)), 201);
      final HttpLoad.Outcome out = new HttpLoad(CONNECTIONS, requests, maxTime).run(creates, 201);
      final double p99 = out.latencies().percentile(0.99) / 1e6;
      return new ResultTable("Figure", "Creates / s", "p50", "p99", "Failed", "Goal", "Met")
          .row("POST /executors/ (" + out.ok() + " creates, " + CONNECTIONS + " connections)",
              Figures.count(out.perSecond()), Figures.ms(out.latencies().percentile(0.5)),
              Figures.ms(out.latencies().percentile(0.99)), out.failed()
                  + (out.firstFailure() == null ? "" : " (" + out.firstFailure().replace('|', '/') + ")"),
              "≥ 1,500/s, p99 ≤ 50 ms", Figures.met(out.perSecond() >= 1_500 && p99 <= 50))
          .note("Over " + Figures.decimals(out.seconds(), 1) + " s.");
    } finally {
      node.stop();
    }
  }

  private static String body(final int worker, final int n) {
    return "{\"controller_id\": \"" + BenchExecutors.controller(n) + "\", \"executor_config\": {"
        + "\"type\": \"order_executor\", \"id\": \"crt-" + worker + "-" + n + "\", \"connector_name\": \"paper\", "
        + "\"trading_pair\": \"" + PAIR + "\", \"side\": \"BUY\", \"amount\": \"1\", "
        + "\"execution_strategy\": \"LIMIT\", \"price\": \"5\"}}";
  }
}
