package dev.osprey.json;

import dev.osprey.json.ApiJson;
import dev.osprey.json.Decimals18;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.executor.HeldOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of executors: hummingbot-api's {@code ExecutorResponse} (and its detail form),
 * with the standard's metric names next to the reference's (osprey-decisions.md).
 */
public final class ExecutorJson {
  public static final String ACCOUNT = "master_account";

  private ExecutorJson() {}

  /** The 201 body of a create, as hummingbot-api returns it. */
  public static Map<String, Object> created(final ExecutorReport r) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("executor_id", r.id());
    m.put("executor_type", r.type());
    m.put("connector_name", r.connectorName());
    m.put("paper_trade_of", paperTradeOf(r));
    m.put("trading_pair", r.tradingPair() == null ? null : r.tradingPair().symbol());
    m.put("controller_id", r.controllerId());
    m.put("status", r.status().name());
    m.put("close_type", r.closeType() == null ? null : r.closeType().name());
    m.put("created_at", r.timestamp() == null ? null : r.timestamp().toString());
    return m;
  }

  /** {@code ExecutorResponse}: the search row. */
  public static Map<String, Object> summary(final ExecutorReport r, final Instant now) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("executor_id", r.id());
    m.put("executor_type", r.type());
    m.put("account_name", ACCOUNT);
    m.put("connector_name", r.connectorName());
    m.put("paper_trade_of", paperTradeOf(r));
    m.put("trading_pair", r.tradingPair() == null ? null : r.tradingPair().symbol());
    m.put("side", r.side() == null ? null : r.side().name());
    m.put("status", r.status().name());
    m.put("lifecycle", r.status().lifecycle());
    m.put("is_active", r.isActive());
    m.put("is_trading", r.isTrading());
    m.put("timestamp", r.timestamp() == null ? null : ApiJson.epochSeconds(r.timestamp()));
    m.put("created_at", r.timestamp() == null ? null : r.timestamp().toString());
    m.put("close_type", r.closeType() == null ? null : r.closeType().name());
    m.put("close_timestamp", r.closeTimestamp() == null ? null : ApiJson.epochSeconds(r.closeTimestamp()));
    m.put("controller_id", r.controllerId());
    m.put("net_pnl_quote", q(r.netPnlQuote()));
    m.put("net_pnl_pct", Decimals18.out(r.netPnlPct()));
    m.put("cum_fees_quote", q(r.cumFeesQuote()));
    m.put("filled_amount_quote", q(r.filledAmountQuote()));
    m.put("fees_paid_quote", q(r.cumFeesQuote()));
    m.put("fees_earned_quote", q(r.feesEarnedQuote() == null ? QuoteAmount.ZERO : r.feesEarnedQuote()));
    m.put("value_quote", q(r.valueQuote() == null ? QuoteAmount.ZERO : r.valueQuote()));
    m.put("volume_quote", q(r.filledAmountQuote()));
    m.put("duration_seconds", duration(r, now));
    m.put("error_count", r.errorCount());
    m.put("last_error", r.lastError());
    return m;
  }

  /** {@code ExecutorDetailResponse}: the summary plus config, custom_info and held orders. */
  public static Map<String, Object> detail(
      final ExecutorConfig config,
      final ExecutorReport r,
      final List<HeldOrder> heldOrders,
      final Instant now,
      final ObjectMapper mapper) {
    final Map<String, Object> m = summary(r, now);
    m.put("type", r.type());
    m.put("id", r.id());
    // Written through the interface type so that the config carries its "type" like the input.
    m.put("config", mapper.valueToTree(new TypedConfig(config)).get("config"));
    m.put("custom_info", r.customInfo());
    m.put("held_position_orders", heldOrders);
    return m;
  }

  /** Holder whose declared field type is the polymorphic interface. */
  private record TypedConfig(ExecutorConfig config) {}

  /**
   * The real venue whose paper twin runs the executor ({@code binance} for {@code
   * binance_paper_trade}), else null: says that an executor created for a real venue trades on
   * paper.
   */
  private static String paperTradeOf(final ExecutorReport r) {
    return PaperTrade.realVenueOf(r.connectorName()).orElse(null);
  }

  private static BigDecimal q(final QuoteAmount a) {
    return a == null ? null : Decimals18.out(a.value());
  }

  private static BigDecimal duration(final ExecutorReport r, final Instant now) {
    if (r.timestamp() == null) {
      return null;
    }
    final Instant end = r.closeTimestamp() != null ? r.closeTimestamp() : now;
    final Duration d = Duration.between(r.timestamp(), end);
    return Decimals18.out(BigDecimal.valueOf(Math.max(0, d.toMillis()), 3));
  }
}
