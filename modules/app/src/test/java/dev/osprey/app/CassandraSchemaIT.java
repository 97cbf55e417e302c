package dev.osprey.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.testkit.ManualClock;
import dev.osprey.testkit.cassandra.TestCassandra;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/cql/schema.cql} (the production DDL; production does not auto-create schema) is
 * exactly what the journal and snapshot plugins create. A node runs once with auto-creation on a
 * scratch keyspace; its tables are read back from Cassandra and compared with the file, so the file
 * cannot drift from the plugin version in use. {@code -Dosprey.schema.write=true} rewrites the file.
 */
class CassandraSchemaIT {
  private static final Path SCHEMA = Path.of("../../deploy/cql/schema.cql").toAbsolutePath().normalize();
  private static final String HEADER = """
      -- Osprey production schema: the Cassandra journal (with its events-by-tag tables), snapshot store,
      -- the executor projection's offsets and its read model (executor_read_model), and their keyspaces.
      -- Generated from the plugins' and the read model's own auto-created tables by CassandraSchemaIT
      -- (which fails when this file and the plugin drift apart). Adjust the replication to your
      -- datacenters before running it: cqlsh -f deploy/cql/schema.cql
      """;

  @Test
  void shouldMatchTheTablesThePluginsCreate() throws Exception {
    final TestCassandra cassandra = TestCassandra.get();
    final Config config = CassandraNodeConfig.of(PaperTestVenue.holding("USDT", "0")
        .withFallback(ConfigFactory.parseString(cassandra.pekkoConfig("schema"))));
    final ManualClock clock = ManualClock.at("2026-05-01T00:00:00Z");
    final OspreyNode node = OspreyNode.start(config, clock);
    try {
      PaperTestVenue.quote(node, TradingPair.parse("SCH-USDT"), "10", "10");
      node.engine().executors().create(new PositionExecutorConfig("schema1", "schema", clock.instant(), "paper",
          TradingPair.parse("SCH-USDT"), Side.BUY, Price.of("5"), Quantity.of("1"), TripleBarrierConfig.none(),
          null, null, null)).toCompletableFuture().get(60, TimeUnit.SECONDS);
    } finally {
      node.stop();
    }
    final String journal = config.getString("pekko.persistence.cassandra.journal.keyspace");
    final String snapshot = config.getString("pekko.persistence.cassandra.snapshot.keyspace");
    final String actual = HEADER + render(cassandra, journal, "osprey") + render(cassandra, snapshot, "osprey_snapshot");
    if (Boolean.getBoolean("osprey.schema.write")) {
      Files.createDirectories(SCHEMA.getParent());
      Files.writeString(SCHEMA, actual);
    }
    assertEquals(actual, Files.readString(SCHEMA),
        "deploy/cql/schema.cql differs from the plugins' tables; rerun with -Dosprey.schema.write=true");
  }

  /** The keyspace's CQL with production names and a placeholder replication. */
  private static String render(final TestCassandra cassandra, final String keyspace, final String productionName) {
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress("127.0.0.1", cassandra.cqlPort()))
        .withLocalDatacenter("datacenter1")
        .build()) {
      final KeyspaceMetadata ks = session.getMetadata().getKeyspace(keyspace).orElseThrow();
      final StringBuilder out = new StringBuilder();
      out.append("\nCREATE KEYSPACE IF NOT EXISTS ").append(productionName)
          .append("\n  WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3};\n");
      final Map<String, TableMetadata> tables = new TreeMap<>();
      ks.getTables().forEach((name, table) -> tables.put(name.asInternal(), table));
      for (TableMetadata t : tables.values()) {
        final List<String> lines = new ArrayList<>();
        for (String line : t.describe(true).split("\n")) {
          lines.add(line);
        }
        out.append('\n').append(String.join("\n", lines)
            .replace(keyspace + ".", productionName + ".")
            .replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")).append('\n');
      }
      return out.toString();
    }
  }
}
