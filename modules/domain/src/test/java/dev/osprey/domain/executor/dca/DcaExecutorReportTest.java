package dev.osprey.domain.executor.dca;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertFigures;
import static dev.osprey.domain.executor.ReportAssertions.assertInfoDecimals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers and custom_info of a running DCA executor, and recovery by replay. */
class DcaExecutorReportTest {

  @Test
  void shouldReportEveryCustomInfoKeyWhileRunning() {
    final DcaRun run = DcaFixtures.bothFilled(DcaConfigs.maker().stopLoss("0.1"));
    run.quote("82", "82.01");

    final ExecutorReport r = run.report();
    final Map<String, Object> info = r.customInfo();

    assertEquals(
        List.of(
            "side", "current_position_average_price", "target_position_average_price",
            "filled_amount", "filled_amount_quote", "max_amount_quote", "min_price", "max_price",
            "max_loss_quote", "current_market_price", "close_price", "close_type",
            "close_timestamp", "n_levels", "levels_placed", "trailing_stop_trigger_pct",
            "total_executed_amount_backup", "current_retries", "max_retries", "level_id",
            "order_ids", "held_position_orders"),
        List.copyOf(info.keySet()));
    assertEquals("BUY", info.get("side"));
    final String[][] numbers = {
      {"current_position_average_price", "80"},
      {"target_position_average_price", "81.25"},
      {"filled_amount", "5"},
      {"filled_amount_quote", "400"},
      {"max_amount_quote", "400"},
      {"min_price", "75"},
      {"max_price", "100"},
      {"max_loss_quote", "40"},
      {"current_market_price", "82"},
      {"close_price", "82"},
      {"total_executed_amount_backup", "5"},
    };
    for (String[] n : numbers) {
      assertDecimal(n[1], (BigDecimal) info.get(n[0]));
    }
    assertNull(info.get("close_type"));
    assertNull(info.get("close_timestamp"));
    assertNull(info.get("trailing_stop_trigger_pct"));
    assertEquals(2, info.get("n_levels"));
    assertEquals(2, info.get("levels_placed"));
    assertEquals(0, info.get("current_retries"));
    assertEquals("L0", info.get("level_id"));
    assertEquals(List.of(ClientOrderId.forExecutor("dca-1", 1).value(), ClientOrderId.forExecutor("dca-1", 2).value()), info.get("order_ids"));
    assertEquals(List.of(), info.get("held_position_orders"));

    // trade (82 − 80) · 5 = 10, fees 0.4
    assertFigures(r, "9.6", "0.024", "0.4", "400");
    assertDecimal("410", r.valueQuote().value());
    assertEquals(true, r.isActive());
    assertEquals(true, r.isTrading());
    assertEquals("dca_executor", r.type());
  }

  @Test
  void shouldMarkASellPositionToTheBestAsk() {
    // sells 1 at 100 and 4 at 125: 5 base for 600 quote (average 120), fees 0.1 + 0.5
    final DcaRun run =
        DcaConfigs.maker().side(Side.SELL).prices("100", "125").amounts("100", "500").run();
    run.book("99.99", "100").start();
    run.fill(1, "100", "1", "0.001");
    run.fill(2, "125", "4", "0.001");

    run.quote("113.99", "114");

    final ExecutorReport r = run.report();
    // net −(114 · 5 − 600) − 0.6
    assertFigures(r, "29.4", "0.049", "0.6", "600");
    assertInfoDecimals(r, "current_position_average_price", "120", "close_price", "114");
  }

  @Test
  void shouldReportZerosBeforeAnyFill() {
    final DcaRun run = DcaFixtures.started();

    final ExecutorReport r = run.report();
    assertDecimal("0", r.netPnlQuote().value());
    assertDecimal("0", r.netPnlPct());
    assertDecimal("0", r.filledAmountQuote().value());
    assertDecimal("0", (BigDecimal) r.customInfo().get("current_position_average_price"));
    assertEquals(false, r.isTrading());
    assertEquals(true, r.isActive());
  }

  @Test
  void shouldDecideTheSameAfterReplayMidShutdown() {
    final DcaRun run =
        DcaConfigs.maker().stopLoss("0.1").trailing("0.02", "0.01").timeLimit(600).run();
    run.book("100", "100.01").start();
    run.fill(1, "100", "1", "0.001");
    run.quote("103", "103.01"); // trailing activates on level 0 alone
    run.quote("101", "101.01"); // falls below the trigger: cancel level 1, close 1 at market
    run.cancelled(2);
    run.rejected(3, RejectReason.VENUE_ERROR); // the close is placed again on the next decision

    assertEquals(
        List.of("submit dca-1-4 close SELL MARKET 1 CLOSE"),
        DcaRun.describe(run.assertReplayDecidesLikeLive()));
  }
}
