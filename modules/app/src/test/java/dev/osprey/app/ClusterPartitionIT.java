package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A network partition with real processes: three nodes, each in a network namespace of its own
 * ({@link NamespacedNetwork}), all still reaching the one Cassandra node. The node hosting the
 * most executors is cut off from the other two while their orders rest on the paper venue. The
 * split-brain resolver keeps the majority: the cut-off node downs itself and its process ends, the
 * other two down it, and its executors run again on them without a second order. The orders
 * fill while the sides are apart, on quotes set through the majority; every fill reaches its
 * executor, and all close with the exact figures on quotes set later. The journal
 * shows that no entity ever had two live writers, and the executors that moved show both: the
 * cut-off node's writes, then a survivor's. One executor is created through the cut-off node (A),
 * runs again on a survivor (B) and takes profit on quotes set through the other survivor (C).
 */
class ClusterPartitionIT {
  @AutoClose // with its network
  private static ProcessCluster cluster;

  @Test
  void shouldDownTheMinoritySideAndResumeItsExecutorsOnTheMajority() throws Exception {
    final NamespacedNetwork network = new NamespacedNetwork(3);
    cluster = new ProcessCluster("partition", 3, network);
    final List<NodeProcess> nodes = cluster.nodes;
    final NodeProcess api = nodes.get(0);
    final RestingExecutors executors = new RestingExecutors(cluster, "partition", "PRT-USDT");
    executors.openMarket(api);
    executors.create(api, 12);

    final int cutOff = executors.hostedBy(nodes.get(1)).size() >= executors.hostedBy(nodes.get(2)).size() ? 1 : 2;
    final NodeProcess minority = nodes.get(cutOff);
    final String createdOnMinority = executors.createHostedBy(minority);
    final List<String> moved = executors.hostedBy(minority);

    final long cut = System.nanoTime();
    for (int other = 0; other < 3; other++) {
      if (other != cutOff) {
        network.cut(cutOff, other);
      }
    }
    // While the two sides cannot talk, the orders fill on quotes set through the majority: the
    // fills of the cut-off node's executors must reach them wherever they run again.
    executors.fill(api);
    assertTrue(minority.awaitExit(Duration.ofSeconds(90)), minority.name + " downs itself and stops");
    final double minorityGone = (System.nanoTime() - cut) / 1e9;
    for (String id : moved) {
      cluster.await(api, id, e -> "RUNNING".equals(e.get("status").asText()));
    }
    final double resumed = (System.nanoTime() - cut) / 1e9;
    Files.writeString(Path.of("target", "partition-seconds.txt"), String.format(Locale.ROOT,
        "%.1f s from the cut to the minority node's exit, %.1f s to the last of its %d executors running again%n",
        minorityGone, resumed, moved.size()));
    System.out.printf(Locale.ROOT, "ClusterPartitionIT: minority gone after %.1f s, %d executors running again after %.1f s%n",
        minorityGone, moved.size(), resumed);

    executors.assertOneOrderEach(api);
    final List<NodeProcess> majority = nodes.stream().filter(n -> n != minority).toList();
    final NodeProcess nowHosting = executors.hostedBy(majority.get(0)).contains(createdOnMinority)
        ? majority.get(0) : majority.get(1);
    final NodeProcess quoting = nowHosting == majority.get(0) ? majority.get(1) : majority.get(0);
    assertTrue(executors.hostedBy(nowHosting).contains(createdOnMinority));
    executors.takeProfit(quoting, quoting);

    final JournalWriters journal = JournalWriters.check(cluster.journalKeyspace());
    for (String id : moved) {
      assertEquals(2, journal.of("Executor", id).size(),
          id + ": written by the cut-off node, then by one survivor: " + journal.of("Executor", id));
    }
  }
}
