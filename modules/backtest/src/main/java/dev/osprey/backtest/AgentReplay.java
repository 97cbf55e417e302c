package dev.osprey.backtest;

import dev.osprey.agent.AgentDefinition;
import dev.osprey.agent.files.Insight;
import dev.osprey.agent.journal.TickOutcome;
import dev.osprey.agent.policy.Observation;
import dev.osprey.agent.policy.ObservedMarket;
import dev.osprey.agent.policy.ObservedRisk;
import dev.osprey.agent.policy.Policy;
import dev.osprey.agent.policy.PolicyOutcome;
import dev.osprey.agent.policy.PreTickGate;
import dev.osprey.agent.policy.TickContext;
import dev.osprey.agent.routine.Routines;
import dev.osprey.backtest.ReplayEngine.Desk;
import dev.osprey.backtest.ReplayEngine.Run;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.engine.agent.AgentEvent;
import dev.osprey.engine.agent.AgentFiles;
import dev.osprey.engine.agent.AgentSpec;
import dev.osprey.engine.agent.AgentState;
import dev.osprey.engine.agent.ExecutorConfigReader;
import dev.osprey.engine.agent.Observations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An agent replayed over recorded quotes: the live agent's tick (observe, pre-tick gate, decide,
 * act, record) on the data's clock, with the same policy, the same tool rules, the same risk rules
 * and the same events folded into the same {@link AgentState} as the live entity, so its journal
 * and snapshots render exactly as a live agent's. It runs one session from the first quote to the
 * last; its executors run in the {@link ReplayEngine} beside it.
 *
 * <p>A policy must decide synchronously here (the rule policies do): a replay has no wall clock to
 * wait on, and a policy that needs one (the LLM policy) is refused before the replay starts.
 */
final class AgentReplay implements ReplayEngine.Participant {
  static final String BY = "backtest";

  private final String agentId;
  private final Policy policy;
  private final ReplayRisk risk;
  private final ReplayMarkets markets;
  private final ReplayClock clock;
  private final ExecutorConfigReader reader;
  private final int candles;
  private final Routines routines = Routines.builtIn();
  private final List<AgentEvent> journal = new ArrayList<>();
  private AgentState state = AgentState.empty();

  /**
   * @param clock the agent's time: set to each tick's time before it runs (routines and created
   *     executors read it)
   * @param candles how many one-minute candles a tick observes per market (as {@code osprey.agents.candles})
   */
  AgentReplay(final AgentDefinition definition, final List<Insight> learnings, final Policy policy,
      final ReplayClock clock, final ReplayMarkets markets, final ExecutorConfigReader reader, final int candles) {
    this.agentId = definition.slug();
    this.policy = policy;
    this.clock = clock;
    this.reader = reader;
    this.markets = markets;
    this.candles = candles;
    this.risk = new ReplayRisk(definition.limits());
    record(new AgentEvent.AgentCreated(AgentSpec.of(definition), BY, clock.instant()));
    learnings.stream().sorted(Comparator.comparing(Insight::at))
        .forEach(i -> record(new AgentEvent.LearningAdded(i.text(), i.at())));
  }

  /** Starts the session at the first point of the replay. */
  void start(final Instant at) {
    record(new AgentEvent.SessionStarted(1, BY, at));
  }

  /** Stops the session at the end of the data. */
  void stop(final Instant at) {
    if (state.live().isPresent()) {
      record(new AgentEvent.SessionStopped(state.current().orElseThrow().number(), BY, at));
    }
  }

  AgentState state() {
    return state;
  }

  /** Every event of the replayed agent, in order: what a live agent would have journaled. */
  List<AgentEvent> events() {
    return List.copyOf(journal);
  }

  void record(final AgentEvent event) {
    state = state.apply(event);
    journal.add(event);
  }

  @Override
  public Optional<Instant> nextDue() {
    return state.nextTickAt();
  }

  @Override
  public void quoted(final ConnectorPair market, final TopOfBook top) {
    markets.quoted(market, top);
  }

  @Override
  public void act(final Instant now, final Desk desk) {
    clock.advanceTo(now);
    final int session = state.current().orElseThrow().number();
    final long tick = state.current().orElseThrow().lastTick() + 1;
    final AgentEvent.TickStarted started = new AgentEvent.TickStarted(session, tick, now);
    record(started);
    final Observation obs;
    try {
      obs = observe(desk, now);
    } catch (RuntimeException e) {
      complete(session, tick, TickOutcome.FAILED, "observe failed: " + why(e), null, now);
      return;
    }
    if (PreTickGate.check(obs.risk()) instanceof RiskDecision.Denied d) {
      complete(session, tick, TickOutcome.BLOCKED, d.code() + ": " + d.message(), obs, now);
      return;
    }
    final TickContext context = new TickContext(agentId, session, tick, now, state.spec().definition(),
        state.configs(), state.learnings().active().stream().map(Insight::text).toList(),
        AgentFiles.journal(state, state.current().orElseThrow(), obs.executors(), List.of()), obs);
    final ReplayAgentTools tools = new ReplayAgentTools(this, desk, started);
    final CompletableFuture<PolicyOutcome> decided;
    try {
      decided = policy.decide(context, tools).toCompletableFuture();
    } catch (RuntimeException e) {
      complete(session, tick, TickOutcome.FAILED, "policy failed: " + why(e), obs, now);
      return;
    }
    if (!decided.isDone()) {
      decided.cancel(true);
      complete(session, tick, TickOutcome.FAILED,
          "policy failed: it did not decide synchronously, which a replay needs", obs, now);
      return;
    }
    try {
      final PolicyOutcome outcome = decided.get();
      record(AgentEvent.TickCompleted.of(session, tick, TickOutcome.OK, outcome.summary(), obs, outcome, now));
    } catch (ExecutionException | CompletionException | InterruptedException e) {
      complete(session, tick, TickOutcome.FAILED, "policy failed: " + why(e), obs, now);
    }
  }

  private void complete(final int session, final long tick, final TickOutcome outcome, final String summary,
      final Observation obs, final Instant now) {
    record(AgentEvent.TickCompleted.of(session, tick, outcome, summary, obs, PolicyOutcome.rule("", 0), now));
  }

  // ---- observe: what the live AgentObserver asks the gateways, read off the replay ----------------

  private Observation observe(final Desk desk, final Instant now) {
    List<Run> mine = mine(desk);
    risk.settle(mine, r -> report(desk, r, now));
    final PositionBook book = book(mine);
    final RiskUsage usage = usage(desk, mine, book, now);
    if (risk.tripIfBroken(usage).isPresent()) {
      for (Run r : mine) {
        desk.stop(r.config().id(), false);   // the kill switch winds down, closing positions
      }
      mine = mine(desk);   // the runs are snapshots: observe the executors as the stops left them
    }
    final List<ExecutorReport> reports = mine.stream().map(r -> report(desk, r, now)).toList();
    return new Observation(now, observedMarkets(desk),
        Observations.executors(reports, Observations.plannedAmounts(state)), Observations.positions(book),
        new ObservedRisk(risk.limits(), risk.state().name(), usage.openExecutors(), usage.exposureQuote().value(),
            usage.dailyRealizedPnl().value(), usage.currentCumulativePnl().value(),
            usage.peakCumulativePnl().value(), usage.drawdownPct(), state.costOn(now)));
  }

  /** The agent's usage of its limits now, marked at the replay's quotes. */
  RiskUsage usage(final Desk desk, final List<Run> mine, final PositionBook book, final Instant now) {
    final List<QuoteAmount> running = new ArrayList<>();
    for (Run r : mine) {
      if (!r.executor().isTerminated()) {
        running.add(report(desk, r, now).netPnlQuote());
      }
    }
    return risk.usage(running, book, h -> desk.view(new ConnectorPair(h.key().connectorName(),
        h.key().tradingPair())).top().map(TopOfBook::mid), now);
  }

  private List<ObservedMarket> observedMarkets(final Desk desk) {
    final List<ObservedMarket> out = new ArrayList<>();
    for (String connector : state.spec().connectors()) {
      final String venue = markets.venueOf(connector);
      for (String symbol : Observations.pairs(state.configs())) {
        final TradingPair pair = TradingPair.parse(symbol);
        final Optional<TopOfBook> top = desk.view(new ConnectorPair(venue, pair)).top();
        out.add(new ObservedMarket(connector, venue, symbol, top.map(t -> t.bid().value()),
            top.map(t -> t.ask().value()), markets.candles(venue, pair,
                dev.osprey.agent.market.CandleInterval.ONE_MINUTE, candles)));
      }
    }
    return out;
  }

  /** The agent's executors, in creation order. */
  List<Run> mine(final Desk desk) {
    return desk.runs().stream().filter(r -> agentId.equals(r.config().controllerId())).toList();
  }

  /** Inventory handed over by the agent's terminated executors, in creation order (as the report). */
  PositionBook book(final List<Run> runs) {
    PositionBook book = PositionBook.empty(agentId);
    for (Run r : runs) {
      final List<HeldOrder> held = r.executor().heldOrders();
      if (r.executor().isTerminated() && !held.isEmpty()) {
        book = book.apply(r.config().id(), held);
      }
    }
    return book;
  }

  static ExecutorReport report(final Desk desk, final Run r, final Instant now) {
    return r.executor().report(desk.view(r.config().markets().get(0)), now);
  }

  String agentId() {
    return agentId;
  }

  ReplayRisk risk() {
    return risk;
  }

  ReplayMarkets markets() {
    return markets;
  }

  Routines routines() {
    return routines;
  }

  ExecutorConfigReader reader() {
    return reader;
  }

  static String why(final Throwable e) {
    final Throwable cause = (e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** The executors' latest numbers, for the journal's Executors section. */
  static Map<String, AgentFiles.Numbers> numbers(final List<ExecutorReport> reports) {
    final Map<String, AgentFiles.Numbers> m = new java.util.HashMap<>();
    reports.forEach(r -> m.put(r.id(), AgentFiles.Numbers.of(r)));
    return m;
  }
}
