package dev.osprey.bench.node;

import dev.osprey.app.OspreyNode;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A whole Osprey node in this JVM ({@link OspreyNode}: cluster, engine, cluster-wide paper venue,
 * HTTP API, management) on the shared Cassandra node, in a keyspace of its own.
 */
public final class FullNode {
  private FullNode() {}

  public static OspreyNode start(final String keyspacePrefix) throws Exception {
    final OspreyNode node = OspreyNode.start(
        BenchConfig.cassandra(BenchCassandra.get().contactPoint(), keyspacePrefix + "_" + System.currentTimeMillis()),
        Clock.systemUTC());
    return node;
  }

  /** Quotes {@code pair} on the node's paper venue (a persisted venue change) and waits for it. */
  public static void quote(final OspreyNode node, final TradingPair pair, final String bid, final String ask)
      throws Exception {
    node.paper("paper").setQuote(pair, Price.of(bid), Price.of(ask), null, null)
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
