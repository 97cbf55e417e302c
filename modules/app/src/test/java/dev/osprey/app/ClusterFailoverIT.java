package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
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
  private static final int EXECUTORS = 12;
  private static final int SHARDS = 100;
  private static ProcessCluster cluster;

  @AfterAll
  static void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The shards each node's region holds of the executors, from its management API. */
  private static Set<String> shardsOf(final NodeProcess node) throws Exception {
    final Set<String> out = new HashSet<>();
    for (JsonNode region : ProcessCluster.JSON.readTree(node.managementBody("/cluster/shards/Executor"))
        .get("regions")) {
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
    cluster = new ProcessCluster("failover", 3);
    final List<NodeProcess> nodes = cluster.nodes;
    final NodeProcess api = nodes.get(0);
    ProcessCluster.quote(api, "FOV-USDT", "99.9", "100");
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
      cluster.await(api, id, e -> "RUNNING".equals(e.get("status").asText())
          && e.get("custom_info").get("order_ids").size() == 1);
    }

    // The node (not the one we ask) that hosts the most executors dies.
    final Map<NodeProcess, List<String>> hosted = new HashMap<>();
    for (NodeProcess n : nodes.subList(1, 3)) {
      final Set<String> shards = shardsOf(n);
      hosted.put(n, ids.stream().filter(id -> shards.contains(shardOf(id))).toList());
    }
    final NodeProcess victim = hosted.get(nodes.get(1)).size() >= hosted.get(nodes.get(2)).size()
        ? nodes.get(1) : nodes.get(2);
    final NodeProcess other = victim == nodes.get(1) ? nodes.get(2) : nodes.get(1);
    final List<String> moved = hosted.get(victim);
    assertFalse(moved.isEmpty(), "the victim hosts executors: " + hosted);

    final long killed = System.nanoTime();
    victim.kill9();
    for (String id : moved) {
      cluster.await(api, id, e -> "RUNNING".equals(e.get("status").asText()));
    }
    final double seconds = (System.nanoTime() - killed) / 1e9;
    Files.writeString(Path.of("target", "failover-seconds.txt"), String.format(Locale.ROOT,
        "%.1f s from kill -9 to the last of %d executors running again (%d hosted by the killed node)%n",
        seconds, EXECUTORS, moved.size()));
    System.out.printf(Locale.ROOT, "ClusterFailoverIT: failover %.1f s for %d executors%n", seconds, moved.size());

    // No second order: each still has exactly its one resting order.
    for (String id : ids) {
      assertEquals(1, ProcessCluster.executor(api, id).get("custom_info").get("order_ids").size(), id);
    }
    ProcessCluster.quote(other, "FOV-USDT", "94", "94.5");   // every resting BUY fills at 95, maker, no fee
    for (String id : ids) {
      cluster.await(api, id, e -> e.get("is_trading").asBoolean());
    }
    ProcessCluster.quote(other, "FOV-USDT", "97", "97.1");   // (97 - 95)/95 = 2.1 % >= 2 %: take profit
    for (String id : ids) {
      final JsonNode closed = cluster.await(api, id, e -> "TERMINATED".equals(e.get("status").asText()));
      assertEquals("TAKE_PROFIT", closed.get("close_type").asText(), id);
      assertEquals(0, new BigDecimal("1.903").compareTo(closed.get("net_pnl_quote").decimalValue()), id);
      assertEquals(0, new BigDecimal("192").compareTo(closed.get("filled_amount_quote").decimalValue()), id);
      assertEquals(2, closed.get("custom_info").get("order_ids").size(), id + ": one open, one close");
    }
  }
}
