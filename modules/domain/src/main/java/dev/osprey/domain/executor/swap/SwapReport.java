package dev.osprey.domain.executor.swap;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a {@link SwapExecutor} (reference §2.9): P&amp;L 0, {@code cum_fees_quote} = the
 * fill fees, {@code filled_amount_quote} = executed base × executed price, and the reference's
 * swap {@code custom_info} plus the provider comparison.
 */
final class SwapReport {
  private SwapReport() {}

  static ExecutorReport of(final SwapExecutor ex, final MarketView market) {
    final SwapExecutorConfig c = ex.config();
    final Optional<TrackedOrder> order = ex.order();
    final QuoteAmount fees = order.map(TrackedOrder::feesQuote).orElse(QuoteAmount.ZERO);
    final QuoteAmount traded = order.map(TrackedOrder::executedQuote).orElse(QuoteAmount.ZERO);
    final Quantity executed = ex.executedBase();
    return ExecutorReport.of(ex,
        ExecutorReport.Numbers.unbooked(fees, traded, executed, ex.status(), market),
        ex.status().isActive() && executed.isPositive(),
        ex.orders().failures(),
        lastError(ex),
        customInfo(ex, executed, fees));
  }

  /** Why it did not complete, from the venue's refusal or the route it could not trade. */
  static String lastError(final SwapExecutor ex) {
    final Optional<TrackedOrder> order = ex.order();
    if (order.isPresent() && order.get().status() == OrderStatus.FAILED) {
      return order.get().failure();
    }
    if (ex.closeType().orElse(null) != CloseType.FAILED || ex.route().isEmpty()) {
      return null;
    }
    final SwapRouteChosen r = ex.route().get();
    final SwapExecutorConfig c = ex.config();
    if (order.isEmpty()) {
      return "swap of " + c.amount() + " at limit " + r.limitPrice()
          + " cannot be placed under the venue rules (min_order_size, min_notional, increments)";
    }
    final TrackedOrder o = order.get();
    return c.side() + " " + o.request().amount() + " at limit " + r.limitPrice() + " ("
        + r.provider() + " quoted " + r.price() + ", slippage " + c.slippagePct().toPlainString()
        + ") did not fill at once: the venue price moved beyond the slippage; executed "
        + o.executedBase();
  }

  private static Map<String, Object> customInfo(
      final SwapExecutor ex, final Quantity executed, final QuoteAmount fees) {
    final SwapExecutorConfig c = ex.config();
    final Optional<TrackedOrder> order = ex.order();
    final Optional<SwapRouteChosen> route = ex.route();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", ex.state().name());
    m.put("side", c.side().name());
    m.put("amount", c.amount().value());
    m.put("executed_amount", executed.value());
    m.put(
        "executed_price",
        order.flatMap(TrackedOrder::averagePrice).map(Price::value).orElse(BigDecimal.ZERO));
    m.put("tx_fee", fees.value());
    final String exchangeId = order.map(TrackedOrder::exchangeOrderId).orElse(null);
    m.put("tx_hash", exchangeId);
    m.put("exchange_order_id", exchangeId);
    m.put("order_id", order.map(o -> o.id().value()).orElse(null));
    m.put("current_retries", 0);
    m.put("max_retries_reached", false);
    m.put("swap_provider", route.map(SwapRouteChosen::provider).orElse(null));
    m.put("quoted_price", route.map(r -> r.price().value()).orElse(null));
    m.put("limit_price", route.map(r -> r.limitPrice().value()).orElse(null));
    m.put("slippage_pct", c.slippagePct());
    m.put("provider_quotes", route.map(r -> quotesJson(r.quotes())).orElse(List.of()));
    m.put("held_position_orders", ex.heldOrders());
    return Collections.unmodifiableMap(m);
  }

  private static List<Map<String, Object>> quotesJson(final List<ProviderQuote> quotes) {
    final List<Map<String, Object>> out = new ArrayList<>(quotes.size());
    for (ProviderQuote q : quotes) {
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("provider", q.provider());
      m.put("price", q.price().value());
      out.add(Collections.unmodifiableMap(m));
    }
    return List.copyOf(out);
  }
}
