package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Before its start every executor type behaves alike: created NOT_STARTED with no order, deaf to
 * the market. A type's start test implements this to run these tests on its own config.
 *
 * @param <R> the type's run
 */
public interface StartContract<R extends ExecutorRun<?, R, ?>> {
  /** A run of the type's default config, not started yet. */
  R unstarted();

  @Test
  default void shouldBeCreatedNotStartedWithoutOrders() {
    final Executor e = unstarted().executor();

    assertEquals(RunnableStatus.NOT_STARTED, e.status());
    assertTrue(e.orders().all().isEmpty());
    assertEquals(Optional.empty(), e.closeType());
    assertEquals(Optional.empty(), e.wakeUpAt());
  }

  @Test
  default void shouldIgnoreMarketChangesBeforeStart() {
    final R run = unstarted();

    assertEquals(List.of(), run.quote("99", "101"));
    assertEquals(RunnableStatus.NOT_STARTED, run.executor().status());
  }
}
