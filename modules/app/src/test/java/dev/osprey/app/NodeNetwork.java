package dev.osprey.app;

import java.util.List;

/**
 * Where the node processes of a {@link ProcessCluster} live on the network: the address each one
 * binds, how its JVM is launched, and where it finds Cassandra. {@link #LOOPBACK} shares
 * 127.0.0.1; {@link NamespacedNetwork} gives each node a network of its own that a test can cut.
 */
interface NodeNetwork extends AutoCloseable {
  /** All nodes on 127.0.0.1, launched directly, on the test's Cassandra contact point. */
  NodeNetwork LOOPBACK = new NodeNetwork() {
    @Override
    public String host(final int node) {
      return "127.0.0.1";
    }

    @Override
    public List<String> launcher(final int node) {
      return List.of();
    }

    @Override
    public String cassandraContactPoint(final String testContactPoint) {
      return testContactPoint;
    }

    @Override
    public void close() {}
  };

  /** The address node {@code node} (0-based) binds for remoting, HTTP and management. */
  String host(int node);

  /** The command words that go before {@code java} to start node {@code node}. */
  List<String> launcher(int node);

  /** The contact point the nodes use to reach the test Cassandra at {@code testContactPoint}. */
  String cassandraContactPoint(String testContactPoint);

  @Override
  void close() throws Exception;
}
