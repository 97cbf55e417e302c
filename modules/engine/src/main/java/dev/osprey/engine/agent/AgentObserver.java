package dev.osprey.engine.agent;

import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.gateway.ControllerRisk;
import dev.osprey.engine.gateway.ExecutorSearch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
    final Map<String, BigDecimal> planned = Observations.plannedAmounts(state);
    final ExecutorSearch mine = new ExecutorSearch(ExecutorSearch.MAX_LIMIT, null, Set.of(agentId), Set.of(),
        Set.of(), Set.of(), Set.of());
    return context.executors().list(mine).thenCompose(views ->
        context.controllers().positions(agentId).thenCompose(book ->
            context.controllers().risk(agentId).thenApply(risk -> new Observation(now, markets,
                Observations.executors(views.stream().map(ExecutorView::report).toList(), planned),
                Observations.positions(book), risk(risk, state.costOn(now))))));
  }

  /** The connector that trades {@code connector} on this node: itself, or its paper twin. */
  String venueOf(final String connector) {
    return PaperTrade.resolve(connector, n -> context.venues().get(n).isPresent());
  }

  private List<ObservedMarket> markets(final AgentState state) {
    final List<ObservedMarket> out = new ArrayList<>();
    for (String connector : state.spec().connectors()) {
      final String venue = venueOf(connector);
      for (String symbol : Observations.pairs(state.configs())) {
        final TradingPair pair = TradingPair.parse(symbol);
        final Optional<TopOfBook> top = context.venues().get(venue).flatMap(v -> v.topOfBook(pair));
        out.add(new ObservedMarket(connector, venue, symbol, top.map(t -> t.bid().value()),
            top.map(t -> t.ask().value()), context.candles().oneMinute(venue, pair, context.settings().candles())));
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
