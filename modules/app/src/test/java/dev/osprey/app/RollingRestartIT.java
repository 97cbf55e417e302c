package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of all three node processes, one at a time (SIGTERM, start again on the same
 * ports, ready), under a steady stream of HTTP creates, reads and stops spread over whichever nodes
 * answer: every create and stop that was acknowledged (201, 200) holds afterwards: the executor
 * exists, and a stopped one is terminated. A command that failed (the node was going away) may or
 * may not have happened; it is not counted.
 */
class RollingRestartIT {
  @AutoClose
  private static ProcessCluster cluster;

  @Test
  void shouldLoseNoAcknowledgedCommandWhileEveryNodeRestarts() throws Exception {
    cluster = new ProcessCluster("rolling", 3);
    ProcessCluster.quote(cluster.nodes.get(0), "ROL-USDT", "99.9", "100");
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final Set<String> stopped = ConcurrentHashMap.newKeySet();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread load = new Thread(() -> {
      int n = 0;
      while (running.get()) {
        n++;
        final NodeProcess via = cluster.nodes.get(n % 3);
        final String id = String.format(Locale.ROOT, "rol%04d", n);
        try {
          final HttpResponse<String> c = via.api("POST", "/executors/", """
              {"controller_id": "rolling", "executor_config": {"id": "%s", "type": "order_executor",
                "connector_name": "paper", "trading_pair": "ROL-USDT", "side": "BUY", "amount": "1",
                "execution_strategy": "LIMIT", "price": "50"}}""".formatted(id), Duration.ofSeconds(30));
          if (c.statusCode() == 201) {
            created.add(id);
          } else {
            failed.incrementAndGet();
          }
          via.api("GET", "/executors/" + id, null, Duration.ofSeconds(10));
          if (n % 3 == 0 && created.contains(id)) {
            final HttpResponse<String> s = via.api("POST", "/executors/" + id + "/stop/",
                "{\"keep_position\": false}", Duration.ofSeconds(30));
            if (s.statusCode() == 200) {
              stopped.add(id);
            }
          }
        } catch (Exception e) {
          failed.incrementAndGet(); // a node going away: not acknowledged, not counted
        }
      }
    }, "rolling-load");
    load.start();
    for (int i = 0; i < 3; i++) {
      cluster.restart(i);
    }
    running.set(false);
    load.join();

    System.out.printf(Locale.ROOT, "RollingRestartIT: %d creates and %d stops acknowledged, %d failed%n",
        created.size(), stopped.size(), failed.get());
    assertTrue(created.size() >= 10, "the load ran through the restarts: " + created.size());
    final NodeProcess api = cluster.nodes.get(0);
    for (String id : created) {
      final String status = cluster.await(api, id, e -> true).get("status").asText();
      assertTrue(List.of("RUNNING", "TERMINATED", "SHUTTING_DOWN").contains(status), id + " " + status);
    }
    for (String id : stopped) {
      assertEquals("TERMINATED",
          cluster.await(api, id, e -> "TERMINATED".equals(e.get("status").asText())).get("status").asText());
    }
  }
}
