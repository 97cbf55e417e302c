package dev.osprey.bench.node;

import com.typesafe.config.Config;
import dev.osprey.domain.executor.Executors;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.EngineSettings;
import dev.osprey.engine.OspreyEngine;
import dev.osprey.engine.venue.Venues;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * Osprey's engine in this JVM, as {@code OspreyNode} starts it (one-node cluster, every sharded
 * entity type, the read model), on one {@link CountingVenue} named {@code paper} instead of the
 * node's cluster-wide paper venues, and without the HTTP layer: the live-path harnesses push
 * quotes into the venue and count what comes out, with no hook in the engine.
 */
public final class EngineNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final OspreyEngine engine;
  private final CountingVenue venue;

  private EngineNode(final ActorSystem<Void> system, final OspreyEngine engine, final CountingVenue venue) {
    this.system = system;
    this.engine = engine;
    this.venue = venue;
  }

  public static EngineNode start(final Config config) throws Exception {
    final CountingVenue venue = new CountingVenue("paper", Map.of("USDT", new BigDecimal("1000000000000")));
    final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "osprey", config);
    final Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    final OspreyEngine engine = OspreyEngine.start(system, new EngineContext(new Venues(List.of(venue)),
        Clock.systemUTC(), Executors.standard(), EngineSettings.fromConfig(config)));
    // Ready when the journal answers (the first write to a fresh keyspace creates its tables).
    engine.controllers().controllers().toCompletableFuture().get(3, TimeUnit.MINUTES);
    return new EngineNode(system, engine, venue);
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public OspreyEngine engine() {
    return engine;
  }

  public CountingVenue venue() {
    return venue;
  }

  @Override
  public void close() throws Exception {
    engine.close();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
