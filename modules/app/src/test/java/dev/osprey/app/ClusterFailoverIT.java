package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Hard failover with real processes: three nodes, each its own JVM, on one Cassandra node. The
 * node hosting the most executors is killed with {@code kill -9} while their orders rest on the
 * paper venue; the split-brain resolver downs it, every one of its executors runs again on a
 * survivor, none sends a second order, and all of them close on quotes set through another node
 * with the exact figures. One executor is created through the node that dies (A), runs again on a
 * survivor (B) and fills on quotes set through the other survivor (C). The time from the kill to
 * the last executor running again is written to {@code target/failover-seconds.txt} (see
 * {@code src-docs/benchmarks.md}).
 */
class ClusterFailoverIT {
  @AutoClose
  private static ProcessCluster cluster;

  @Test
  void shouldResumeEveryExecutorOfAKilledNodeOnTheSurvivors() throws Exception {
    cluster = new ProcessCluster("failover", 3);
    final List<NodeProcess> nodes = cluster.nodes;
    final NodeProcess api = nodes.get(0);
    final RestingExecutors executors = new RestingExecutors(cluster, "failover", "FOV-USDT");
    executors.openMarket(api);
    executors.create(api, 12);

    // The node (not the one we ask) that hosts the most executors dies.
    final NodeProcess victim = executors.hostedBy(nodes.get(1)).size() >= executors.hostedBy(nodes.get(2)).size()
        ? nodes.get(1) : nodes.get(2);
    final String createdOnVictim = executors.createHostedBy(victim);
    final List<String> moved = executors.hostedBy(victim);

    final long killed = System.nanoTime();
    victim.kill9();
    for (String id : moved) {
      cluster.await(api, id, e -> "RUNNING".equals(e.get("status").asText()));
    }
    final double seconds = (System.nanoTime() - killed) / 1e9;
    Files.writeString(Path.of("target", "failover-seconds.txt"), String.format(Locale.ROOT,
        "%.1f s from kill -9 to the last of %d executors running again (%d hosted by the killed node)%n",
        seconds, executors.ids.size(), moved.size()));
    System.out.printf(Locale.ROOT, "ClusterFailoverIT: failover %.1f s for %d executors%n", seconds, moved.size());

    executors.assertOneOrderEach(api);
    final List<NodeProcess> survivors = nodes.stream().filter(n -> n != victim).toList();
    final NodeProcess nowHosting = executors.hostedBy(survivors.get(0)).contains(createdOnVictim)
        ? survivors.get(0) : survivors.get(1);
    final NodeProcess quoting = nowHosting == survivors.get(0) ? survivors.get(1) : survivors.get(0);
    assertTrue(executors.hostedBy(nowHosting).contains(createdOnVictim), createdOnVictim + " runs on " + nowHosting.name);
    executors.fill(quoting);
    executors.takeProfit(quoting, quoting);
  }
}
