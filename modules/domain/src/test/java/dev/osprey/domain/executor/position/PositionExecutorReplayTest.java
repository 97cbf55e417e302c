package dev.osprey.domain.executor.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recovery: create(config) folded with the journal decides exactly as the live executor. */
class PositionExecutorReplayTest {

  @Test
  void shouldDecideTheSameAfterReplayMidShutdown() {
    final PositionRun run =
        PositionConfigs.buy()
            .entry(null)
            .stopLoss("0.02")
            .takeProfit("0.03")
            .takeProfitType(OrderType.LIMIT)
            .trailing("0.005", "0.002")
            .timeLimit(600)
            .run();
    run.book("100", "100.01").start();
    run.fill(1, "100", "1", "0.001");
    run.quote("100.8", "100.81");
    run.fill(2, "103", "0.2", "0.001");
    run.quote("97", "97.01"); // stop loss: cancel the take profit, close 0.8 at market
    run.cancelled(2);
    run.rejected(3, RejectReason.VENUE_ERROR); // the close is re-placed on the next decision

    assertEquals(
        List.of("submit pe-1-4 close SELL MARKET 0.8 CLOSE"),
        PositionRun.describe(run.assertReplayDecidesLikeLive()));
  }

  @Test
  void shouldReportEveryCustomInfoKey() {
    final PositionRun run = PositionConfigs.buy().run();
    run.book("100", "100.01").start();

    final Map<String, Object> info = run.report().customInfo();

    assertEquals(
        List.of(
            "level_id", "current_position_average_price", "side", "current_retries",
            "max_retries", "close_price", "open_order_last_update", "order_ids",
            "held_position_orders", "trailing_stop_trigger_pct"),
        List.copyOf(info.keySet()));
    assertEquals("L0", info.get("level_id"));
    assertEquals("BUY", info.get("side"));
    assertEquals(List.of(ClientOrderId.forExecutor("pe-1", 1).value()), info.get("order_ids"));
  }
}
