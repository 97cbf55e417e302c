package dev.osprey.engine;

import dev.osprey.domain.executor.ExecutorFactory;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.ExchangeConnector;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The engine on a one-node test cluster ({@link TestNodeConfig#inMemory}) over one paper venue
 * named {@code "paper"}: how the engine tests start it, wait on it and stop it.
 */
final class TestEngine {
  private TestEngine() {}

  /** Joins {@code testKit}'s node to itself and starts the engine on {@code paper}. */
  static OspreyEngine start(
      final ActorTestKit testKit, final ExchangeConnector venue, final Clock clock, final ExecutorFactory factory) {
    final Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return OspreyEngine.start(testKit.system(), new EngineContext(new Venues(List.of(venue)), clock,
        factory, EngineSettings.fromConfig(testKit.system().settings().config())));
  }

  static void stop(final OspreyEngine engine, final ActorTestKit testKit) {
    engine.close();
    testKit.shutdownTestKit();
  }

  /** The result of {@code stage}, waiting at most 20 s. */
  static <T> T await(final CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /**
   * {@link #await}, failing with an {@link AssertionError} instead of a checked exception, for the
   * checks that a test probe retries until they pass.
   */
  static <T> T resultOf(final CompletionStage<T> stage) {
    try {
      return await(stage);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
