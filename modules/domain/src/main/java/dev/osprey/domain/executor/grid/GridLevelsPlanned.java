package dev.osprey.domain.executor.grid;

import dev.osprey.domain.Require;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.util.List;

/**
 * The grid was laid out from the mid price and the venue's trading rules seen at start. Persisted
 * because both change over time: replay must rebuild exactly these levels, not recompute them.
 * {@code step} is the grid's spacing as a fraction of {@code start_price}.
 */
public record GridLevelsPlanned(Price mid, BigDecimal step, List<GridLevel> levels)
    implements ExecutorEvent {

  public GridLevelsPlanned {
    Require.nonNull("mid", mid, "step", step);
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a grid has at least one level");
    }
  }
}
