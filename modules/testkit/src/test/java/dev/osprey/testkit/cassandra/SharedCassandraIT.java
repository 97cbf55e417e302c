package dev.osprey.testkit.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs against the real node; one node serves all four tests. (Not named {@code Test...IT}:
 * surefire would run a class whose name starts with {@code Test} as a unit test.)
 */
@ExtendWith(CassandraExtension.class)
class SharedCassandraIT {
  @Test
  void shouldShareOneNodePerJvm(final TestCassandra cassandra) {
    assertSame(TestCassandra.get(), cassandra);
    assertTrue(cassandra.node().isRunning());
    assertEquals("127.0.0.1:" + cassandra.cqlPort(), cassandra.contactPoint());
  }

  @Test
  void shouldAcceptTcpConnectionsOnCqlPort(final TestCassandra cassandra) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), cassandra.cqlPort())) {
      assertTrue(socket.isConnected());
    }
  }

  @Test
  void shouldBeRealCassandra509ReachableWithPekkoDriverConfig(final TestCassandra cassandra) {
    final String hocon = cassandra.pekkoConfig("testkit");
    try (CqlSession session =
        CqlSession.builder().withConfigLoader(DriverConfigLoader.fromString(hocon)).build()) {
      final Row local = session.execute("SELECT release_version FROM system.local").one();
      assertEquals("5.0.9", local.getString("release_version"));
      final Row dc = session.execute("SELECT data_center FROM system.local").one();
      assertEquals("datacenter1", dc.getString("data_center"));
    }
  }

  @Test
  void shouldWriteAndReadInKeyspaceNamedByPekkoConfig(final TestCassandra cassandra) {
    final Config config = ConfigFactory.parseString(cassandra.pekkoConfig("Round Trip"));
    final String keyspace = config.getString("pekko.persistence.cassandra.journal.keyspace");
    try (CqlSession session =
        CqlSession.builder()
            .withConfigLoader(DriverConfigLoader.fromString(config.root().render()))
            .build()) {
      session.execute(
          "CREATE KEYSPACE " + keyspace
              + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE " + keyspace + ".kv (k text PRIMARY KEY, v text)");
      session.execute("INSERT INTO " + keyspace + ".kv (k, v) VALUES ('fill-1', '0.25')");
      final Row row = session.execute("SELECT v FROM " + keyspace + ".kv WHERE k = 'fill-1'").one();
      assertEquals("0.25", row.getString("v"));
    }
  }
}
