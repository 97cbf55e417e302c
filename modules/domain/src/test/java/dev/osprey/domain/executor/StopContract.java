package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stops that every executor type treats alike: one before the start ends it at once (and the
 * start that follows does nothing), one while it already closes changes nothing. A type's stop
 * test implements this to run these tests on its own config.
 *
 * <p>Decisions are read from the journal in the standard text, so the tests hold whatever a run
 * returns to its own tests.
 *
 * @param <R> the type's run
 */
public interface StopContract<R extends ExecutorRun<?, R, ?>> {
  /**
   * The runs the stop tests need.
   *
   * @param unstarted a run of the type's default config, not started yet
   * @param holding a started run that holds a filled position and still has work to close
   */
  record Runs<R>(Supplier<R> unstarted, Supplier<R> holding) {}

  Runs<R> stopRuns();

  /**
   * Stops {@code run} keeping its position while its order {@code seq} is the only one live, and
   * asserts that the executor cancels that order and hands nothing over before the cancel is
   * confirmed: then it ends POSITION_HOLD.
   */
  static void assertHoldsOnceCancelled(final ExecutorRun<?, ?, ?> run, final int seq) {
    final String order = run.executor().config().id() + "-" + seq;
    int from = run.journal().size();
    run.stop(true);
    assertEquals(List.of("shutdown POSITION_HOLD", "cancel " + order), textSince(run, from));
    assertTrue(run.executor().heldOrders().isEmpty(), "nothing is handed over before it ends");
    from = run.journal().size();
    run.cancelled(seq);
    assertEquals(List.of("cancelled " + order, "terminated POSITION_HOLD"), textSince(run, from));
  }

  private static List<String> textSince(final ExecutorRun<?, ?, ?> run, final int from) {
    final List<ExecutorEvent> journal = run.journal();
    return EventText.STANDARD.all(journal.subList(from, journal.size()));
  }

  @ParameterizedTest(name = "keep position {0}")
  @ValueSource(booleans = {true, false})
  default void shouldEndEarlyStopWhenStoppedBeforeStart(final boolean keepPosition) {
    final R run = stopRuns().unstarted().get();
    run.stop(keepPosition);

    assertEquals(List.of("terminated EARLY_STOP"), EventText.STANDARD.all(run.journal()));
    assertEquals(List.of(), run.start());
  }

  @Test
  default void shouldIgnoreAStopWhileAlreadyClosing() {
    final R run = stopRuns().holding().get();
    run.stop(false);

    assertEquals(List.of(), run.stop(true));
    assertEquals(RunnableStatus.SHUTTING_DOWN, run.executor().status());
    assertEquals(CloseType.EARLY_STOP, run.executor().closeType().orElseThrow());
  }
}
