package dev.osprey.testkit.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PekkoCassandraConfigTest {
  private static final String VALID_KEYSPACE = "[a-z][a-z0-9_]{0,47}";

  @Test
  void shouldGiveEveryCallItsOwnKeyspace() {
    assertNotEquals(
        PekkoCassandraConfig.uniqueKeyspace("executor"),
        PekkoCassandraConfig.uniqueKeyspace("executor"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "executor", "Order-Executor IT", "1st", "", "a_very_long_prefix_of_a_test_class_name_xxxx"
      })
  void shouldProduceValidKeyspaceNamesForAnyPrefix(final String prefix) {
    final String journal = PekkoCassandraConfig.uniqueKeyspace(prefix);
    assertTrue(journal.matches(VALID_KEYSPACE), journal);
    final String snapshot = PekkoCassandraConfig.snapshotKeyspace(journal);
    assertTrue(snapshot.matches(VALID_KEYSPACE), snapshot);
  }

  @Test
  void shouldKeepReadablePrefix() {
    assertTrue(PekkoCassandraConfig.uniqueKeyspace("Order-Executor").startsWith("order_executor_"));
  }

  @Test
  void shouldConfigureBothPluginsAndDriverInParsableHocon() {
    final Config config =
        ConfigFactory.parseString(PekkoCassandraConfig.render("127.0.0.1:19042", "ks_1"));
    assertEquals(
        "pekko.persistence.cassandra.journal",
        config.getString("pekko.persistence.journal.plugin"));
    assertEquals(
        "pekko.persistence.cassandra.snapshot",
        config.getString("pekko.persistence.snapshot-store.plugin"));
    for (final String plugin : List.of("journal", "snapshot")) {
      final Config c = config.getConfig("pekko.persistence.cassandra." + plugin);
      assertTrue(c.getBoolean("keyspace-autocreate"), plugin);
      assertTrue(c.getBoolean("tables-autocreate"), plugin);
    }
    assertEquals("ks_1", config.getString("pekko.persistence.cassandra.journal.keyspace"));
    assertEquals(
        "ks_1_snapshot", config.getString("pekko.persistence.cassandra.snapshot.keyspace"));
    final Config driver = config.getConfig("datastax-java-driver");
    assertEquals(List.of("127.0.0.1:19042"), driver.getStringList("basic.contact-points"));
    assertEquals(
        "datacenter1", driver.getString("basic.load-balancing-policy.local-datacenter"));
    assertEquals(Duration.ofSeconds(10), driver.getDuration("basic.request.timeout"));
    assertTrue(driver.getBoolean("advanced.reconnect-on-init"));
  }
}
