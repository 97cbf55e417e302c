package dev.osprey.domain.report;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceTest {
  private static ExecutorReport report(
      final String type, final RunnableStatus status, final CloseType close, final String pnl, final String pct,
      final String fees, final String volume) {
    return new ExecutorReport("x", type, "c", "paper", TradingPair.parse("BTC-USDT"), Side.BUY, status, close,
        null, null, QuoteAmount.of(pnl), new BigDecimal(pct), QuoteAmount.of(fees), QuoteAmount.of(volume),
        QuoteAmount.ZERO, QuoteAmount.ZERO, status != RunnableStatus.TERMINATED, false, 0, null, Map.of());
  }

  @Test
  void shouldSubtractHeldFeesAndIncludeHeldRealizedInTheGlobalPnl() {
    final List<ExecutorReport> reports = List.of(
        report("position_executor", RunnableStatus.TERMINATED, CloseType.TAKE_PROFIT, "2.797", "0.02797", "0.203", "203"),
        report("position_executor", RunnableStatus.TERMINATED, CloseType.STOP_LOSS, "-1.2", "-0.012", "0.2", "199"),
        report("position_executor", RunnableStatus.TERMINATED, CloseType.POSITION_HOLD, "-0.1", "-0.001", "0.1", "0"),
        report("order_executor", RunnableStatus.RUNNING, null, "0.5", "0", "0", "50"));
    final PositionView hold = new PositionView(TradingPair.parse("BTC-USDT"), "paper", "master_account", "c",
        null, null, null, null, new BigDecimal("1"), null, null, null, null, null, null,
        QuoteAmount.of("0.4"), QuoteAmount.of("0.1"), QuoteAmount.of("1.5"), 1, List.of("x"), null);

    final Performance p = Performance.of(reports, List.of(hold));

    assertDecimal("1.597", p.realizedPnlQuote());          // 2.797 - 1.2 (the hold's -0.1 is not realized)
    assertDecimal("0.5", p.unrealizedPnlQuote());
    // 1.597 + 0.5 + 0.4 + 1.5 - 0.1 = 3.897
    assertDecimal("3.897", p.globalPnlQuote());
    assertDecimal("452", p.volumeTotalQuote());
    assertDecimal("0.503", p.feesTotalQuote());
    assertDecimal("0.5", p.winRate());                     // 1 win of 2 realized
    assertEquals(Map.of("TERMINATED", 3, "RUNNING", 1), p.byStatus());
    assertEquals(1, p.activePositions());
    // mean 0.7985, sample std 2.8262...; 0.7985 / 2.826 = 0.2825
    assertDecimal("0.2825", p.sharpeRatio());
    assertEquals(2, p.byType().size());
    assertEquals("order_executor", p.byType().get(0).executorType());
    assertEquals(3, p.byType().get(1).total());
  }

  @Test
  void shouldHaveNoRatiosWithoutClosedExecutors() {
    final Performance p = Performance.of(List.of(), List.of());
    assertNull(p.winRate());
    assertNull(p.sharpeRatio());
    assertDecimal("0", p.globalPnlPct());
  }
}
