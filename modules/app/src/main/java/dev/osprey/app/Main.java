package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.api.auth.AuthSettings;
import dev.osprey.cassandra.CassandraLauncher;
import dev.osprey.cassandra.CassandraNode;
import dev.osprey.cassandra.CassandraSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one Osprey node: the local Cassandra node when {@code osprey.cassandra.embedded} (the
 * single-node default), then the actor system with the engine, the paper venues, HTTP and
 * management. SIGTERM or Ctrl-C stops the node first and Cassandra last, so that nothing the node
 * still writes is lost and no process is left behind.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(final String[] args) throws Exception {
    final Config config = ConfigFactory.load();
    try {
      // Checked again by the node; here so that a refused start does not start Cassandra first.
      AuthSettings.fromConfig(config.getConfig("osprey.auth"));
    } catch (IllegalStateException e) {
      LOG.error("Osprey cannot start: {}", e.getMessage());
      System.exit(2);
    }
    final CassandraNode cassandra = startCassandra(config);
    final OspreyNode node;
    try {
      node = OspreyNode.start(withCassandra(config, cassandra), Clock.systemUTC());
    } catch (RuntimeException e) {
      if (cassandra != null) {
        cassandra.stop();
      }
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Pekko's own hook runs coordinated shutdown; wait for it before Cassandra goes away.
      node.awaitTermination();
      if (cassandra != null) {
        LOG.info("stopping Cassandra");
        cassandra.stop();
      }
    }, "osprey-shutdown"));
    node.awaitTermination();
  }

  private static CassandraNode startCassandra(final Config config) {
    final Config c = config.getConfig("osprey.cassandra");
    if (!c.getBoolean("embedded")) {
      return null;
    }
    final Path home = Path.of(System.getProperty("osprey.home", "."));
    final Path dataDir = home.resolve(c.getString("data-dir")).toAbsolutePath().normalize();
    final CassandraSettings settings = CassandraSettings.builder(dataDir)
        .cqlPort(c.getInt("cql-port"))
        .storagePort(c.getInt("storage-port"))
        .heap(c.getString("heap"))
        .build();
    LOG.info("starting Cassandra 5 (data {}, CQL port {})", dataDir, settings.cqlPort());
    final CassandraNode node = new CassandraLauncher(settings).start();
    LOG.info("Cassandra is up on {} after {}", node.contactPoint(), node.startupTime());
    return node;
  }

  private static Config withCassandra(final Config config, final CassandraNode cassandra) {
    if (cassandra == null) {
      return config;
    }
    return ConfigFactory.parseString(
            "datastax-java-driver.basic.contact-points = [\"" + cassandra.contactPoint() + "\"]\n"
                + "pekko.persistence.cassandra.journal.keyspace-autocreate = true\n"
                + "pekko.persistence.cassandra.journal.tables-autocreate = true\n"
                + "pekko.persistence.cassandra.snapshot.keyspace-autocreate = true\n"
                + "pekko.persistence.cassandra.snapshot.tables-autocreate = true\n"
                + "osprey.read-model.tables-autocreate = true\n")
        .withFallback(config);
  }
}
