package dev.osprey.engine.readmodel;

import dev.osprey.domain.executor.Executor;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.executor.ExecutorEntity;
import dev.osprey.engine.executor.ExecutorReplay;
import dev.osprey.engine.executor.ExecutorView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps one tag slice of the read model: folds each executor's events into its state, as the
 * entity does, and upserts the executor's row and view after every event that changes them.
 *
 * <p>States are kept for the executors of the slice that are still running (a bounded cache). An
 * event whose predecessor is not in the cache (the first after a restart, or one re-delivered)
 * rebuilds the state from the journal up to that event, through the read journal; the entity is
 * never involved. A terminated executor leaves the cache: its row is final.
 */
final class ExecutorProjectionHandler extends Handler<EventEnvelope<ExecutorEntity.Event>> {
  /** Running executors whose state is kept between events, per slice. */
  private static final int CACHED_EXECUTORS = 10_000;

  /** The events of one executor up to a sequence number, from the journal. */
  interface Journal {
    CompletionStage<List<ExecutorEntity.Event>> eventsUpTo(String persistenceId, long toSequenceNr);
  }

  private record Folded(long sequenceNr, Executor executor) {}

  private final ExecutorReadModel readModel;
  private final EngineContext engine;
  private final Journal journal;
  private final Map<String, Folded> states = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(final Map.Entry<String, Folded> eldest) {
      return size() > CACHED_EXECUTORS;
    }
  };

  ExecutorProjectionHandler(final ExecutorReadModel readModel, final EngineContext engine, final Journal journal) {
    this.readModel = readModel;
    this.engine = engine;
    this.journal = journal;
  }

  @Override
  public CompletionStage<Done> process(final EventEnvelope<ExecutorEntity.Event> envelope) {
    final String pid = envelope.persistenceId();
    final long seqNr = envelope.sequenceNr();
    if (envelope.event() instanceof ExecutorEntity.NoticeDelivered) {
      // Delivery of a close notice: nothing the row or view shows changes.
      synchronized (states) {
        final Folded cached = states.get(pid);
        if (cached != null && cached.sequenceNr() == seqNr - 1) {
          states.put(pid, new Folded(seqNr, cached.executor()));
        }
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return before(pid, seqNr).thenCompose(previous -> {
      final Executor next = ExecutorReplay.apply(previous, envelope.event(), engine.executorFactory());
      if (next == null) {
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      synchronized (states) {
        if (next.isTerminated()) {
          states.remove(pid);
        } else {
          states.put(pid, new Folded(seqNr, next));
        }
      }
      final ExecutorView view = ExecutorReplay.view(next, engine);
      return readModel.upsert(ExecutorRow.of(view, seqNr), view);
    });
  }

  /** The executor as of event {@code seqNr - 1}: from the cache, or rebuilt from the journal. */
  private CompletionStage<Executor> before(final String pid, final long seqNr) {
    if (seqNr == 1) {
      return CompletableFuture.completedFuture(null);
    }
    final Folded cached;
    synchronized (states) {
      cached = states.get(pid);
    }
    if (cached != null && cached.sequenceNr() == seqNr - 1) {
      return CompletableFuture.completedFuture(cached.executor());
    }
    return journal.eventsUpTo(pid, seqNr - 1).thenApply(events -> {
      Executor ex = null;
      for (ExecutorEntity.Event e : events) {
        ex = ExecutorReplay.apply(ex, e, engine.executorFactory());
      }
      return ex;
    });
  }
}
