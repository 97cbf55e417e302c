package dev.osprey.domain.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.DecimalAssertions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A trailing stop checked step by step. Each step is a bid (the ask a digit above: the bid with
 * {@code "1"} appended), the facts that quote decides ({@link EventText#lines}) and the trigger
 * afterwards (empty for none).
 */
public final class TrailingStopSteps {
  private TrailingStopSteps() {}

  /**
   * Quotes {@code run} at every step, checking its facts as {@code text} reads them and the
   * executor's {@code trigger} after each.
   */
  public static void assertSteps(
      final ExecutorRun<?, ?, List<ExecutorEvent>> run,
      final Function<List<ExecutorEvent>, List<String>> text,
      final Supplier<Optional<BigDecimal>> trigger,
      final String[][] steps) {
    for (String[] step : steps) {
      final List<String> facts = text.apply(run.quote(step[0], step[0] + "1"));
      assertEquals(EventText.lines(step[1]), facts, "bid " + step[0]);
      assertEquals(
          step[2].isEmpty() ? Optional.empty() : Optional.of(step[2]),
          trigger.get().map(DecimalAssertions::plain),
          "trigger after bid " + step[0]);
    }
  }
}
