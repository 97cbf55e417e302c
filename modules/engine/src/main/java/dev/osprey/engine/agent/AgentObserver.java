package dev.osprey.engine.agent;

import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedExecutor;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedPosition;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ControllerRisk;
import dev.osprey.engine.gateway.ExecutorSearch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The observe step of a tick: the agent's markets (quotes and one-minute candles), its own executors
 * and positions (by its {@code controller_id}, never another's) and its risk state. Asks the
 * gateways; nothing here changes anything.
 */
final class AgentObserver {
  private final AgentContext context;

  AgentObserver(final AgentContext context) {
    this.context = context;
  }

  CompletionStage<Observation> observe(final String agentId, final AgentState state, final Instant now) {
    final List<ObservedMarket> markets = markets(state);
    final Map<String, BigDecimal> planned = plannedAmounts(state);
    final ExecutorSearch mine = new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null, Set.of(agentId), Set.of(),
        Set.of(), Set.of(), Set.of());
    return context.executors().list(mine).thenCompose(views ->
        context.controllers().positions(agentId).thenCompose(book ->
            context.controllers().risk(agentId).thenApply(risk -> new Observation(now, markets,
                executors(views, planned), positions(book), risk(risk, state.costOn(now))))));
  }

  /** The pairs an agent trades: {@code trading_pair}, or each of {@code trading_pairs}. */
  static List<String> pairs(final Map<String, Object> configs) {
    final Set<String> pairs = new LinkedHashSet<>();
    final Object one = configs.get("trading_pair");
    if (one != null) {
      pairs.add(one.toString());
    }
    if (configs.get("trading_pairs") instanceof List<?> many) {
      many.forEach(p -> pairs.add(String.valueOf(p)));
    }
    return List.copyOf(pairs);
  }

  /** The connector that trades {@code connector} on this node: itself, or its paper twin. */
  String venueOf(final String connector) {
    return PaperTrade.resolve(connector, n -> context.venues().get(n).isPresent());
  }

  private List<ObservedMarket> markets(final AgentState state) {
    final List<ObservedMarket> out = new ArrayList<>();
    for (String connector : state.spec().connectors()) {
      final String venue = venueOf(connector);
      for (String symbol : pairs(state.configs())) {
        final TradingPair pair = TradingPair.parse(symbol);
        final Optional<TopOfBook> top = context.venues().get(venue).flatMap(v -> v.topOfBook(pair));
        out.add(new ObservedMarket(connector, venue, symbol, top.map(t -> t.bid().value()),
            top.map(t -> t.ask().value()), context.candles().oneMinute(venue, pair, context.settings().candles())));
      }
    }
    return out;
  }

  private static Map<String, BigDecimal> plannedAmounts(final AgentState state) {
    final Map<String, BigDecimal> m = new java.util.HashMap<>();
    state.sessions().forEach(s -> s.executors().forEach(e -> m.put(e.executorId(), e.amountQuote())));
    return m;
  }

  private static List<ObservedExecutor> executors(final List<ExecutorView> views, final Map<String, BigDecimal> planned) {
    final List<ObservedExecutor> out = new ArrayList<>();
    for (ExecutorView v : views) {
      final ExecutorReport r = v.report();
      final boolean open = r.status() != RunnableStatus.TERMINATED;
      out.add(new ObservedExecutor(r.id(), r.type(), r.connectorName(), r.tradingPair().symbol(),
          r.side() == null ? "-" : r.side().name(), r.status().name(), open,
          planned.getOrDefault(r.id(), r.filledAmountQuote().value()), r.netPnlQuote().value(),
          r.cumFeesQuote().value(), r.filledAmountQuote().value(),
          r.closeType() == null || open ? "" : r.closeType().name(), r.timestamp()));
    }
    return out;
  }

  private static List<ObservedPosition> positions(final PositionBook book) {
    final List<ObservedPosition> out = new ArrayList<>();
    for (PositionHold h : book.holds()) {
      if (!h.isFlat()) {
        out.add(new ObservedPosition(h.key().connectorName(), h.key().tradingPair().symbol(), h.netBase(),
            h.breakevenPrice().value()));
      }
    }
    return out;
  }

  private static ObservedRisk risk(final ControllerRisk r, final BigDecimal costToday) {
    final ControllerRisk.Usage u = r.usage();
    return new ObservedRisk(r.limits(), r.effectiveTradingState().name(), u.openExecutors(), u.exposureQuote(),
        u.dailyPnlQuote(), u.cumulativePnlQuote(), u.peakPnlQuote(), u.drawdownPct(), costToday);
  }
}
