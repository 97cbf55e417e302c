package dev.osprey.agent.policy.rules;

import static dev.osprey.agent.policy.rules.RuleMath.HUNDRED;
import static dev.osprey.agent.policy.rules.RuleMath.cents;
import static dev.osprey.agent.policy.rules.RuleMath.plain;
import static dev.osprey.agent.policy.rules.RuleMath.shift;

import dev.osprey.agent.policy.AgentTools;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.routine.Indicators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The standard's example "Grid Market Maker": a symmetric pair of grids around the mid (a BUY grid
 * from below the mid to one spread above it, a SELL grid from one spread below it to above), spreads widened when volatility (ATR over one-minute candles, in
 * percent of the price) passes a threshold, and the side that would add to inventory paused when
 * held inventory passes a threshold. While its grids run it holds; when they have ended it lays new
 * ones around the new mid. Sized within the user's limits (single order, position size, open
 * executors), so the risk gate is a backstop, not its steering.
 *
 * <p>Configs (agent.md {@code configs:}; defaults in brackets): {@code trading_pair} (required),
 * {@code connector} [the first of agent.md's connectors], {@code grid_levels} [5], {@code
 * spread_percentage} [0.3, percent between levels and from the mid], {@code total_amount_quote}
 * [100, per grid], {@code atr_period} [14], {@code atr_threshold_pct} [2], {@code
 * volatility_spread_multiplier} [2], {@code inventory_threshold_quote} [half of
 * max_position_size_quote, else 250], {@code grid_time_limit} [3600 s: grids are re-laid at least
 * this often].
 *
 * <p>Deterministic: the same observation gives the same executors.
 */
public final class GridMarketMakerPolicy extends RulePolicy {
  public static final String NAME = "grid_market_maker";
  private static final String GRID = "grid_executor";

  public GridMarketMakerPolicy() {
    super(NAME);
  }

  @Override
  CompletionStage<PolicyOutcome> decide(final TickContext tick, final ObservedMarket market, final AgentTools tools) {
    final String connector = market.connector();
    final String pair = market.tradingPair();
    final Optional<BigDecimal> mid = market.mid();
    if (mid.isEmpty()) {
      return RuleMath.done("waiting: no quote yet for " + connector + " " + pair);
    }
    final List<ObservedExecutor> grids = running(tick, GRID, pair);
    if (!grids.isEmpty()) {
      return RuleMath.done("holding: " + grids.size() + " grid(s) running on " + pair);
    }
    final List<String> notes = new ArrayList<>();
    final BigDecimal spread = spread(tick, market, notes);
    final Plan plan = plan(tick, connector, pair, market, mid.get(), spread, notes);
    return createAll(plan.grids(), tools, notes, 0)
        .thenApply(created -> PolicyOutcome.rule(
            "mid " + plain(mid.get()) + ", spread " + plain(spread.multiply(HUNDRED)) + "%: "
                + String.join("; ", notes), created));
  }

  /** The spread between levels as a fraction: the configured one, widened in high volatility. */
  private static BigDecimal spread(final TickContext tick, final ObservedMarket market, final List<String> notes) {
    final BigDecimal base = tick.decimal("spread_percentage", new BigDecimal("0.3")).divide(HUNDRED);
    final int period = tick.decimal("atr_period", BigDecimal.valueOf(14)).intValue();
    if (market.candles().size() < period + 1) {
      notes.add("ATR(" + period + ") needs " + (period + 1) + " candles, have " + market.candles().size()
          + ": base spread");
      return base;
    }
    final BigDecimal atrPct = Indicators.atrPct(market.candles(), period);
    final BigDecimal threshold = tick.decimal("atr_threshold_pct", BigDecimal.valueOf(2));
    if (atrPct.compareTo(threshold) > 0) {
      final BigDecimal wider = base.multiply(tick.decimal("volatility_spread_multiplier", BigDecimal.valueOf(2)));
      notes.add("ATR " + plain(atrPct) + "% > " + plain(threshold) + "%: spread widened");
      return wider;
    }
    notes.add("ATR " + plain(atrPct) + "%");
    return base;
  }

  private record Plan(List<Map<String, Object>> grids) {}

  private static Plan plan(
      final TickContext tick, final String connector, final String pair, final ObservedMarket market,
      final BigDecimal mid, final BigDecimal spread, final List<String> notes) {
    final ObservedRisk risk = tick.observation().risk();
    final int levels = tick.decimal("grid_levels", BigDecimal.valueOf(5)).intValue();
    final BigDecimal inventory = inventoryQuote(tick, market, mid);
    final BigDecimal threshold = tick.decimal("inventory_threshold_quote",
        risk.limits().maxPositionSizeQuote().map(q -> q.value().divide(BigDecimal.valueOf(2)))
            .orElse(BigDecimal.valueOf(250)));
    final boolean buy = inventory.compareTo(threshold) <= 0;
    final boolean sell = inventory.negate().compareTo(threshold) <= 0;
    if (!buy) {
      notes.add("inventory " + plain(inventory) + " > " + plain(threshold) + ": buy side paused");
    }
    if (!sell) {
      notes.add("inventory " + plain(inventory) + " < -" + plain(threshold) + ": sell side paused");
    }
    int slots = risk.limits().maxOpenExecutors().map(m -> m - risk.openExecutors()).orElse(2);
    BigDecimal room = risk.limits().maxPositionSizeQuote()
        .map(m -> m.value().subtract(risk.exposureQuote())).orElse(null);
    BigDecimal perGrid = tick.decimal("total_amount_quote", BigDecimal.valueOf(100));
    if (risk.limits().maxSingleOrderQuote().isPresent()) {
      perGrid = perGrid.min(risk.limits().maxSingleOrderQuote().get().value());
    }
    final List<Map<String, Object>> grids = new ArrayList<>();
    for (String side : List.of("BUY", "SELL")) {
      if (side.equals("BUY") ? !buy : !sell) {
        continue;
      }
      BigDecimal amount = room == null ? perGrid : perGrid.min(room);
      amount = cents(amount);
      if (slots <= 0 || amount.signum() <= 0) {
        notes.add(side + " grid skipped: " + (slots <= 0 ? "max_open_executors reached" : "no room under max_position_size_quote"));
        continue;
      }
      grids.add(grid(tick, connector, pair, side, mid, spread, levels, amount));
      slots--;
      room = room == null ? null : room.subtract(amount);
    }
    return new Plan(grids);
  }

  /** Held inventory of the pair on the connector, in quote at the mid (signed). */
  private static BigDecimal inventoryQuote(final TickContext tick, final ObservedMarket market, final BigDecimal mid) {
    BigDecimal base = BigDecimal.ZERO;
    for (ObservedPosition p : tick.observation().positions()) {
      if (p.tradingPair().equals(market.tradingPair())
          && (p.connector().equals(market.connector()) || p.connector().equals(market.venue()))) {
        base = base.add(p.netAmountBase());
      }
    }
    return base.multiply(mid);
  }

  private static Map<String, Object> grid(
      final TickContext tick, final String connector, final String pair, final String side,
      final BigDecimal mid, final BigDecimal spread, final int levels, final BigDecimal amount) {
    final BigDecimal width = spread.multiply(BigDecimal.valueOf(levels));
    final Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", GRID);
    g.put("connector_name", connector);
    g.put("trading_pair", pair);
    g.put("side", side);
    // Each grid's range reaches one spread past the mid: a grid takes profit once the mid leaves its
    // range on the profitable side (above a BUY grid's end, below a SELL grid's start), and is then
    // laid again around the new mid; a range ending below the mid would close at once.
    if (side.equals("BUY")) {
      final BigDecimal start = shift(mid, width.negate());
      g.put("start_price", plain(start));
      g.put("end_price", plain(shift(mid, spread)));
      g.put("limit_price", plain(shift(start, spread.negate())));
    } else {
      final BigDecimal end = shift(mid, width);
      g.put("start_price", plain(shift(mid, spread.negate())));
      g.put("end_price", plain(end));
      g.put("limit_price", plain(shift(end, spread)));
    }
    g.put("total_amount_quote", plain(amount));
    g.put("min_order_amount_quote", plain(cents(amount.divide(BigDecimal.valueOf(levels), java.math.MathContext.DECIMAL64))));
    g.put("min_spread_between_orders", plain(spread));
    final Map<String, Object> barriers = new LinkedHashMap<>();
    barriers.put("take_profit", plain(spread));
    barriers.put("time_limit", tick.decimal("grid_time_limit", BigDecimal.valueOf(3600)).longValue());
    barriers.put("open_order_type", "LIMIT_MAKER");
    barriers.put("take_profit_order_type", "LIMIT_MAKER");
    g.put("triple_barrier_config", barriers);
    g.put("keep_position", true);
    return g;
  }

  /** Creates the grids one after another; each outcome (created or refused, and why) is a note. */
  private static CompletionStage<Integer> createAll(
      final List<Map<String, Object>> grids, final AgentTools tools, final List<String> notes, final int from) {
    if (from == grids.size()) {
      return CompletableFuture.completedFuture(grids.size());
    }
    final Map<String, Object> g = grids.get(from);
    return tools.createExecutor(g).thenCompose(r -> {
      notes.add(g.get("side") + " grid " + g.get("start_price") + "-" + g.get("end_price") + " "
          + g.get("total_amount_quote") + " quote: "
          + (r.ok() ? "created " + r.data().get("executor_id") : "refused " + r.code() + " (" + r.message() + ")"));
      return createAll(grids, tools, notes, from + 1);
    });
  }
}
