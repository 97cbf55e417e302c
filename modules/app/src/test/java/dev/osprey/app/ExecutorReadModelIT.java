package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.engine.executor.ExecutorProtocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.engine.executor.ExecutorStarts;
import dev.osprey.engine.readmodel.ExecutorRow;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node restarted on a Cassandra journal of terminated executors answers search and performance
 * from the read model the Cassandra projection kept: no executor entity is started.
 */
class ExecutorReadModelIT {
  private static final TradingPair PAIR = TradingPair.parse("RMI-USDT");
  private static final ManualClock CLOCK = ManualClock.at("2026-06-01T09:00:00Z");
  private static final int EXECUTORS = 12;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorTestKit probes;

  @BeforeAll
  static void probes() {
    probes = ActorTestKit.create("read-model-probes");
  }

  @AfterAll
  static void stopProbes() {
    probes.shutdownTestKit();
  }

  private static <T> T eventually(final java.util.function.Supplier<T> check) {
    return probes.<Object>createTestProbe().awaitAssert(WAIT, Duration.ofMillis(200), check::get);
  }

  private static List<ExecutorRow> rows(final OspreyNode node) {
    try {
      return node.engine().readModel().rows(List.of("rmi")).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Set<String> liveExecutors(final OspreyNode node) {
    final TestProbe<CurrentShardRegionState> probe = TestProbe.create(node.system());
    ClusterSharding.get(node.system()).shardState()
        .tell(new GetShardRegionState(ExecutorProtocol.ENTITY_KEY, probe.ref()));
    final Set<String> ids = new TreeSet<>();
    probe.receiveMessage(Duration.ofSeconds(30)).getShards().forEach(s -> ids.addAll(s.getEntityIds()));
    return ids;
  }

  private static JsonNode http(final OspreyNode node, final String method, final String path, final String body)
      throws Exception {
    final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
        .newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void shouldAnswerSearchAndPerformanceAfterARestartWithoutStartingExecutors() throws Exception {
    final Config config = CassandraNodeConfig.of(PaperTestVenue.holding("USDT", "100000").withFallback(
        ConfigFactory.parseString(
            TestCassandra.get().pekkoConfig("readmodel") + "\nosprey.engine.passivate-terminated-after = 300ms\n")));

    final OspreyNode first = OspreyNode.start(config, CLOCK);
    try {
      PaperTestVenue.quote(first, PAIR, "10", "10");
      for (int i = 1; i <= EXECUTORS; i++) {
        CLOCK.advance(Duration.ofSeconds(1));
        first.engine().executors().create(new OrderExecutorConfig(String.format("rmi%02d", i), "rmi",
            CLOCK.instant(), "paper", PAIR, Side.BUY, Quantity.of("1"), PositionAction.OPEN, null, null,
            ExecutionStrategy.MARKET, null, null)).toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
      eventually(() -> {
        final List<ExecutorRow> rows = rows(first);
        assertEquals(EXECUTORS, rows.stream().filter(r -> !r.open()).count(), rows::toString);
        return null;
      });
      // Terminated and quiet: they leave memory, so remember-entities does not bring them back.
      eventually(() -> {
        assertEquals(Set.of(), liveExecutors(first));
        return null;
      });
    } finally {
      first.stop();
    }

    final OspreyNode second = OspreyNode.start(config, CLOCK);
    try {
      final JsonNode page = http(second, "POST", "/executors/search",
          "{\"controller_ids\": [\"rmi\"], \"limit\": 5, \"status\": \"TERMINATED\"}");
      assertEquals(EXECUTORS, page.get("pagination").get("total_count").asInt(), page::toString);
      assertEquals("rmi12", page.get("data").get(0).get("executor_id").asText());
      assertEquals(5, page.get("data").size());
      final JsonNode next = http(second, "POST", "/executors/search", "{\"controller_ids\": [\"rmi\"], \"limit\": 5, "
          + "\"cursor\": \"" + page.get("pagination").get("next_cursor").asText() + "\"}");
      assertEquals("rmi07", next.get("data").get(0).get("executor_id").asText());

      final JsonNode perf = http(second, "GET", "/executors/performance?controller_id=rmi", null);
      assertEquals(EXECUTORS, perf.get("total_executors").asInt(), perf::toString);
      assertEquals(0, new BigDecimal("120").compareTo(perf.get("volume_total_quote").decimalValue()), perf::toString);

      assertEquals(0, ExecutorStarts.get(second.system()).count(), "no executor entity was started");
      assertTrue(liveExecutors(second).isEmpty());
    } finally {
      second.stop();
    }
  }
}
