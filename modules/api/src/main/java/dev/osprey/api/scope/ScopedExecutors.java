package dev.osprey.api.scope;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ExecutorGateway;
import dev.osprey.engine.gateway.ExecutorSearch;
import dev.osprey.engine.gateway.SearchResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The executors of an agent harness's controllers only. */
public final class ScopedExecutors extends ScopedGateway<ExecutorGateway> implements ExecutorGateway {
  public ScopedExecutors(final ExecutorGateway inner, final ControllerScope scope) {
    super(inner, scope);
  }

  @Override
  public CompletionStage<ExecutorView> create(final ExecutorConfig config) {
    return scope.require(config.controllerId(), () -> inner.create(config));
  }

  @Override
  public CompletionStage<ExecutorView> get(final String executorId) {
    return inner.get(executorId).thenCompose(v -> scope.require(v.config().controllerId(),
        () -> java.util.concurrent.CompletableFuture.completedFuture(v)));
  }

  @Override
  public CompletionStage<ExecutorView> stop(final String executorId, final boolean keepPosition) {
    return get(executorId).thenCompose(v -> inner.stop(executorId, keepPosition));
  }

  @Override
  public CompletionStage<SearchResult> search(final ExecutorSearch query) {
    return inner.search(narrowed(query));
  }

  @Override
  public CompletionStage<List<ExecutorView>> list(final ExecutorSearch query) {
    return inner.list(narrowed(query));
  }

  /** The query over the scope's controllers (those it names, or all of them when it names none). */
  private ExecutorSearch narrowed(final ExecutorSearch q) {
    final Set<String> ids = new HashSet<>(q.controllerIds().isEmpty() ? scope.controllers() : q.controllerIds());
    ids.retainAll(scope.controllers());
    if (ids.isEmpty()) {
      // None of its own: a filter no executor matches.
      ids.add("\u0000none");
    }
    return new ExecutorSearch(q.limit(), q.cursor(), ids, q.connectorNames(), q.tradingPairs(), q.executorTypes(),
        q.statuses());
  }
}
