package dev.osprey.domain.executor.grid;

import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a grid (reference §2.3, level generation) from the mid price and the trading rules at
 * start. Each level must be a valid order on the venue, so the size per level starts from the
 * venue minimum with a 5 % margin (the price may move before the order is placed), and the number
 * of levels is bounded by the budget and by the smallest useful spacing:
 *
 * <pre>
 * min_notional = max(min_order_amount_quote, rules.min_notional)
 * min_base     = ceil_to_inc(max(1.05·min_notional/mid, inc·ceil(min_notional/(inc·mid))))
 * min_quote    = min_base·mid
 * range        = (end − start)/start
 * min_step     = max(min_spread_between_orders, price_increment/mid)
 * max_possible = ⌊total/min_quote⌋
 * max_possible = 0: one level of min_quote (it may exceed the budget, as in the reference)
 * otherwise:   n = min(max_possible, ⌊range/min_step⌋)
 *              base = max(min_base, floor_to_inc(total/(mid·n)))
 *              quote_per_level = base·mid; n = min(n, ⌊total/quote_per_level⌋)
 * n = max(1, n); prices linear from start to end (one level: the midpoint); step = range/(n−1)
 * (one level: range); take profit = max(step, tp) when coerce_tp_to_step, else tp
 * </pre>
 *
 * <p>Two guards the reference lacks: a range narrower than one step gives one level (the
 * reference divides by zero), and no grid has more than {@link #MAX_LEVELS} levels (the plan is
 * one persisted fact).
 */
public final class GridPlanner {
  /** The most levels one grid may have. */
  public static final int MAX_LEVELS = 1000;

  private static final BigDecimal MARGIN = new BigDecimal("1.05");

  private GridPlanner() {}

  /** The levels of {@code config} for a market at {@code mid} under {@code rules}. */
  public static GridLevelsPlanned plan(
      final GridExecutorConfig config, final Price mid, final TradingRules rules) {
    final BigDecimal price = mid.value();
    final BigDecimal inc = rules.baseIncrement();
    final BigDecimal minNotional =
        Decimals.max(config.minOrderAmountQuote().value(), rules.minNotional());
    final BigDecimal minBase = Decimals.ceilTo(
        Decimals.max(
            Decimals.div(MARGIN.multiply(minNotional), price),
            inc.signum() == 0
                ? Decimals.div(minNotional, price)
                : inc.multiply(ceil(Decimals.div(minNotional, inc.multiply(price))))),
        inc);
    final BigDecimal minQuote = minBase.multiply(price);
    final BigDecimal start = config.startPrice().value();
    final BigDecimal end = config.endPrice().value();
    final BigDecimal range = Decimals.div(end.subtract(start), start);
    final BigDecimal minStep =
        Decimals.max(config.minSpreadBetweenOrders(), Decimals.div(rules.priceIncrement(), price));
    final BigDecimal total = config.totalAmountQuote().value();
    final long maxPossible = floor(Decimals.div(total, minQuote));
    long n;
    BigDecimal quotePerLevel;
    if (maxPossible == 0) {
      n = 1;
      quotePerLevel = minQuote;
    } else {
      final long byStep = floor(Decimals.div(range, minStep));
      n = Math.max(1, Math.min(Math.min(maxPossible, byStep), MAX_LEVELS));
      final BigDecimal base = Decimals.max(
          minBase,
          Decimals.floorTo(Decimals.div(total, price.multiply(BigDecimal.valueOf(n))), inc));
      quotePerLevel = base.multiply(price);
      n = Math.min(n, floor(Decimals.div(total, quotePerLevel)));
    }
    n = Math.max(1, n);
    final BigDecimal step =
        n > 1 ? Decimals.div(range, BigDecimal.valueOf(n - 1)) : range;
    final BigDecimal tp = config.tripleBarrierConfig().takeProfit();
    final BigDecimal takeProfit = config.coerceTpToStep() ? Decimals.max(step, tp) : tp;
    final List<GridLevel> levels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final BigDecimal p =
          n > 1
              ? start.add(Decimals.div(
                  end.subtract(start).multiply(BigDecimal.valueOf(i)), BigDecimal.valueOf(n - 1)))
              : Decimals.div(start.add(end), BigDecimal.valueOf(2));
      levels.add(new GridLevel("L" + i, new Price(p), new QuoteAmount(quotePerLevel), takeProfit));
    }
    return new GridLevelsPlanned(mid, step, levels);
  }

  private static BigDecimal ceil(final BigDecimal x) {
    return x.setScale(0, RoundingMode.CEILING);
  }

  /** ⌊x⌋ as a count, saturating far above any level count. */
  private static long floor(final BigDecimal x) {
    final BigDecimal f = x.setScale(0, RoundingMode.FLOOR);
    final BigDecimal cap = BigDecimal.valueOf(Integer.MAX_VALUE);
    return f.compareTo(cap) > 0 ? Integer.MAX_VALUE : f.longValue();
  }
}
