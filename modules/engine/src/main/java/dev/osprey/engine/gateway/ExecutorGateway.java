package dev.osprey.engine.gateway;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.engine.executor.ExecutorView;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP layer may do with executors. Failures complete the stage with an {@link
 * dev.osprey.engine.EntityError.GatewayException} whose kind says how to answer.
 */
public interface ExecutorGateway {
  /** Validates, asks the controller's risk supervisor, and creates. {@code config} has its identity. */
  CompletionStage<ExecutorView> create(ExecutorConfig config);

  CompletionStage<ExecutorView> get(String executorId);

  CompletionStage<ExecutorView> stop(String executorId, boolean keepPosition);

  CompletionStage<SearchResult> search(ExecutorSearch query);

  /** Every executor matching {@code query} (limit and cursor ignored), newest first. */
  CompletionStage<java.util.List<ExecutorView>> list(ExecutorSearch query);
}
