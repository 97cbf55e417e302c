package dev.osprey.bench.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/**
 * The configurations the harnesses run Osprey with: the node's own (application.conf) with
 * ephemeral ports, quiet logs, and either a Cassandra keyspace of the harness's own or the
 * in-memory journal.
 */
public final class BenchConfig {
  private BenchConfig() {}

  /** On the shared Cassandra node, in {@code keyspace} (created on first use). */
  public static Config cassandra(final String contactPoint, final String keyspace) {
    return ConfigFactory.parseString(String.join("\n",
            "datastax-java-driver.basic.contact-points = [\"" + contactPoint + "\"]",
            "pekko.persistence.cassandra.journal { keyspace = " + keyspace
                + ", keyspace-autocreate = true, tables-autocreate = true }",
            "pekko.persistence.cassandra.snapshot { keyspace = " + keyspace
                + "_snapshot, keyspace-autocreate = true, tables-autocreate = true }",
            "pekko.projection.cassandra.offset-store.keyspace = " + keyspace,
            "osprey.read-model.tables-autocreate = true"))
        .withFallback(common())
        .resolve();
  }

  /**
   * On the in-memory journal (pekko-persistence-testkit) and the in-memory read model: for the
   * live-path harnesses, whose subject is the path from a quote to a decision, not the journal.
   */
  public static Config inMemory() {
    return PersistenceTestKitPlugin.getInstance().config()
        .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
        .withFallback(ConfigFactory.parseString(
            // Not the subject here; each poll of the test journal reads all of it.
            "osprey.read-model { store = \"in-memory\", query-plugin = \"pekko.persistence.testkit.query\","
                + " in-memory-poll = 30s }"))
        .withFallback(common())
        .resolve();
  }

  private static Config common() {
    return ConfigFactory.parseString(String.join("\n",
            "osprey.http.port = 0",
            "pekko.management.http.port = 0",
            "pekko.remote.artery.canonical.port = 0",
            "pekko.loglevel = WARNING",
            "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on",
            // A bench node stops in seconds: its shards have nowhere to go.
            "pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 2s",
            "pekko.coordinated-shutdown.phases.cluster-leave.timeout = 1s",
            "pekko.coordinated-shutdown.phases.cluster-exiting.timeout = 1s",
            "osprey.cassandra.embedded = false",
            // Creates in bulk on a busy two-core machine answer later than an interactive caller's.
            "osprey.engine.ask-timeout = 60s",
            // Shards reading their remembered ids while other builds load the machine: the 2 s and
            // 5 s defaults stop and restart shards in a loop there; the steady state is the same.
            "pekko.cluster.sharding.waiting-for-state-timeout = 30s",
            "pekko.cluster.sharding.updating-state-timeout = 30s",
            "osprey.paper.random-walk.enabled = false",
            "osprey.paper.state-dir = \"\"",
            "osprey.paper.connectors = [paper]",
            "osprey.paper.venues.paper { maker-fee = \"0\", taker-fee = \"0\" }",
            "osprey.paper.balances { USDT = \"1000000000000\" }"))
        .withFallback(ConfigFactory.load());
  }
}
