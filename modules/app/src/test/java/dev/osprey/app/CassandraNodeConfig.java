package dev.osprey.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Config of a node on the test Cassandra ({@code node-cassandra-test.conf}), for the ITs. */
final class CassandraNodeConfig {
  private CassandraNodeConfig() {}

  /** {@code overrides} (at least the test Cassandra's Pekko config) over the test node's config. */
  static Config of(final Config overrides) {
    return overrides
        .withFallback(ConfigFactory.parseResources("node-cassandra-test.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }
}
