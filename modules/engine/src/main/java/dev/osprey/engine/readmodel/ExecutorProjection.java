package dev.osprey.engine.readmodel;

import com.typesafe.config.Config;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.executor.ExecutorTags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The executor projection: one instance per tag slice ({@link ExecutorTags}), run as a sharded
 * daemon process so the cluster spreads the slices over its nodes and restarts them elsewhere.
 *
 * <p>{@code cassandra} (production): Pekko Projections' at-least-once Cassandra projection over
 * {@code eventsByTag}, offsets in the Cassandra offset store, rows in {@link
 * CassandraExecutorReadModel}. {@code in-memory} (nodes on the in-memory test journal): the same
 * handler over the test journal's {@code currentEventsByTag}, polled (see {@link #inMemory}), with
 * what it has seen kept in memory as the journal is; the read model is {@link
 * InMemoryExecutorReadModel}.
 */
public final class ExecutorProjection {
  public static final String NAME = "executor-read-model";

  private ExecutorProjection() {}

  /** Knobs from {@code osprey.read-model}. */
  record Settings(boolean inMemory, String queryPlugin, boolean tablesAutocreate, String keyspace, Duration inMemoryPoll) {
    static Settings fromConfig(final Config root) {
      final Config c = root.getConfig("osprey.read-model");
      final String store = c.getString("store");
      if (!store.equals("cassandra") && !store.equals("in-memory")) {
        throw new IllegalArgumentException("osprey.read-model.store must be cassandra or in-memory, got " + store);
      }
      return new Settings(store.equals("in-memory"), c.getString("query-plugin"), c.getBoolean("tables-autocreate"),
          root.getString("pekko.persistence.cassandra.journal.keyspace"), c.getDuration("in-memory-poll"));
    }
  }

  /**
   * Starts the read model and the projection that keeps it; returns the read model.
   *
   * @param journalReady completes once the journal answered (in dev and tests it has then created
   *     its keyspace and tables, and the read model's tables are created after it: concurrent
   *     schema changes on one keyspace are slow and may conflict)
   */
  public static ExecutorReadModel start(
      final ActorSystem<?> system, final EngineContext engine, final Supplier<CompletionStage<?>> journalReady) {
    final Settings settings = Settings.fromConfig(system.settings().config());
    final ViewCodec codec = new ViewCodec(system);
    if (settings.inMemory()) {
      final ExecutorReadModel model = new InMemoryExecutorReadModel(codec);
      startDaemons(system, engine, settings, model);
      return model;
    }
    final CompletableFuture<Done> tables = new CompletableFuture<>();
    final ExecutorReadModel model = CassandraExecutorReadModel.start(system, settings.keyspace(), codec, tables);
    if (!settings.tablesAutocreate()) {
      tables.complete(Done.getInstance());
      startDaemons(system, engine, settings, model);
      return model;
    }
    journalReady.get()
        .thenCompose(x -> CassandraProjection.createTablesIfNotExists(system))
        .thenCompose(d -> CassandraExecutorReadModel.createTable(system, settings.keyspace()))
        .whenComplete((d, err) -> {
          if (err != null) {
            system.log().error("executor read model: creating its tables failed", err);
            tables.completeExceptionally(err);
          } else {
            tables.complete(Done.getInstance());
            startDaemons(system, engine, settings, model);
          }
        });
    return model;
  }

  private static void startDaemons(
      final ActorSystem<?> system, final EngineContext engine, final Settings settings, final ExecutorReadModel model) {
    final ExecutorProjectionHandler.Journal journal = journal(system, settings.queryPlugin());
    final List<String> tags = ExecutorTags.all();
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, NAME, tags.size(), i -> {
      final String tag = tags.get(i);
      final ExecutorProjectionHandler handler = new ExecutorProjectionHandler(model, engine, journal);
      if (settings.inMemory()) {
        return inMemory(system, settings, tag, handler);
      }
      final SourceProvider<Offset, EventEnvelope<ExecutorEntity.Event>> source =
          EventSourcedProvider.eventsByTag(system, settings.queryPlugin(), tag);
      return ProjectionBehavior.create(CassandraProjection.atLeastOnce(ProjectionId.of(NAME, tag), source, () -> handler));
    }, ShardedDaemonProcessSettings.create(system), Optional.of(ProjectionBehavior.stopMessage()));
  }

  private static ExecutorProjectionHandler.Journal journal(final ActorSystem<?> system, final String queryPlugin) {
    final CurrentEventsByPersistenceIdQuery query = PersistenceQuery.get(Adapter.toClassic(system))
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, queryPlugin);
    return (pid, toSeqNr) -> query.currentEventsByPersistenceId(pid, 0L, toSeqNr)
        .map(env -> (ExecutorEntity.Event) env.event())
        .runWith(Sink.seq(), system);
  }

  /**
   * The in-memory run. The test journal's live {@code eventsByTag} can skip events when several
   * executors write at once (its offset is the per-executor sequence number and its order a
   * timestamp taken before the write), so this polls {@code currentEventsByTag} and hands the
   * handler each executor's events it has not seen yet, in order.
   */
  private static Behavior<ProjectionBehavior.Command> inMemory(
      final ActorSystem<?> system, final Settings settings, final String tag,
      final ExecutorProjectionHandler handler) {
    final CurrentEventsByTagQuery query = PersistenceQuery.get(Adapter.toClassic(system))
        .getReadJournalFor(CurrentEventsByTagQuery.class, settings.queryPlugin());
    return Behaviors.setup(ctx -> {
      final Map<String, Long> seen = new ConcurrentHashMap<>();
      final UniqueKillSwitch kill = RestartSource
          .withBackoff(RestartSettings.create(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1), () ->
              Source.tick(Duration.ZERO, settings.inMemoryPoll(), "poll")
                  .flatMapConcat(t -> query.currentEventsByTag(tag, Offset.noOffset()))
                  .filter(env -> env.sequenceNr() > seen.getOrDefault(env.persistenceId(), 0L))
                  .mapAsync(1, env -> handler.process(EventEnvelope.create(env.offset(), env.persistenceId(),
                          env.sequenceNr(), (ExecutorEntity.Event) env.event(), env.timestamp()))
                      .thenApply(d -> seen.merge(env.persistenceId(), env.sequenceNr(), Math::max))))
          .viaMat(KillSwitches.single(), Keep.right())
          .to(Sink.ignore())
          .run(ctx.getSystem());
      return Behaviors.receive(ProjectionBehavior.Command.class)
          .onAnyMessage(m -> Behaviors.stopped())
          .onSignal(PostStop.class, s -> {
            kill.shutdown();
            return Behaviors.same();
          })
          .build();
    });
  }
}
