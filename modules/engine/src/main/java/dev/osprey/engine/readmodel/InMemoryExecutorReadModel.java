package dev.osprey.engine.readmodel;

import dev.osprey.engine.executor.ExecutorView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;

/**
 * The read model in memory, for nodes on the in-memory journal (tests): same rules as the
 * Cassandra one, views stored serialized as there.
 */
public final class InMemoryExecutorReadModel implements ExecutorReadModel {
  private record Stored(ExecutorRow row, ViewCodec.Encoded view) {}

  private final ViewCodec codec;
  private final Map<String, Stored> byId = new ConcurrentHashMap<>();

  InMemoryExecutorReadModel(final ViewCodec codec) {
    this.codec = codec;
  }

  @Override
  public CompletionStage<Done> upsert(final ExecutorRow row, final ExecutorView view) {
    final Stored next = new Stored(row, codec.encode(view));
    byId.merge(row.executorId(), next, (old, now) -> now.row().version() >= old.row().version() ? now : old);
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public CompletionStage<List<ExecutorRow>> rows(final Collection<String> controllerIds) {
    final List<ExecutorRow> out = new ArrayList<>();
    for (Stored s : byId.values()) {
      if (controllerIds.contains(s.row().controllerId())) {
        out.add(s.row());
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletionStage<List<ExecutorView>> views(final List<ExecutorRow> rows) {
    final List<ExecutorView> out = new ArrayList<>(rows.size());
    for (ExecutorRow r : rows) {
      final Stored s = byId.get(r.executorId());
      if (s == null) {
        return CompletableFuture.failedFuture(new IllegalStateException("no view of executor " + r.executorId()));
      }
      out.add(codec.decode(s.view()));
    }
    return CompletableFuture.completedFuture(out);
  }
}
