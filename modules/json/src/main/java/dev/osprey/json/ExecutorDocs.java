package dev.osprey.json;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Human documentation of every executor config field: required, default, description and
 * constraints. Keys are {@code <RecordName>.<snake_field>}; fields every executor shares are in
 * {@link #COMMON}. {@code ExecutorDocsTest} fails when a config gains a field without a doc.
 */
final class ExecutorDocs {
  private ExecutorDocs() {}

  /** The docs of one field. */
  record FieldDoc(boolean required, Object defaultValue, String description, String constraints) {}

  /** The docs of one type. */
  record TypeDoc(
      String type, Class<? extends ExecutorConfig> configClass, String description, String useCase,
      Map<String, FieldDoc> fields) {

    FieldDoc field(final Class<?> record, final String name) {
      final FieldDoc own = fields.get(record.getSimpleName() + "." + name);
      if (own != null) {
        return own;
      }
      final FieldDoc common = COMMON.get(name);
      if (common != null) {
        return common;
      }
      throw new IllegalStateException("no documentation for " + record.getSimpleName() + "." + name);
    }
  }

  static FieldDoc req(final String description, final String constraints) {
    return new FieldDoc(true, null, description, constraints);
  }

  static FieldDoc opt(final Object defaultValue, final String description, final String constraints) {
    return new FieldDoc(false, defaultValue, description, constraints);
  }

  static final Map<String, FieldDoc> COMMON = Map.of(
      "id", opt(null, "Executor id; give one to make the create idempotent", "1-128 printable ASCII, no whitespace, / ? # % |"),
      "controller_id", opt("main", "The agent (controller) the executor belongs to", "1-128 printable ASCII, no whitespace, / ? # % |"),
      "timestamp", opt("now", "Start time, epoch seconds; time limits count from it", null),
      "connector_name", req("Venue, e.g. paper; a real venue without a connector (binance, okx, …) runs on its"
          + " <venue>_paper_trade twin", "a configured connector"),
      "trading_pair", req("Market as BASE-QUOTE", "e.g. BTC-USDT"),
      "side", req("BUY or SELL (or 1 / 2)", null),
      "leverage", opt(1, "Leverage (perpetuals); P&L is on notional", ">= 1"),
      "level_id", opt(null, "Free label, echoed in custom_info", null));

  static final Map<String, TypeDoc> TYPES = new LinkedHashMap<>();

  static void register(final TypeDoc doc) {
    TYPES.put(doc.type(), doc);
  }

  static {
    final Map<String, FieldDoc> order = new LinkedHashMap<>();
    order.put("OrderExecutorConfig.amount", req("Amount in base", "> 0, >= the venue's min_order_size"));
    order.put("OrderExecutorConfig.position_action", opt("OPEN", "OPEN, CLOSE or NIL (perpetuals)", null));
    order.put("OrderExecutorConfig.price", opt(null, "Limit price", "required for LIMIT and LIMIT_MAKER"));
    order.put("OrderExecutorConfig.chaser_config", opt(null, "LIMIT_CHASER parameters", "required for LIMIT_CHASER"));
    order.put("OrderExecutorConfig.execution_strategy", req(
        "How the order is worked: LIMIT, LIMIT_MAKER, MARKET or LIMIT_CHASER, or the standard's nested form"
            + " {\"order_type\": \"LIMIT\", \"price\": \"65000\"} (read as execution_strategy and price)",
        "a price given both nested and flat must be the same"));
    order.put("LimitChaserConfig.distance", req("Distance behind the best price, fraction", ">= 0"));
    order.put("LimitChaserConfig.refresh_threshold",
        req("Renew when the market moved away by more than this fraction", ">= 0"));
    register(new TypeDoc(OrderExecutorConfig.TYPE, OrderExecutorConfig.class,
        "Places one order (LIMIT, LIMIT_MAKER, MARKET or LIMIT_CHASER) and ends POSITION_HOLD when filled",
        "Limit entries, market fills, building positions at a price", order));

    final Map<String, FieldDoc> pos = new LinkedHashMap<>();
    pos.put("PositionExecutorConfig.entry_price", opt(null, "Entry limit price; default best bid (BUY) / ask (SELL)", "> 0"));
    pos.put("PositionExecutorConfig.amount", req("Amount in base", "> 0, >= the venue's min_order_size"));
    pos.put("PositionExecutorConfig.triple_barrier_config", opt(null, "Exit rules", null));
    pos.put("PositionExecutorConfig.activation_bounds",
        opt(null, "Place the entry only near the market: fractions of mid", "one or two fractions >= 0"));
    tripleBarrier(pos);
    register(new TypeDoc(PositionExecutorConfig.TYPE, PositionExecutorConfig.class,
        "One entry with triple-barrier exits: take profit, stop loss, trailing stop, time limit",
        "Directional trades with defined exits", pos));
  }

  static {
    final Map<String, FieldDoc> xemm = new LinkedHashMap<>();
    connectorPair(xemm);
    xemm.put("XemmExecutorConfig.buying_market", req("Where the base is bought", "{connector_name, trading_pair}"));
    xemm.put("XemmExecutorConfig.selling_market", req("Where the base is sold", "another market, same base"));
    xemm.put("XemmExecutorConfig.maker_side", req("BUY: rest the maker order on the buying market and hedge by selling; SELL: the reverse", null));
    xemm.put("XemmExecutorConfig.order_amount", req("Amount in base", "> 0"));
    xemm.put("XemmExecutorConfig.min_profitability", req("Cancel the maker order below this profitability (fraction)", "< target"));
    xemm.put("XemmExecutorConfig.target_profitability", req("Price the maker order for this profitability (fraction)", "min < target < max"));
    xemm.put("XemmExecutorConfig.max_profitability", req("Cancel the maker order above this profitability (fraction)", "> target"));
    xemm.put("XemmExecutorConfig.maker_fee_pct", opt(0, "Maker fee rate used for profitability (fraction)", "[0, 1)"));
    xemm.put("XemmExecutorConfig.taker_fee_pct", opt(0, "Taker fee rate used for profitability (fraction)", "[0, 1)"));
    register(new TypeDoc("xemm_executor", dev.osprey.domain.executor.xemm.XemmExecutorConfig.class,
        "Cross-exchange market making: a maker order on one venue, hedged at market on the other when filled",
        "Capturing spread between two venues", xemm));

    final Map<String, FieldDoc> arb = new LinkedHashMap<>();
    connectorPair(arb);
    arb.put("ArbitrageExecutorConfig.buying_market", req("Where the base is bought at market", "{connector_name, trading_pair}"));
    arb.put("ArbitrageExecutorConfig.selling_market", req("Where the base is sold at market", "another market, same base and quote"));
    arb.put("ArbitrageExecutorConfig.order_amount", req("Amount in base", "> 0"));
    arb.put("ArbitrageExecutorConfig.min_profitability", req("Trade both legs once profitability net of fees exceeds this (fraction)", "strict >"));
    arb.put("ArbitrageExecutorConfig.gas_conversion_price", opt(null, "Gas price conversion (AMM venues); informational", null));
    arb.put("ArbitrageExecutorConfig.buying_fee_pct", opt(0, "Fee rate of the buying venue (fraction)", "[0, 1)"));
    arb.put("ArbitrageExecutorConfig.selling_fee_pct", opt(0, "Fee rate of the selling venue (fraction)", "[0, 1)"));
    register(new TypeDoc("arbitrage_executor", dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig.class,
        "Buys on one venue and sells on another at market once the spread pays its fees",
        "Cross-venue arbitrage", arb));
  }

  static {
    final Map<String, FieldDoc> g = new LinkedHashMap<>();
    final String c = "GridExecutorConfig.";
    g.put(c + "start_price", req("Lowest level price", "< end_price"));
    g.put(c + "end_price", req("Highest level price", "> start_price"));
    g.put(c + "limit_price", req("Stop when mid crosses it (BUY: mid <= limit; SELL: mid >= limit)", null));
    g.put(c + "side", opt("BUY", "Grid direction: BUY buys levels and sells them at take profit", null));
    g.put(c + "total_amount_quote", req("Budget in quote, split over the levels", "> 0"));
    g.put(c + "min_spread_between_orders", opt("0.0005", "Smallest step between levels (fraction)", "> 0"));
    g.put(c + "min_order_amount_quote", opt(5, "Smallest level size in quote", "> 0"));
    g.put(c + "max_open_orders", opt(5, "Hard cap on live open (entry) orders", ">= 1"));
    g.put(c + "max_orders_per_batch", opt(null, "Most entry orders placed in one decision (null: up to the cap)", ">= 1"));
    g.put(c + "order_frequency", opt(0, "Seconds between batches of entry orders", ">= 0"));
    g.put(c + "activation_bounds", opt(null, "Only keep orders within this fraction of mid", ">= 0"));
    g.put(c + "safe_extra_spread", opt("0.0001", "Price improvement for levels that would cross the book", ">= 0"));
    g.put(c + "triple_barrier_config", opt(
        Map.of("take_profit", "0.001", "open_order_type", "LIMIT_MAKER", "take_profit_order_type", "LIMIT_MAKER"),
        "Per-level take profit and the grid's aggregate barriers; absent: the reference's grid defaults",
        "take_profit required when given; take_profit_order_type defaults to LIMIT_MAKER"));
    g.put(c + "leverage", opt(20, "Leverage (perpetuals)", ">= 1"));
    g.put(c + "deduct_base_fees", opt(false, "Deduct base-denominated fees from TP amounts (fees are in quote here)", null));
    g.put(c + "keep_position", opt(false, "At the limit price: hand the inventory over instead of closing it", null));
    g.put(c + "coerce_tp_to_step", opt(false, "Use max(step, take_profit) as each level's take profit", null));
    tripleBarrier(g);
    register(new TypeDoc("grid_executor", dev.osprey.domain.executor.grid.GridExecutorConfig.class,
        "Levels of entry orders across a price range, each with its own take profit, under aggregate barriers",
        "Range-bound markets, accumulation on dips", g));
  }

  static {
    final Map<String, FieldDoc> lp = new LinkedHashMap<>();
    final String c = "LpExecutorConfig.";
    lp.put(c + "pool_address", opt(null, "Pool address (informational on the simulated pool)", null));
    lp.put(c + "lp_provider", opt(null, "LP provider (accepted for compatibility; unused)", null));
    lp.put(c + "swap_provider", opt(null, "Swap provider (accepted for compatibility; unused)", null));
    lp.put(c + "lower_price", req("Lower bound of the price range", "> 0, < upper_price"));
    lp.put(c + "upper_price", req("Upper bound of the price range", "> lower_price"));
    lp.put(c + "base_amount", opt(0, "Base to deposit", ">= 0"));
    lp.put(c + "quote_amount", opt(0, "Quote to deposit", ">= 0"));
    lp.put(c + "side", opt("RANGE", "BUY = quote only, SELL = base only, RANGE = both (codes 0/3 RANGE, 1 BUY, 2 SELL)", null));
    lp.put(c + "upper_limit_price", opt(null, "Close when price >= this", null));
    lp.put(c + "lower_limit_price", opt(null, "Close when price <= this", null));
    lp.put(c + "auto_close_above_range_seconds", opt(null, "Close after this long above the range", "> 0"));
    lp.put(c + "auto_close_below_range_seconds", opt(null, "Close after this long below the range", "> 0"));
    lp.put(c + "fee_tier", opt("0.003", "Pool fee rate earned on in-range volume (fraction)", "[0, 1)"));
    lp.put(c + "tx_fee_quote", opt(0, "Transaction fee in quote, charged on open and on close", ">= 0"));
    lp.put(c + "keep_position", opt(false, "On close: hand the net token change over instead of swapping it back", null));
    lp.put(c + "extra_params", opt(null, "Provider-specific parameters (accepted; unused)", null));
    register(new TypeDoc("lp_executor", dev.osprey.domain.executor.lp.LpExecutorConfig.class,
        "Concentrated liquidity in a price range on a simulated pool: fees in range, closes at its limits",
        "Earning LP fees, range-bound market making", lp));

    final Map<String, FieldDoc> sw = new LinkedHashMap<>();
    sw.put("SwapExecutorConfig.connector_name", opt("paper", "Venue where the swap settles (alias: network)", "a configured connector"));
    sw.put("SwapExecutorConfig.amount", req("Amount in base", "> 0"));
    sw.put("SwapExecutorConfig.slippage_pct", opt("0.01", "Slippage tolerance (fraction)", "[0, 1)"));
    sw.put("SwapExecutorConfig.swap_providers", opt(null, "Providers to compare; default all known", "known providers only"));
    register(new TypeDoc("swap_executor", dev.osprey.domain.executor.swap.SwapExecutorConfig.class,
        "One token swap at the best quote among providers, within a slippage tolerance",
        "Rebalancing, acquiring tokens, converting profits", sw));
  }

  static {
    final Map<String, FieldDoc> d = new LinkedHashMap<>();
    final String c = "DcaExecutorConfig.";
    d.put(c + "amounts_quote", req("Quote amount of each level, in order", "same length as prices, each > 0"));
    d.put(c + "prices", req("Price of each level, in order", "same length as amounts_quote, each > 0"));
    d.put(c + "take_profit", opt(null, "Close when net P&L > take_profit (strict, fraction)", "> 0"));
    d.put(c + "stop_loss", opt(null, "MAKER: net P&L <= -stop_loss once all levels are done; TAKER: loss >= budget x stop_loss", "> 0"));
    d.put(c + "trailing_stop", opt(null, "Trailing stop on net P&L", null));
    d.put(c + "time_limit", opt(null, "Close after this many seconds from timestamp", "> 0"));
    d.put(c + "mode", opt("MAKER", "MAKER: LIMIT levels; TAKER: MARKET levels within activation bounds", null));
    d.put(c + "activation_bounds", opt(null, "Fractions of mid; TAKER default [0.0001, 0.005]", "one or two fractions >= 0"));
    tripleBarrier(d);
    register(new TypeDoc("dca_executor", dev.osprey.domain.executor.dca.DcaExecutorConfig.class,
        "Buys (or sells) in levels, in order, averaging the entry, with one set of exits on the whole position",
        "Averaging into a position", d));

    final Map<String, FieldDoc> t = new LinkedHashMap<>();
    final String w = "TwapExecutorConfig.";
    t.put(w + "total_amount_quote", req("Total to trade, in quote", "> 0"));
    t.put(w + "total_duration", req("Seconds over which to trade", "> 0"));
    t.put(w + "order_interval", req("Seconds between slices; slices = total_duration // order_interval + 1", "> 0"));
    t.put(w + "mode", opt("TAKER", "TAKER: MARKET slices; MAKER: LIMIT slices at mid -/+ limit_order_buffer", null));
    t.put(w + "limit_order_buffer", opt(null, "MAKER price offset from mid (fraction)", "required for MAKER"));
    t.put(w + "order_resubmission_time", opt(null, "MAKER: renew a slice not filled after this many seconds", "> 0"));
    register(new TypeDoc("twap_executor", dev.osprey.domain.executor.twap.TwapExecutorConfig.class,
        "Trades a total amount in equal slices over time",
        "Large orders with little market impact", t));
  }

  static void connectorPair(final Map<String, FieldDoc> m) {
    m.put("ConnectorPair.connector_name", req("Venue, e.g. paper or paper_b", "a configured connector"));
    m.put("ConnectorPair.trading_pair", req("Market as BASE-QUOTE", null));
  }

  /** The shared docs of {@code triple_barrier_config} and {@code trailing_stop}. */
  static void tripleBarrier(final Map<String, FieldDoc> m) {
    m.put("TripleBarrierConfig.stop_loss", opt(null, "Close when net P&L <= -stop_loss (fraction, fees included)", "> 0"));
    m.put("TripleBarrierConfig.take_profit", opt(null, "Close when net P&L >= take_profit (fraction)", "> 0"));
    m.put("TripleBarrierConfig.time_limit", opt(null, "Close after this many seconds from timestamp", "> 0"));
    m.put("TripleBarrierConfig.trailing_stop", opt(null, "Trailing stop on net P&L", null));
    m.put("TripleBarrierConfig.open_order_type", opt("LIMIT", "Entry order type", null));
    m.put("TripleBarrierConfig.take_profit_order_type", opt("MARKET", "MARKET: close at market; LIMIT/LIMIT_MAKER: rest a TP order", null));
    m.put("TripleBarrierConfig.stop_loss_order_type", opt("MARKET", "Stop-loss order type", "MARKET only"));
    m.put("TripleBarrierConfig.time_limit_order_type", opt("MARKET", "Time-limit order type", "MARKET only"));
    m.put("TrailingStop.activation_price", req("Activate once net P&L exceeds this fraction", null));
    m.put("TrailingStop.trailing_delta", req("Close when net P&L falls this fraction below its best", "> 0"));
  }
}
