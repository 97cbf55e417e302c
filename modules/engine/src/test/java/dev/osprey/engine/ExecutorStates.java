package dev.osprey.engine;

import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutorConfig;
import dev.osprey.domain.executor.dca.DcaExecutorConfig;
import dev.osprey.domain.executor.dca.DcaMode;
import dev.osprey.domain.executor.grid.GridExecutorConfig;
import dev.osprey.domain.executor.lp.LpExecutorConfig;
import dev.osprey.domain.executor.lp.LpSide;
import dev.osprey.domain.executor.order.ExecutionStrategy;
import dev.osprey.domain.executor.order.OrderExecutorConfig;
import dev.osprey.domain.executor.position.PositionExecutorConfig;
import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.executor.swap.SwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapExecutorConfig;
import dev.osprey.domain.executor.twap.TwapMode;
import dev.osprey.domain.executor.xemm.XemmExecutorConfig;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One state of every executor type as it runs: started on a quote, its first order (if it has
 * one) accepted and partly filled. What an executor snapshot holds, for the serialization tests.
 */
final class ExecutorStates {
  static final Instant T = Instant.parse("2026-02-03T04:05:06.789Z");
  private static final TradingPair PAIR = TradingPair.parse("BTC-USDT");
  private static final ConnectorPair PAPER = new ConnectorPair("paper", PAIR);
  private static final ConnectorPair PAPER_B = new ConnectorPair("paper_b", PAIR);

  private ExecutorStates() {}

  /** Every executor type, by its config type name, in a running state with one fill. */
  static Map<String, Executor> running() {
    final Map<String, Executor> out = new LinkedHashMap<>();
    for (ExecutorConfig c : configs()) {
      out.put(c.type(), run(c));
    }
    return out;
  }

  static List<ExecutorConfig> configs() {
    final BigDecimal pct1 = new BigDecimal("0.01");
    final BigDecimal pct2 = new BigDecimal("0.02");
    return List.of(
        new PositionExecutorConfig("pos-1", "agent", T, "paper", PAIR, Side.BUY, Price.of("100"),
            Quantity.of("1"), new TripleBarrierConfig(pct1, pct2, 3600L,
                new TrailingStop(pct1, new BigDecimal("0.005")), OrderType.LIMIT, OrderType.LIMIT,
                OrderType.MARKET, OrderType.MARKET), 1, null, "L1"),
        new OrderExecutorConfig("ord-1", "agent", T, "paper", PAIR, Side.BUY, Quantity.of("1.5"),
            PositionAction.OPEN, Price.of("99"), null, ExecutionStrategy.LIMIT, 1, null),
        GridExecutorConfig.fromJson("grid-1", "agent", T, "paper", PAIR, Price.of("80"),
            Price.of("120"), Price.of("75"), Side.BUY, QuoteAmount.of("90.5"),
            new BigDecimal("0.05"), QuoteAmount.of("5"), null, null, null, null, null,
            new GridExecutorConfig.BarrierInput(null, pct2, null, null, null, null, null, null),
            null, "grid-1", null, false, false),
        new DcaExecutorConfig("dca-1", "agent", T, "paper", PAIR, Side.BUY, 1,
            List.of(new BigDecimal("50"), new BigDecimal("50")),
            List.of(new BigDecimal("100"), new BigDecimal("95")), pct2, pct1, null, 3600L,
            DcaMode.MAKER, null, "L2"),
        new TwapExecutorConfig("twap-1", "agent", T, "paper", PAIR, Side.BUY, 1,
            new BigDecimal("300"), 30L, 10L, TwapMode.TAKER, null, null),
        new XemmExecutorConfig("xemm-1", "agent", T, PAPER, PAPER_B, Side.BUY, Quantity.of("1"),
            new BigDecimal("0.001"), new BigDecimal("0.002"), new BigDecimal("0.05"), null, null),
        new ArbitrageExecutorConfig("arb-1", "agent", T, PAPER, PAPER_B, Quantity.of("1"),
            new BigDecimal("0.001"), null, null, null),
        new LpExecutorConfig("lp-1", "agent", T, "paper", PAIR, "pool-1", "meteora/clmm", null,
            Price.of("90"), Price.of("110"), Quantity.of("1"), QuoteAmount.of("100"), LpSide.RANGE,
            null, null, null, null, new BigDecimal("0.003"), null, false, null),
        new SwapExecutorConfig("swap-1", "agent", T, "paper", PAIR, Side.BUY, Quantity.of("1"),
            pct1, null));
  }

  /**
   * The executor started on a 99.5/100.5 quote (101/101.5 on the second venue), then its first
   * order accepted and half filled.
   */
  private static Executor run(final ExecutorConfig config) {
    final Map<ConnectorPair, TopOfBook> books = Map.of(
        PAPER, TopOfBook.of("paper", PAIR, Price.of("99.5"), Price.of("100.5"), T),
        PAPER_B, TopOfBook.of("paper_b", PAIR, Price.of("101"), Price.of("101.5"), T));
    final MarketView market = MarketView.of(config.markets().get(0), books,
        Map.of(PAPER, TradingRules.DEFAULT, PAPER_B, TradingRules.DEFAULT));
    Executor e = Executors.create(config);
    e = e.applyAll(e.decide(new ExecutorInput.Start(), market, T));
    if (e.orders().all().isEmpty()) {
      return e;
    }
    final TrackedOrder first = e.orders().all().get(0);
    final Price price = first.request().price() == null ? Price.of("100") : first.request().price();
    for (OrderEvent report : List.of(
        new OrderEvent.Accepted(first.id(), "venue-1", T),
        new OrderEvent.Filled(first.id(), new Fill("trade-1", price,
            new Quantity(first.request().amount().value().divide(BigDecimal.valueOf(2))),
            QuoteAmount.of("0.025"), true, T), T))) {
      e = e.applyAll(e.decide(new ExecutorInput.OrderUpdate(report), market, T));
    }
    return e;
  }
}
