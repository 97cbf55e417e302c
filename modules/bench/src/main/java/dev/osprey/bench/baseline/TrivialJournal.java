package dev.osprey.bench.baseline;

import dev.osprey.bench.load.FanOutLoad;
import dev.osprey.bench.load.Latencies;
import dev.osprey.engine.CborSerializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * {@code B_journal}: the stock journal of the actor system (pekko-persistence-cassandra, same
 * Cassandra node and keyspace), a trivial event-sourced entity persisting one event per command,
 * as many entities as the harness has executors, driven by the same {@link FanOutLoad}.
 */
public final class TrivialJournal {
  /** Persist one event; {@code sentNanos} > 0 when this command is timed. */
  public record Append(long sentNanos) implements CborSerializable {}

  /** The one event. */
  public record Appended(long sentNanos) implements CborSerializable {}

  /** What one run persisted, and how long the timed commands took from send to durable. */
  public record Outcome(FanOutLoad.Outcome load, Latencies latencies) {}

  private TrivialJournal() {}

  public static Outcome run(final ActorSystem<?> system, final int entities, final int groups,
      final Duration warmUp, final Duration measure, final long window, final int timeEvery) throws Exception {
    final LongAdder persisted = new LongAdder();
    final Latencies latencies = new Latencies(1_000_000);
    final String run = Long.toString(System.currentTimeMillis(), 36);
    final CompletableFuture<ActorRef<Append>[][]> spawned = new CompletableFuture<>();
    system.systemActorOf(Behaviors.<Void>setup(ctx -> {
      @SuppressWarnings("unchecked")
      final ActorRef<Append>[][] refs = new ActorRef[groups][];
      for (int g = 0; g < groups; g++) {
        refs[g] = new ActorRef[entities / groups];
        for (int k = 0; k < refs[g].length; k++) {
          refs[g][k] = ctx.spawn(new Entity(PersistenceId.of("BenchJournal", run + "-" + g + "-" + k),
              persisted, latencies), "journal-" + g + "-" + k);
        }
      }
      spawned.complete(refs);
      return Behaviors.empty();
    }), "bench-journal-" + run, Props.empty());
    final ActorRef<Append>[][] refs = spawned.get(1, TimeUnit.MINUTES);
    final FanOutLoad.Outcome load = new FanOutLoad(i -> {
      final ActorRef<Append>[] group = refs[i % groups];
      final boolean timed = i % timeEvery == 0;
      for (int k = 0; k < group.length; k++) {
        group[k].tell(new Append(timed && k == 0 ? System.nanoTime() : 0));
      }
    }, entities / groups, persisted::sum, window).run(warmUp, measure, 0);
    return new Outcome(load, latencies);
  }

  private static final class Entity extends EventSourcedBehavior<Append, Appended, Long> {
    private final LongAdder persisted;
    private final Latencies latencies;

    Entity(final PersistenceId id, final LongAdder persisted, final Latencies latencies) {
      super(id);
      this.persisted = persisted;
      this.latencies = latencies;
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandler<Append, Appended, Long> commandHandler() {
      return newCommandHandlerBuilder().forAnyState().onCommand(Append.class, c ->
          Effect().persist(new Appended(c.sentNanos())).thenRun(s -> {
            persisted.increment();
            if (c.sentNanos() > 0) {
              latencies.record(System.nanoTime() - c.sentNanos());
            }
          })).build();
    }

    @Override
    public EventHandler<Long, Appended> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onEvent(Appended.class, (s, e) -> s + 1).build();
    }
  }
}
