package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.osprey.cassandra.FreePorts;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/**
 * Osprey nodes as real processes ({@link NodeProcess}) on the test Cassandra, every one a seed
 * node, trading on one paper venue ({@link PaperTestVenue}, 100000 USDT):
 * what the tests that kill or restart nodes share.
 */
final class ProcessCluster implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  final List<NodeProcess> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Path dir;
  private final String config;
  private final String journalKeyspace;
  private final NodeNetwork network;
  private final List<NodeProcess.Ports> ports = new ArrayList<>();
  private final ActorTestKit probes = ActorTestKit.create("process-cluster-probes");

  /** Starts {@code size} nodes on 127.0.0.1; see {@link #ProcessCluster(String, int, NodeNetwork)}. */
  ProcessCluster(final String name, final int size) throws Exception {
    this(name, size, NodeNetwork.LOOPBACK);
  }

  /**
   * Starts {@code size} nodes on {@code network}, logs under {@code target/<name>}, and waits
   * until all are ready. The cluster closes the network with itself.
   */
  ProcessCluster(final String name, final int size, final NodeNetwork network) throws Exception {
    this.dir = Path.of("target", name);
    this.network = network;
    final String cassandra = TestCassandra.get().pekkoConfig(name);
    this.journalKeyspace = ConfigFactory.parseString(cassandra).getString("pekko.persistence.cassandra.journal.keyspace");
    this.config = String.join("\n", cassandra,
        "datastax-java-driver.basic.contact-points = [\""
            + network.cassandraContactPoint(TestCassandra.get().contactPoint()) + "\"]",
        "pekko.loglevel = INFO", PaperTestVenue.hocon("USDT", "100000"));
    // Ports free on 127.0.0.1 are free on a namespace's own address too.
    final int[] free = FreePorts.find(3 * size);
    for (int i = 0; i < size; i++) {
      ports.add(new NodeProcess.Ports(network.host(i), free[3 * i], free[3 * i + 1], free[3 * i + 2]));
    }
    try {
      for (int i = 0; i < size; i++) {
        nodes.add(start(i));
        if (i == 0) { // the first seed forms the cluster; the others join it
          awaitReady(nodes.get(0));
        }
      }
      nodes.forEach(this::awaitReady);
    } catch (Exception | AssertionError e) {
      try {
        close(); // the nodes started so far, and the network: the caller gets no cluster to close
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Stops node {@code i} gracefully (SIGTERM) and starts it again on the same ports. */
  void restart(final int i) throws Exception {
    nodes.get(i).close();
    nodes.set(i, start(i));
    awaitReady(nodes.get(i));
  }

  private NodeProcess start(final int i) throws java.io.IOException {
    return NodeProcess.start(dir, "node" + (i + 1), config, ports.get(i), network.launcher(i), ports);
  }

  /** The keyspace of the nodes' journal on the test Cassandra. */
  String journalKeyspace() {
    return journalKeyspace;
  }

  void awaitReady(final NodeProcess n) {
    eventually(Duration.ofSeconds(180), () -> {
      assertEquals(200, n.management("/ready"), n.name + " not ready");
      return null;
    });
  }

  /** Retries {@code check} (it asks other processes) until it passes or {@code limit} is over. */
  <T> T eventually(final Duration limit, final Callable<T> check) {
    return probes.createTestProbe().awaitAssert(limit, Duration.ofMillis(100), () -> {
      try {
        return check.call();
      } catch (AssertionError e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  static JsonNode executor(final NodeProcess via, final String id) throws Exception {
    final HttpResponse<String> r = via.api("GET", "/executors/" + id, null, Duration.ofSeconds(3));
    assertEquals(200, r.statusCode(), () -> id + ": " + r.body());
    return JSON.readTree(r.body());
  }

  JsonNode await(final NodeProcess via, final String id, final Predicate<JsonNode> done) {
    return eventually(Duration.ofSeconds(90), () -> {
      final JsonNode e = executor(via, id);
      assertTrue(done.test(e), () -> id + " not yet: " + e);
      return e;
    });
  }

  static void quote(final NodeProcess via, final String pair, final String bid, final String ask)
      throws Exception {
    final HttpResponse<String> r = via.api("POST", "/paper/markets/" + pair + "/quote",
        "{\"bid\": \"" + bid + "\", \"ask\": \"" + ask + "\"}", Duration.ofSeconds(30));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Override
  public void close() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
    probes.shutdownTestKit();
    network.close();
  }
}
