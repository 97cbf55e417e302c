package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorRun;
import java.util.List;

/**
 * {@link ExecutorRun} of an {@link LpExecutor}. The pool price is set as a book whose bid and ask
 * are both that price, so the mid is exactly it.
 */
final class LpRun extends ExecutorRun<LpExecutor, LpRun, List<ExecutorEvent>> {

  LpRun(final LpExecutorConfig config) {
    super(() -> LpExecutor.create(config), LpConfigs.PAIR, LpConfigs.T0, facts -> facts);
  }

  /** Sets the pool price without telling the executor. */
  LpRun price(final String p) {
    return book(p, p);
  }

  /** The pool price moves to {@code p}. */
  List<ExecutorEvent> move(final String p) {
    return quote(p, p);
  }
}
