package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.cassandra.FreePorts;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hard failover with real processes: three nodes, each its own JVM, on one Cassandra node. The
 * node hosting the most executors is killed with {@code kill -9} while their orders rest on the
 * paper venue; the split-brain resolver downs it, every one of its executors runs again on a
 * survivor, none sends a second order, and all of them close on quotes set through another node
 * with the exact figures. The time from the kill to the last executor running again is written to
 * {@code target/failover-seconds.txt} (see {@code src-docs/benchmarks.md}).
 */
class ClusterFailoverIT {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int EXECUTORS = 12;
  private static final int SHARDS = 100;
  private static final Path DIR = Path.of("target", "failover");
  private static final List<NodeProcess> NODES = new ArrayList<>();
  private static final ActorTestKit PROBES = ActorTestKit.create("failover-probes");

  @AfterAll
  static void stop() throws InterruptedException {
    for (NodeProcess n : NODES) {
      n.close();
    }
    PROBES.shutdownTestKit();
  }

  /** Venue {@code paper}, no maker fee, 0.1 % taker fee, 100000 USDT, on the test Cassandra. */
  private static String nodeConfig(final String cassandra) {
    return cassandra + "\n" + """
        pekko.loglevel = INFO
        osprey.paper {
          connectors = ["paper"]
          venues.paper { maker-fee = "0", taker-fee = "0.001" }
          balances = { USDT = "100000" }
          random-walk.enabled = false
          state-dir = ""
          follow-interval = 200ms
        }
        """;
  }

  /** Retries {@code check} (it asks other processes) until it passes or {@code limit} is over. */
  private static <T> T eventually(final Duration limit, final java.util.concurrent.Callable<T> check) {
    return PROBES.createTestProbe().awaitAssert(limit, Duration.ofMillis(100), () -> {
      try {
        return check.call();
      } catch (AssertionError e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static JsonNode executor(final NodeProcess via, final String id) throws Exception {
    final HttpResponse<String> r = via.api("GET", "/executors/" + id, null, Duration.ofSeconds(3));
    assertEquals(200, r.statusCode(), () -> id + ": " + r.body());
    return JSON.readTree(r.body());
  }

  private static JsonNode await(final NodeProcess via, final String id, final Predicate<JsonNode> done)
      throws Exception {
    return eventually(Duration.ofSeconds(90), () -> {
      final JsonNode e = executor(via, id);
      assertTrue(done.test(e), () -> id + " not yet: " + e);
      return e;
    });
  }

  private static void quote(final NodeProcess via, final String bid, final String ask) throws Exception {
    final HttpResponse<String> r = via.api("POST", "/paper/markets/FOV-USDT/quote",
        "{\"bid\": \"" + bid + "\", \"ask\": \"" + ask + "\"}", Duration.ofSeconds(30));
    assertEquals(200, r.statusCode(), r.body());
  }

  /** The shards each node's region holds of the executors, from its management API. */
  private static Set<String> shardsOf(final NodeProcess node) throws Exception {
    final Set<String> out = new HashSet<>();
    for (JsonNode region : JSON.readTree(node.managementBody("/cluster/shards/Executor")).get("regions")) {
      out.add(region.get("shardId").asText());
    }
    return out;
  }

  /** Pekko's default shard of an entity id: |hashCode mod number of shards|. */
  private static String shardOf(final String entityId) {
    return Integer.toString(Math.abs(entityId.hashCode() % SHARDS));
  }

  @Test
  void shouldResumeEveryExecutorOfAKilledNodeOnTheSurvivors() throws Exception {
    final String cassandra = nodeConfig(TestCassandra.get().pekkoConfig("failover"));
    final int[] ports = FreePorts.find(9);
    for (int i = 0; i < 3; i++) {
      NODES.add(NodeProcess.start(DIR, "node" + (i + 1), cassandra,
          new NodeProcess.Ports(ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]), ports[2]));
      if (i == 0) { // the seed first: the others join a cluster that exists
        eventually(Duration.ofSeconds(180), () -> {
          assertEquals(200, NODES.get(0).management("/ready"));
          return null;
        });
      }
    }
    for (NodeProcess n : NODES) {
      eventually(Duration.ofSeconds(180), () -> {
        assertEquals(200, n.management("/ready"), n.name + " not ready");
        return null;
      });
    }
    final NodeProcess api = NODES.get(0);
    quote(api, "99.9", "100");
    final List<String> ids = new ArrayList<>();
    for (int i = 1; i <= EXECUTORS; i++) {
      final String id = String.format(Locale.ROOT, "fov%02d", i);
      ids.add(id);
      final HttpResponse<String> created = api.api("POST", "/executors/", """
          {"controller_id": "failover", "executor_config": {"id": "%s", "type": "position_executor",
            "connector_name": "paper", "trading_pair": "FOV-USDT", "side": "BUY", "amount": "1",
            "entry_price": "95", "triple_barrier_config": {"take_profit": "0.02"}}}"""
          .formatted(id), Duration.ofSeconds(60));
      assertEquals(201, created.statusCode(), created.body());
    }
    for (String id : ids) { // each with its BUY resting at 95
      await(api, id, e -> "RUNNING".equals(e.get("status").asText())
          && e.get("custom_info").get("order_ids").size() == 1);
    }

    // The node (not the one we ask) that hosts the most executors dies.
    final Map<NodeProcess, List<String>> hosted = new HashMap<>();
    for (NodeProcess n : NODES.subList(1, 3)) {
      final Set<String> shards = shardsOf(n);
      hosted.put(n, ids.stream().filter(id -> shards.contains(shardOf(id))).toList());
    }
    final NodeProcess victim = hosted.get(NODES.get(1)).size() >= hosted.get(NODES.get(2)).size()
        ? NODES.get(1) : NODES.get(2);
    final NodeProcess other = victim == NODES.get(1) ? NODES.get(2) : NODES.get(1);
    final List<String> moved = hosted.get(victim);
    assertFalse(moved.isEmpty(), "the victim hosts executors: " + hosted);

    final long killed = System.nanoTime();
    victim.kill9();
    for (String id : moved) {
      await(api, id, e -> "RUNNING".equals(e.get("status").asText()));
    }
    final double seconds = (System.nanoTime() - killed) / 1e9;
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve("../failover-seconds.txt"), String.format(Locale.ROOT,
        "%.1f s from kill -9 to the last of %d executors running again (%d hosted by the killed node)%n",
        seconds, EXECUTORS, moved.size()));
    System.out.printf(Locale.ROOT, "ClusterFailoverIT: failover %.1f s for %d executors%n", seconds, moved.size());

    // No second order: each still has exactly its one resting order.
    for (String id : ids) {
      assertEquals(1, executor(api, id).get("custom_info").get("order_ids").size(), id);
    }
    quote(other, "94", "94.5");    // every resting BUY fills at 95, maker, no fee
    for (String id : ids) {
      await(api, id, e -> e.get("is_trading").asBoolean());
    }
    quote(other, "97", "97.1");    // (97 - 95)/95 = 2.1 % >= 2 %: take profit at market
    for (String id : ids) {
      final JsonNode closed = await(api, id, e -> "TERMINATED".equals(e.get("status").asText()));
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), id);
      assertEquals(0, new BigDecimal("1.903").compareTo(closed.get("net_pnl_quote").decimalValue()), id);
      assertEquals(0, new BigDecimal("192").compareTo(closed.get("filled_amount_quote").decimalValue()), id);
      assertEquals(2, closed.get("custom_info").get("order_ids").size(), id + ": one open, one close");
    }
  }
}
