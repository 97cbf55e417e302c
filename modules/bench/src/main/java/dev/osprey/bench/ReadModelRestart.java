package dev.osprey.bench;

import com.typesafe.config.Config;
import dev.osprey.engine.executor.ExecutorProtocol;
import com.typesafe.config.ConfigFactory;
import dev.osprey.app.OspreyNode;
import dev.osprey.cassandra.CassandraLauncher;
import dev.osprey.cassandra.CassandraNode;
import dev.osprey.cassandra.CassandraSettings;
import dev.osprey.cassandra.FreePorts;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.engine.executor.ExecutorStarts;
import dev.osprey.engine.readmodel.ExecutorRow;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * A node restarted on a journal of N terminated executors answers search and performance from the
 * read model, without recovering any executor.
 *
 * <p>{@code java -cp … dev.osprey.bench.ReadModelRestart [executors] [samples]} (defaults 10000,
 * 20). Starts a Cassandra 5 node (the project's launcher, fresh data directory under
 * {@code target/}), a node that runs N market order executors on a paper venue to termination
 * (the projection writes their rows), waits until they all left memory, stops the node, starts a
 * second node on the same journal, and times {@code POST /executors/search} (limit 100, status
 * TERMINATED) and {@code GET /executors/performance} over HTTP. Prints one line of figures, with
 * the number of executor entities the second node started (must be 0).
 */
public final class ReadModelRestart {
  private static final String CONTROLLER = "bench";
  private static final TradingPair PAIR = TradingPair.parse("RMB-USDT");
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

  private ReadModelRestart() {}

  public static void main(final String[] args) throws Exception {
    final int executors = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    final int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    final Path data = Files.createTempDirectory(Path.of("target"), "read-model-bench-");
    final int[] ports = FreePorts.find(2);
    final CassandraNode cassandra = new CassandraLauncher(CassandraSettings.builder(data.toAbsolutePath())
        .cqlPort(ports[0]).storagePort(ports[1]).heap(CassandraSettings.DEV_HEAP).build()).start();
    try {
      final Config config = ConfigFactory.parseString(String.join("\n",
              "datastax-java-driver.basic.contact-points = [\"" + cassandra.contactPoint() + "\"]",
              "pekko.persistence.cassandra.journal { keyspace = bench, keyspace-autocreate = true, tables-autocreate = true }",
              "pekko.persistence.cassandra.snapshot { keyspace = bench_snapshot, keyspace-autocreate = true, tables-autocreate = true }",
              "pekko.projection.cassandra.offset-store.keyspace = bench",
              "osprey.read-model.tables-autocreate = true",
              "osprey.engine.passivate-terminated-after = 1s",
              "osprey.http.port = 0",
              "pekko.management.http.port = 0",
              "pekko.remote.artery.canonical.port = 0",
              "pekko.loglevel = WARNING",
              "osprey.cassandra.embedded = false",
              "osprey.paper.random-walk.enabled = false",
              "osprey.paper.state-dir = \"\"",
              "osprey.paper.connectors = [paper]",
              "osprey.paper.venues.paper { maker-fee = \"0\", taker-fee = \"0.001\" }",
              "osprey.paper.balances { USDT = \"1000000000\" }"))
          .withFallback(ConfigFactory.load())
          .resolve();
      final long writeStart = System.nanoTime();
      final OspreyNode first = OspreyNode.start(config, Clock.systemUTC());
      try {
        first.paper("paper").setQuote(PAIR, Price.of("10"), Price.of("10"), null, null)
            .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        runToTermination(first, executors);
        final double written = seconds(writeStart);
        awaitProjected(first, executors);
        final double projected = seconds(writeStart);
        awaitPassivated(first);
        System.out.printf("journal: executors=%d created_and_terminated_s=%.1f projected_s=%.1f%n",
            executors, written, projected);
      } finally {
        first.stop();
      }

      final long restart = System.nanoTime();
      final OspreyNode second = OspreyNode.start(config, Clock.systemUTC());
      try {
        final double ready = seconds(restart);
        final String search = "{\"controller_ids\": [\"" + CONTROLLER + "\"], \"limit\": 100, \"status\": \"TERMINATED\"}";
        final double firstSearch = timeMs(() -> post(second, "/executors/search", search));
        final double firstPerf = timeMs(() -> get(second, "/executors/performance?controller_id=" + CONTROLLER));
        final double[] searches = new double[samples];
        final double[] perfs = new double[samples];
        for (int i = 0; i < samples; i++) {
          searches[i] = timeMs(() -> post(second, "/executors/search", search));
          perfs[i] = timeMs(() -> get(second, "/executors/performance?controller_id=" + CONTROLLER));
        }
        final String body = post(second, "/executors/search", search);
        final String perf = get(second, "/executors/performance?controller_id=" + CONTROLLER);
        System.out.printf("restart: ready_s=%.1f first_search_ms=%.0f search_median_ms=%.0f search_p90_ms=%.0f "
                + "first_performance_ms=%.0f performance_median_ms=%.0f performance_p90_ms=%.0f "
                + "executor_entities_started=%d%n",
            ready, firstSearch, percentile(searches, 0.5), percentile(searches, 0.9), firstPerf,
            percentile(perfs, 0.5), percentile(perfs, 0.9), ExecutorStarts.get(second.system()).count());
        System.out.println("search total_count: " + body.replaceAll(".*\"total_count\":(\\d+).*", "$1")
            + "; performance: " + perf.replaceAll(".*(\"total_executors\":\\d+).*", "$1"));
      } finally {
        second.stop();
      }
    } finally {
      cassandra.stop();
    }
  }

  /** Creates N market order executors, 64 at a time; each fills and terminates. */
  private static void runToTermination(final OspreyNode node, final int n) throws Exception {
    final Semaphore inFlight = new Semaphore(64);
    final List<CompletableFuture<?>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      final OrderExecutorConfig c = new OrderExecutorConfig(String.format("rmb%06d", i), CONTROLLER, Instant.now(),
          "paper", PAIR, Side.BUY, Quantity.of("1"), PositionAction.OPEN, null, null, ExecutionStrategy.MARKET,
          null, null);
      all.add(node.engine().executors().create(c).toCompletableFuture().whenComplete((v, e) -> inFlight.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
  }

  private static void awaitProjected(final OspreyNode node, final int n) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      final List<ExecutorRow> rows = node.engine().readModel().rows(List.of(CONTROLLER)).toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      if (rows.stream().filter(r -> !r.open()).count() == n) {
        return;
      }
      Thread.sleep(1000);   // a harness polling the read model, not a test waiting on an actor
    }
    throw new IllegalStateException("the projection did not catch up in 30 minutes");
  }

  private static void awaitPassivated(final OspreyNode node) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      final CurrentShardRegionState state = AskPattern.<ClusterShardingQuery, CurrentShardRegionState>ask(
          ClusterSharding.get(node.system()).shardState(),
          replyTo -> new GetShardRegionState(ExecutorProtocol.ENTITY_KEY, replyTo),
          Duration.ofSeconds(30), node.system().scheduler()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      final long live = state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum();
      if (live == 0) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("executors did not passivate in 10 minutes");
  }

  private interface Call {
    String run() throws Exception;
  }

  private static double timeMs(final Call call) throws Exception {
    final long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double seconds(final long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double percentile(final double[] values, final double p) {
    final double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  private static String post(final OspreyNode node, final String path, final String body) throws Exception {
    return send(node, HttpRequest.newBuilder(uri(node, path)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String get(final OspreyNode node, final String path) throws Exception {
    return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
  }

  private static URI uri(final OspreyNode node, final String path) {
    return URI.create("http://127.0.0.1:" + node.httpPort() + path);
  }

  private static String send(final OspreyNode node, final HttpRequest.Builder b) throws Exception {
    final HttpResponse<String> r = HttpClient.newHttpClient().send(b.timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").header("Authorization", AUTH).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
