package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A time limit counts from the config's creation, not from the start: an executor started at or
 * after its deadline ends EXPIRED at once, one started before places its first order. A type with
 * a time limit implements this in its start test.
 *
 * @param <R> the type's run
 */
public interface ExpiryContract<R extends ExecutorRun<?, R, ?>> {
  /**
   * A type's run whose config is limited to 60 s, and the text of the first order it places at
   * start on a book of 99 / 101.
   */
  record LimitedRun<R>(Supplier<R> run, String firstOrder) {}

  LimitedRun<R> limitedTo60s();

  @ParameterizedTest(name = "start {0}s after creation with a 60s limit -> expired {1}")
  @CsvSource({"60, true", "61, true", "59, false"})
  default void shouldExpireAtStartOnlyWhenTheTimeLimitHasPassed(
      final long seconds, final boolean expired) {
    final LimitedRun<R> limited = limitedTo60s();
    final R run = limited.run().get();
    run.book("99", "101").at(seconds).start();

    assertEquals(
        List.of("started", expired ? "terminated EXPIRED" : limited.firstOrder()),
        EventText.STANDARD.all(run.journal()));
  }
}
