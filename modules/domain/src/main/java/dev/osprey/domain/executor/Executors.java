package dev.osprey.domain.executor;

import dev.osprey.domain.executor.order.OrderExecutor;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutor;
import dev.osprey.domain.executor.position.PositionExecutorConfig;

/** The standard executor factory: one state machine per config type. */
public final class Executors {
  private Executors() {}

  public static ExecutorFactory standard() {
    return Executors::create;
  }

  public static Executor create(final ExecutorConfig config) {
    if (config instanceof PositionExecutorConfig p) {
      return PositionExecutor.create(p);
    }
    if (config instanceof OrderExecutorConfig o) {
      return OrderExecutor.create(o);
    }
    throw new IllegalArgumentException("no executor for type " + config.type());
  }
}
