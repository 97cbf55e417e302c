package dev.osprey.domain.executor.order;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of an {@link OrderExecutor} (reference §2.2): it never books P&amp;L itself (net
 * P&amp;L is 0; the position book realizes it), so the report is its fees, what it traded, and the
 * reference's {@code custom_info}. Times inside {@code custom_info} are epoch seconds, as the
 * reference's floats.
 */
final class OrderExecutorReport {
  private OrderExecutorReport() {}

  static ExecutorReport of(final OrderExecutor ex, final MarketView market) {
    final OrderExecutorConfig c = ex.config();
    final QuoteAmount fees = QuoteAmount.sum(ex.orders().all(), TrackedOrder::feesQuote);
    final QuoteAmount traded = QuoteAmount.sum(ex.orders().all(), TrackedOrder::executedQuote);
    final Quantity executed = ex.executedBase();
    return ExecutorReport.of(ex,
        ExecutorReport.Numbers.unbooked(fees, traded, executed, ex.status(), market),
        ex.status().isActive() && executed.isPositive(),
        ex.retries(),
        lastError(ex),
        customInfo(ex, executed, traded));
  }

  /** The latest venue refusal; for a FAILED close without one, the order could never be formed. */
  private static String lastError(final OrderExecutor ex) {
    final boolean failed = ex.closeType().orElse(null) == CloseType.FAILED;
    if (failed && ex.retries() <= OrderExecutor.MAX_RETRIES) {
      return "order for " + ex.config().amount() + " cannot be placed under the venue rules"
          + " (min_order_size, min_notional, increments)";
    }
    return ex.lastError().orElse(null);
  }

  private static Map<String, Object> customInfo(
      final OrderExecutor ex, final Quantity executed, final QuoteAmount traded) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", ex.config().side().name());
    m.put("level_id", ex.config().levelId());
    m.put("current_retries", ex.retries());
    m.put("max_retries", OrderExecutor.MAX_RETRIES);
    final TrackedOrder current = ex.currentOrder().orElse(null);
    m.put("order_id", current == null ? null : current.id().value());
    m.put("order_last_update", current == null ? null : lastUpdate(ex, current));
    m.put("held_position_orders", heldOrders(ex));
    m.put("executed_amount_base", executed.value());
    m.put(
        "average_executed_price",
        executed.isZero() ? BigDecimal.ZERO : Decimals.div(traded.value(), executed.value()));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Orders whose fills are (or will be) handed over: every finished order with fills, and once it
   * ended POSITION_HOLD every order with fills. Keys follow the reference's in-flight order JSON.
   */
  private static List<Map<String, Object>> heldOrders(final OrderExecutor ex) {
    final boolean handedOver =
        ex.isTerminated() && ex.closeType().orElse(null) == CloseType.POSITION_HOLD;
    final List<Map<String, Object>> out = new ArrayList<>();
    for (TrackedOrder o : ex.orders().all()) {
      if (o.executedBase().isPositive() && (handedOver || o.isDone())) {
        out.add(orderJson(ex, o));
      }
    }
    return out;
  }

  private static Map<String, Object> orderJson(final OrderExecutor ex, final TrackedOrder o) {
    final var r = o.request();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("client_order_id", r.clientOrderId().value());
    m.put("exchange_order_id", o.exchangeOrderId());
    m.put("trading_pair", r.tradingPair().symbol());
    m.put("order_type", r.orderType().name());
    m.put("trade_type", r.side().name());
    m.put("price", r.price() == null ? null : r.price().value());
    m.put("amount", r.amount().value());
    m.put("executed_amount_base", o.executedBase().value());
    m.put("executed_amount_quote", o.executedQuote().value());
    m.put("average_executed_price", o.averagePrice().map(Price::value).orElse(null));
    m.put("last_state", o.status().name());
    m.put("leverage", ex.config().leverage());
    m.put("position", r.positionAction().name());
    final Instant createdAt = ex.createdAt(o.id()).orElse(null);
    m.put("creation_timestamp", createdAt == null ? null : seconds(createdAt));
    m.put("last_update_timestamp", lastUpdate(ex, o));
    final List<Map<String, Object>> fills = new ArrayList<>();
    for (Fill f : o.fills()) {
      final Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("trade_id", f.tradeId());
      fm.put("price", f.price().value());
      fm.put("amount", f.amount().value());
      fm.put("fee_quote", f.feeQuote().value());
      fm.put("is_maker", f.maker());
      fm.put("timestamp", seconds(f.timestamp()));
      fills.add(Collections.unmodifiableMap(fm));
    }
    m.put("order_fills", fills);
    m.put("cumulative_fee_paid_base", BigDecimal.ZERO);
    m.put("cumulative_fee_paid_quote", o.feesQuote().value());
    return Collections.unmodifiableMap(m);
  }

  /** Epoch seconds with the nanos as decimals: the reference's numeric timestamps, exactly. */
  static BigDecimal seconds(final Instant t) {
    final BigDecimal whole = BigDecimal.valueOf(t.getEpochSecond());
    return t.getNano() == 0
        ? whole
        : whole.add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
  }

  private static BigDecimal lastUpdate(final OrderExecutor ex, final TrackedOrder o) {
    return ex.lastUpdate(o.id()).map(OrderExecutorReport::seconds).orElse(null);
  }
}
