package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.order.RejectReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A balance refusal of the first order, before anything filled, ends an executor
 * INSUFFICIENT_BALANCE at once, without a retry: more attempts would be refused alike. A type
 * whose first order stands alone implements this in its failure test.
 *
 * @param <R> the type's run
 */
public interface BalanceRefusalContract<R extends ExecutorRun<?, R, ?>> {
  /** A started run of the type whose first order (sequence 1) is live, nothing filled. */
  R firstOrderLive();

  @Test
  default void shouldEndInsufficientBalanceWhenTheFirstOrderIsRefusedForBalance() {
    final R run = firstOrderLive();
    final String first = run.executor().config().id() + "-1";
    final int before = run.journal().size();
    run.rejected(1, RejectReason.INSUFFICIENT_BALANCE);

    assertEquals(
        List.of("failed " + first + " INSUFFICIENT_BALANCE", "terminated INSUFFICIENT_BALANCE"),
        EventText.STANDARD.all(run.journal().subList(before, run.journal().size())));
    assertEquals(0, run.executor().retries());
    assertEquals(List.of(), run.tick(), "no retry");
    assertEquals(1, run.report().errorCount());
    assertEquals("INSUFFICIENT_BALANCE: refused", run.report().lastError());
  }
}
