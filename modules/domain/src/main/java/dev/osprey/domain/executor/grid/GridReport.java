package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a {@link GridExecutor}: the numbers of {@link GridPnl} and the reference's grid
 * {@code custom_info}. Orders in {@code filled_orders} and {@code held_position_orders} are {@link
 * HeldOrder}s (the reference's order JSON); levels are listed by id per state.
 */
final class GridReport {
  private GridReport() {}

  static ExecutorReport of(final GridExecutor grid, final MarketView market) {
    final GridPnl pnl = GridPnl.of(grid, market);
    final GridExecutorConfig c = grid.config();
    final RunnableStatus status = grid.status();
    // The open inventory is worth its size at mid while running; once ended the number is final.
    final QuoteAmount value = status.isActive() && market.hasQuote()
        ? market.book().mid().times(pnl.positionSizeBase())
        : pnl.positionSizeQuote();
    return ExecutorReport.of(grid,
        new ExecutorReport.Numbers(pnl.netPnlQuote(), pnl.netPnlPct(), pnl.cumFeesQuote(),
            pnl.filledAmountQuote(), QuoteAmount.ZERO, value),
        status == RunnableStatus.RUNNING && pnl.positionSizeQuote().signum() > 0,
        grid.orders().failures(),
        grid.lifecycle().lastError(),
        customInfo(grid, pnl));
  }

  private static Map<String, Object> customInfo(final GridExecutor grid, final GridPnl pnl) {
    final GridExecutorConfig c = grid.config();
    final OrderLedger ledger = grid.orders();
    final List<HeldOrder> held = grid.heldOrders();
    BigDecimal heldValue = BigDecimal.ZERO;
    for (HeldOrder h : held) {
      heldValue = heldValue.add(h.executedAmountQuote().value());
    }
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", c.side().name());
    m.put("level_id", c.levelId());
    m.put("levels_by_state", levelsByState(grid));
    m.put("filled_orders", filledOrders(grid));
    m.put("held_position_orders", held);
    m.put("held_position_value", heldValue);
    m.put("failed_orders", ids(ledger, OrderStatus.FAILED));
    m.put("canceled_orders", ids(ledger, OrderStatus.CANCELLED));
    m.put("realized_buy_size_quote", pnl.buyQuote().value());
    m.put("realized_sell_size_quote", pnl.sellQuote().value());
    m.put("realized_imbalance_quote", pnl.buyQuote().minus(pnl.sellQuote()).value());
    m.put("realized_fees_quote", pnl.realizedFees().value());
    m.put("realized_pnl_quote", pnl.realizedPnl().value());
    m.put("realized_pnl_pct", pnl.realizedPnlPct());
    m.put("position_size_base", pnl.positionSizeBase().value());
    m.put("position_size_quote", pnl.positionSizeQuote().value());
    m.put("position_fees_quote", pnl.positionFees().value());
    m.put("current_position_average_price", pnl.breakEven().value());
    m.put("position_pnl_quote", pnl.positionPnl().value());
    m.put("position_pnl_pct", pnl.positionPnlPct());
    m.put("open_liquidity_placed", liquidity(grid, GridLevelState.OPEN_ORDER_PLACED));
    m.put("close_liquidity_placed", liquidity(grid, GridLevelState.CLOSE_ORDER_PLACED));
    m.put("grid_level_prices", levelPrices(grid, false));
    m.put("grid_tp_prices", levelPrices(grid, true));
    m.put("grid_side", c.side().name());
    m.put("grid_limit_price", c.limitPrice().value());
    m.put("grid_step", grid.plan().map(GridLevelsPlanned::step).orElse(null));
    m.put("n_levels", grid.levels().size());
    m.put("fill_events", fillEvents(ledger));
    m.put("shutdown_reason", grid.shutdownReason().map(Enum::name).orElse(null));
    m.put("current_retries", grid.retries());
    m.put("max_retries", GridExecutor.MAX_RETRIES);
    m.put("trailing_stop_trigger_pct", grid.trailingStopTrigger().orElse(null));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, List<String>> levelsByState(final GridExecutor grid) {
    final Map<String, List<String>> by = new LinkedHashMap<>();
    for (GridLevelState s : GridLevelState.values()) {
      by.put(s.name(), new ArrayList<>());
    }
    for (GridLevelView v : grid.levels()) {
      by.get(v.state().name()).add(v.level().id());
    }
    final Map<String, List<String>> out = new LinkedHashMap<>();
    by.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  private static List<HeldOrder> filledOrders(final GridExecutor grid) {
    final List<HeldOrder> out = new ArrayList<>();
    for (ClientOrderId id : grid.filledOrders()) {
      final TrackedOrder o = grid.orders().get(id).orElseThrow();
      out.add(HeldOrder.of(o, lastFill(o)));
    }
    return List.copyOf(out);
  }

  private static List<String> ids(final OrderLedger ledger, final OrderStatus status) {
    final List<String> out = new ArrayList<>();
    for (TrackedOrder o : ledger.all()) {
      if (o.status() == status) {
        out.add(o.id().value());
      }
    }
    return List.copyOf(out);
  }

  /** Σ amount_quote of levels in {@code state} whose working order has not traded yet. */
  private static BigDecimal liquidity(final GridExecutor grid, final GridLevelState state) {
    BigDecimal sum = BigDecimal.ZERO;
    for (GridSlot s : grid.slots()) {
      if (s.state(grid.orders()) != state) {
        continue;
      }
      final TrackedOrder working = state == GridLevelState.OPEN_ORDER_PLACED
          ? s.openOrder(grid.orders()).orElseThrow()
          : s.liveTakeProfit(grid.orders()).orElseThrow();
      if (working.executedBase().isZero()) {
        sum = sum.add(s.level().amountQuote().value());
      }
    }
    return sum;
  }

  private static List<BigDecimal> levelPrices(final GridExecutor grid, final boolean takeProfit) {
    final List<BigDecimal> out = new ArrayList<>();
    for (GridLevelView v : grid.levels()) {
      out.add(takeProfit
          ? v.level().takeProfitPrice(grid.config().side()).value()
          : v.level().price().value());
    }
    return List.copyOf(out);
  }

  private static List<Map<String, Object>> fillEvents(final OrderLedger ledger) {
    final List<Map<String, Object>> out = new ArrayList<>();
    for (OrderLedger.Entry e : ledger.entries()) {
      for (Fill f : e.order().fills()) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_order_id", e.order().id().value());
        m.put("role", e.role());
        m.put("trade_type", e.order().side().name());
        m.put("trade_id", f.tradeId());
        m.put("price", f.price().value());
        m.put("amount", f.amount().value());
        m.put("fee_quote", f.feeQuote().value());
        m.put("is_maker", f.maker());
        m.put("timestamp", f.timestamp());
        out.add(Collections.unmodifiableMap(m));
      }
    }
    return List.copyOf(out);
  }

  private static Instant lastFill(final TrackedOrder o) {
    Instant last = null;
    for (Fill f : o.fills()) {
      if (last == null || f.timestamp().isAfter(last)) {
        last = f.timestamp();
      }
    }
    return last;
  }
}
