package dev.osprey.testkit.cassandra;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HOCON for pekko-persistence-cassandra 1.1.0 against a test node, with keyspaces of its own.
 *
 * <p>Each call gets fresh keyspaces so that test classes sharing the per-JVM node never see each
 * other's events; the node itself is new in every test JVM, so a per-JVM counter is unique.
 */
final class PekkoCassandraConfig {
  /** Cassandra keyspace names: at most 48 characters of letters, digits and underscores. */
  private static final int MAX_KEYSPACE = 48;
  private static final String SNAPSHOT_SUFFIX = "_snapshot";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private PekkoCassandraConfig() {}

  /** A journal keyspace name starting with {@code prefix} that no earlier call returned. */
  static String uniqueKeyspace(final String prefix) {
    final String suffix = "_" + COUNTER.incrementAndGet();
    String base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "k" + base;
    }
    final int room = MAX_KEYSPACE - SNAPSHOT_SUFFIX.length() - suffix.length();
    return (base.length() > room ? base.substring(0, room) : base) + suffix;
  }

  /** The snapshot keyspace paired with a journal keyspace. */
  static String snapshotKeyspace(final String journalKeyspace) {
    return journalKeyspace + SNAPSHOT_SUFFIX;
  }

  /**
   * Journal and snapshot plugins with schema auto-creation (tests only; production uses DDL) and
   * the driver pointed at {@code contactPoint}. The driver reconnects on init because the first
   * session may race the node's schema agreement, and the 10 s request timeout covers the first
   * keyspace creation, which takes several seconds.
   */
  static String render(final String contactPoint, final String journalKeyspace) {
    return String.join(
        "\n",
        "pekko.persistence.journal.plugin = \"pekko.persistence.cassandra.journal\"",
        "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.cassandra.snapshot\"",
        "pekko.persistence.cassandra.journal {",
        "  keyspace = \"" + journalKeyspace + "\"",
        "  keyspace-autocreate = true",
        "  tables-autocreate = true",
        "}",
        "pekko.persistence.cassandra.snapshot {",
        "  keyspace = \"" + snapshotKeyspace(journalKeyspace) + "\"",
        "  keyspace-autocreate = true",
        "  tables-autocreate = true",
        "}",
        "pekko.projection.cassandra.offset-store.keyspace = \"" + journalKeyspace + "\"",
        "osprey.read-model.tables-autocreate = true",
        "datastax-java-driver {",
        "  basic.contact-points = [\"" + contactPoint + "\"]",
        "  basic.load-balancing-policy.local-datacenter = \"datacenter1\"",
        "  basic.request.timeout = 10s",
        "  advanced.reconnect-on-init = true",
        "}",
        "");
  }
}
