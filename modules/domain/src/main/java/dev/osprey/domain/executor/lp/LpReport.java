package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.TopOfBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The report of an {@link LpExecutor}: {@link LpValuation}'s numbers in the standard fields
 * ({@code cum_fees_quote} = transaction fees, {@code filled_amount_quote} = initial value, {@code
 * fees_earned_quote}, {@code value_quote}) and the reference's LP {@code custom_info}.
 */
final class LpReport {
  private LpReport() {}

  static ExecutorReport of(final LpExecutor ex, final MarketView market, final Instant now) {
    final LpExecutorConfig c = ex.config();
    final LpValuation v = LpValuation.of(ex, market.top().map(TopOfBook::mid));
    final RunnableStatus status = ex.status();
    final boolean inPool = ex.position().map(LpPosition::isOpen).orElse(false);
    return ExecutorReport.of(ex,
        new ExecutorReport.Numbers(v.netPnlQuote(), v.netPnlPct(), v.txFees(),
            v.initialValue(), v.feesEarnedQuote(), v.valueQuote()),
        status == RunnableStatus.RUNNING && inPool,
        0,
        lastError(ex),
        customInfo(ex, v, now));
  }

  private static String lastError(final LpExecutor ex) {
    if (ex.closeType().orElse(null) != CloseType.FAILED) {
      return null;
    }
    final LpExecutorConfig c = ex.config();
    return "side " + c.lpSide() + " with base_amount " + c.depositBase() + " and quote_amount "
        + c.depositQuote() + " funds no liquidity in [" + c.lowerPrice() + ", " + c.upperPrice()
        + "] at the pool price: a range above the price needs base, below it quote, around it both";
  }

  private static Map<String, Object> customInfo(
      final LpExecutor ex, final LpValuation v, final Instant now) {
    final LpExecutorConfig c = ex.config();
    final Optional<LpPosition> p = ex.position();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", c.lpSide().name());
    m.put("state", ex.state().name());
    m.put("position_address", null);
    m.put("pool_address", c.poolAddress());
    m.put("current_price", v.price() == null ? null : v.price().value());
    m.put("lower_price", c.lowerPrice().value());
    m.put("upper_price", c.upperPrice().value());
    m.put("base_amount", v.base().value());
    m.put("quote_amount", v.quote().value());
    m.put("base_fee", v.baseFee().value());
    m.put("quote_fee", v.quoteFee().value());
    m.put("fees_earned_quote", v.feesEarnedQuote().value());
    m.put("total_value_quote", v.valueQuote().value());
    m.put("unrealized_pnl_quote", v.netPnlQuote().value());
    m.put("position_rent", BigDecimal.ZERO);
    m.put("position_rent_refunded", BigDecimal.ZERO);
    m.put("tx_fee", v.txFees().value());
    m.put("out_of_range_seconds", outOfRangeSeconds(ex, now));
    m.put("initial_base_amount", p.map(LpPosition::initialBase).orElse(c.depositBase()).value());
    m.put("initial_quote_amount", p.map(LpPosition::initialQuote).orElse(c.depositQuote()).value());
    m.put("filled_amount_base", v.base().value());
    m.put("filled_amount_quote", v.quote().value());
    m.put("held_position_orders", ex.heldOrders());
    m.put("current_retries", 0);
    m.put("max_retries", 0);
    m.put("max_retries_reached", false);
    m.put("hold_reason", null);
    m.put("range_position", p.map(x -> x.range().name()).orElse(null));
    m.put("liquidity", p.map(LpPosition::liquidity).orElse(BigDecimal.ZERO));
    m.put("fee_tier", c.feeTier());
    m.put("open_price", p.map(x -> x.openPrice().value()).orElse(null));
    m.put("closeout_swap", closeoutSwap(ex));
    return Collections.unmodifiableMap(m);
  }

  /** Whole seconds out of range while the liquidity is in the pool; null in range. */
  private static Long outOfRangeSeconds(final LpExecutor ex, final Instant now) {
    return ex.position()
        .filter(p -> p.isOpen() && p.outOfRangeSince() != null)
        .map(p -> Duration.between(p.outOfRangeSince(), now).getSeconds())
        .orElse(null);
  }

  /** The swap back of a position closed without keep_position, if it needed one. */
  private static Map<String, Object> closeoutSwap(final LpExecutor ex) {
    if (!ex.isTerminated() || ex.closeType().orElse(null) != CloseType.EARLY_STOP) {
      return null;
    }
    return ex.position()
        .filter(p -> !p.isOpen())
        .flatMap(p -> LpNetTrade.of(p).closeout(p.removal().price()))
        .map(LpReport::swapJson)
        .orElse(null);
  }

  private static Map<String, Object> swapJson(final LpNetTrade.Swap s) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", s.side().name());
    m.put("amount_base", s.base().value());
    m.put("price", s.price().value());
    m.put("amount_quote", s.quote().value());
    m.put("fee_quote", BigDecimal.ZERO);
    return Collections.unmodifiableMap(m);
  }
}
