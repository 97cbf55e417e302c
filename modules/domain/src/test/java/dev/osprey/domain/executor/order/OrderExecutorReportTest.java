package dev.osprey.domain.executor.order;

import static dev.osprey.domain.DecimalAssertions.assertDecimal;
import static dev.osprey.domain.executor.ReportAssertions.assertFinal;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.T0;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.at;
import static dev.osprey.domain.executor.order.OrderExecutorFixture.book;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.order.ClientOrderId;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.order.OrderExecutorFixture.Run;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderExecutorReportTest {

  private static final List<String> CUSTOM_INFO_KEYS = List.of(
      "side", "level_id", "current_retries", "max_retries", "order_id", "order_last_update",
      "held_position_orders", "executed_amount_base", "average_executed_price");

  @Test
  void shouldReportFeesAndTradedQuoteOfAllOrdersWithoutPnl() {
    final Run run = Run.renewedChaserFilled();
    final ExecutorReport r = run.state.report(book("100.5", "100.6"), at(5));
    // filled: 0.3 * 99.9 + 0.7 * 100.39
    assertFinal(r, CloseType.POSITION_HOLD, "0", "0", "0.1", "100.243");
    assertEquals(at(4), r.closeTimestamp());
    assertEquals(T0, r.timestamp());
    assertDecimal("100.243", r.valueQuote().value());
    assertFalse(r.isActive());
    assertFalse(r.isTrading());
    final Map<String, Object> info = r.customInfo();
    assertEquals(CUSTOM_INFO_KEYS, List.copyOf(info.keySet()));
    assertDecimal("1", (BigDecimal) info.get("executed_amount_base"));
    assertDecimal("100.243", (BigDecimal) info.get("average_executed_price"));
    assertEquals(ClientOrderId.forExecutor("ex1", 2).value(), info.get("order_id"));
    final List<?> held = (List<?>) info.get("held_position_orders");
    assertEquals(2, held.size());
    final Map<?, ?> first = (Map<?, ?>) held.get(0);
    assertEquals(ClientOrderId.forExecutor("ex1", 1).value(), first.get("client_order_id"));
    assertEquals("CANCELLED", first.get("last_state"));
    assertEquals("BUY", first.get("trade_type"));
    assertEquals("LIMIT_MAKER", first.get("order_type"));
    assertDecimal("0.3", (BigDecimal) first.get("executed_amount_base"));
    assertDecimal("29.97", (BigDecimal) first.get("executed_amount_quote"));
    assertDecimal("0.03", (BigDecimal) first.get("cumulative_fee_paid_quote"));
  }

  @Test
  void shouldReportTheLiveOrderAndMarkExecutedBaseToMidWhileRunning() {
    final Run run = Run.renewedChaserMoved();
    final ExecutorReport r = run.state.report(book("100.5", "100.7"), at(2));
    assertEquals(RunnableStatus.RUNNING, r.status());
    assertNull(r.closeType());
    assertTrue(r.isActive());
    assertTrue(r.isTrading());
    // 0.3 at mid 100.6
    assertDecimal("30.18", r.valueQuote().value());
    assertDecimal("29.97", r.filledAmountQuote().value());
    final Map<String, Object> info = r.customInfo();
    assertEquals(ClientOrderId.forExecutor("ex1", 1).value(), info.get("order_id"));
    final BigDecimal lastUpdate = (BigDecimal) info.get("order_last_update");
    assertDecimal(String.valueOf(at(2).getEpochSecond()), lastUpdate);
    assertEquals("BUY", info.get("side"));
    assertEquals("L1", info.get("level_id"));
    assertEquals(0, info.get("current_retries"));
    assertEquals(10, info.get("max_retries"));
    assertTrue(((List<?>) info.get("held_position_orders")).isEmpty());
    assertDecimal("99.9", (BigDecimal) info.get("average_executed_price"));
  }
}
