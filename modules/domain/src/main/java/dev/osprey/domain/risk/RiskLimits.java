package dev.osprey.domain.risk;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits a user sets for one controller: the union of the standard's and the current
 * reference's. Every limit is optional and an absent one is off. Percentages are percent (10 =
 * 10 %), as the reference's risk config has them; amounts are in quote, costs in USD.
 *
 * <p>{@link #fromMap} refuses unknown keys: a misspelled limit that silently does nothing is the
 * failure users reported against the reference.
 */
public record RiskLimits(
    Optional<QuoteAmount> maxPositionSizeQuote,
    Optional<QuoteAmount> maxSingleOrderQuote,
    Optional<QuoteAmount> maxDailyLossQuote,
    Optional<Integer> maxOpenExecutors,
    Optional<BigDecimal> maxDrawdownPct,
    Optional<BigDecimal> shutdownDrawdownPct,
    Optional<BigDecimal> maxCostPerDayUsd,
    Optional<Integer> maxOrdersPerSecond,
    Optional<Long> cooldownAfterLossSec) {

  public static final String MAX_POSITION_SIZE_QUOTE = "max_position_size_quote";
  public static final String MAX_SINGLE_ORDER_QUOTE = "max_single_order_quote";
  public static final String MAX_DAILY_LOSS_QUOTE = "max_daily_loss_quote";
  public static final String MAX_OPEN_EXECUTORS = "max_open_executors";
  public static final String MAX_DRAWDOWN_PCT = "max_drawdown_pct";
  public static final String SHUTDOWN_DRAWDOWN_PCT = "shutdown_drawdown_pct";
  public static final String MAX_COST_PER_DAY_USD = "max_cost_per_day_usd";
  public static final String MAX_ORDERS_PER_SECOND = "max_orders_per_second";
  public static final String COOLDOWN_AFTER_LOSS_SEC = "cooldown_after_loss_sec";

  /** Every key {@link #fromMap} accepts, in documentation order. */
  public static final List<String> KEYS = List.of(
      MAX_POSITION_SIZE_QUOTE, MAX_SINGLE_ORDER_QUOTE, MAX_DAILY_LOSS_QUOTE, MAX_OPEN_EXECUTORS,
      MAX_DRAWDOWN_PCT, SHUTDOWN_DRAWDOWN_PCT, MAX_COST_PER_DAY_USD, MAX_ORDERS_PER_SECOND,
      COOLDOWN_AFTER_LOSS_SEC);

  /** No limit set. */
  public static final RiskLimits NONE =
      new RiskLimits(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public RiskLimits {
    maxPositionSizeQuote = orEmpty(maxPositionSizeQuote);
    maxSingleOrderQuote = orEmpty(maxSingleOrderQuote);
    maxDailyLossQuote = orEmpty(maxDailyLossQuote);
    maxOpenExecutors = orEmpty(maxOpenExecutors);
    maxDrawdownPct = orEmpty(maxDrawdownPct);
    shutdownDrawdownPct = orEmpty(shutdownDrawdownPct);
    maxCostPerDayUsd = orEmpty(maxCostPerDayUsd);
    maxOrdersPerSecond = orEmpty(maxOrdersPerSecond);
    cooldownAfterLossSec = orEmpty(cooldownAfterLossSec);
  }

  /**
   * Limits from a JSON object: keys as in {@link #KEYS}, values JSON numbers or decimal strings,
   * null for off. Counts and seconds must be whole numbers.
   *
   * @throws FieldViolation.Invalid naming every unknown key and every value that is not a number
   *     or is negative
   */
  public static RiskLimits fromMap(final Map<String, Object> values) {
    if (values == null) {
      return NONE;
    }
    final List<FieldViolation> bad = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!KEYS.contains(key)) {
        bad.add(new FieldViolation(key, "is not a known risk limit (known: "
            + String.join(", ", KEYS) + ")"));
      }
    }
    final LimitReader r = new LimitReader(values, bad);
    final RiskLimits limits =
        new RiskLimits(
            r.decimal(MAX_POSITION_SIZE_QUOTE).map(QuoteAmount::new),
            r.decimal(MAX_SINGLE_ORDER_QUOTE).map(QuoteAmount::new),
            r.decimal(MAX_DAILY_LOSS_QUOTE).map(QuoteAmount::new),
            r.whole(MAX_OPEN_EXECUTORS, Integer.MAX_VALUE).map(Long::intValue),
            r.decimal(MAX_DRAWDOWN_PCT),
            r.decimal(SHUTDOWN_DRAWDOWN_PCT),
            r.decimal(MAX_COST_PER_DAY_USD),
            r.whole(MAX_ORDERS_PER_SECOND, Integer.MAX_VALUE).map(Long::intValue),
            r.whole(COOLDOWN_AFTER_LOSS_SEC, Long.MAX_VALUE));
    if (!bad.isEmpty()) {
      throw new FieldViolation.Invalid(bad);
    }
    return limits;
  }

  /** The limits that are set, by key (what {@link #fromMap} reads back to the same limits). */
  public Map<String, Object> toMap() {
    final Map<String, Object> m = new LinkedHashMap<>();
    maxPositionSizeQuote.ifPresent(v -> m.put(MAX_POSITION_SIZE_QUOTE, v.value()));
    maxSingleOrderQuote.ifPresent(v -> m.put(MAX_SINGLE_ORDER_QUOTE, v.value()));
    maxDailyLossQuote.ifPresent(v -> m.put(MAX_DAILY_LOSS_QUOTE, v.value()));
    maxOpenExecutors.ifPresent(v -> m.put(MAX_OPEN_EXECUTORS, v));
    maxDrawdownPct.ifPresent(v -> m.put(MAX_DRAWDOWN_PCT, v));
    shutdownDrawdownPct.ifPresent(v -> m.put(SHUTDOWN_DRAWDOWN_PCT, v));
    maxCostPerDayUsd.ifPresent(v -> m.put(MAX_COST_PER_DAY_USD, v));
    maxOrdersPerSecond.ifPresent(v -> m.put(MAX_ORDERS_PER_SECOND, v));
    cooldownAfterLossSec.ifPresent(v -> m.put(COOLDOWN_AFTER_LOSS_SEC, v));
    return m;
  }

  private static <T> Optional<T> orEmpty(final Optional<T> o) {
    return o == null ? Optional.empty() : o;
  }
}
