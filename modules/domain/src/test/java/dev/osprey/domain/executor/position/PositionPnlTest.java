package dev.osprey.domain.executor.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The barriers' net P&amp;L percentage ({@link PositionPnl#netPct}, computed alone on every quote)
 * is exactly the {@code net_pnl_pct} of the full figures, before and after the entry fills, long
 * and short, at books where the quotient is exact and where it is rounded.
 */
class PositionPnlTest {
  private static void assertSameAsFullFigures(final PositionRun run, final String expected) {
    final PositionExecutor state = run.executor();
    final BigDecimal alone = PositionPnl.netPct(state, run.market());
    assertEquals(0, PositionPnl.of(state, run.market()).figures().netPnlPct().compareTo(alone));
    assertEquals(new BigDecimal(expected), alone);
  }

  @Test
  void shouldGiveTheFullFiguresNetPercentageOnEveryQuote() {
    final PositionRun idle = PositionConfigs.buy().run();
    idle.book("100", "100.01").start();
    assertSameAsFullFigures(idle, "0");

    final PositionRun buy = PositionConfigs.buy().filled("0.001");
    buy.book("103", "103.01");
    // (103 - 100) * 1 - 0.1 fee = 2.9 over 100 invested.
    assertSameAsFullFigures(buy, "0.029");
    buy.book("99.97", "99.98");
    // (99.97 - 100) - 0.1 = -0.13 over 100.
    assertSameAsFullFigures(buy, "-0.0013");

    final PositionRun sell = PositionConfigs.sell().filled("0.001");
    sell.book("96.99", "97");
    // short: (100 - 97) - 0.1 = 2.9 over 100.
    assertSameAsFullFigures(sell, "0.029");
  }

  @Test
  void shouldRoundLikeTheFullFiguresWhereTheQuotientDoesNotEnd() {
    final PositionRun run = PositionConfigs.buy().entry("3").run();
    run.book("2.99", "3").start();
    run.fill(1, "3", "1", "0");
    run.book("4", "4.01");
    // (4 - 3) * 1 over 3 invested: a third, rounded to 34 digits.
    assertSameAsFullFigures(run, "0.3333333333333333333333333333333333");
  }
}
