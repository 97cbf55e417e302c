package dev.osprey.app;

import dev.osprey.agent.market.Candle;
import dev.osprey.agent.market.CandleInterval;
import dev.osprey.agent.policy.ToolResult;
import dev.osprey.agent.routine.JdkWebhookSender;
import dev.osprey.agent.routine.AlertLog;
import dev.osprey.agent.routine.RoutineChannels;
import dev.osprey.agent.routine.RoutineContext;
import dev.osprey.agent.routine.RoutineResult;
import dev.osprey.agent.routine.Routines;
import dev.osprey.api.routines.RoutineService;
import dev.osprey.domain.market.PaperTrade;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.engine.agent.RoutineRunner;
import dev.osprey.engine.agent.VenueCandles;
import dev.osprey.engine.venue.Venues;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The routines of a node: the built-in ones over this node's venues (candles from their quotes,
 * connector names resolved to paper twins as executors resolve them), webhooks over the JDK client
 * and alerts in a bounded log. Runs off the caller's thread: a webhook may wait for seconds.
 */
final class NodeRoutines implements RoutineService, RoutineRunner, RoutineContext {
  private final Routines routines = Routines.builtIn();
  private final Venues venues;
  private final VenueCandles candles;
  private final Executor executor;
  private final RoutineChannels channels;

  NodeRoutines(final Venues venues, final VenueCandles candles, final Clock clock, final Executor executor) {
    this.venues = venues;
    this.candles = candles;
    this.executor = executor;
    this.channels = new RoutineChannels(clock, new JdkWebhookSender(), new AlertLog());
  }

  /** The candles routines and agents read. */
  VenueCandles candles() {
    return candles;
  }

  @Override
  public List<Map<String, Object>> describe() {
    return routines.describe();
  }

  @Override
  public CompletionStage<RoutineResult> run(final String name, final Map<String, Object> args) {
    return CompletableFuture.supplyAsync(() -> routines.run(name, args, this), executor);
  }

  /** For agents: the outcome as a tool result, a refusal carrying why. */
  @Override
  public CompletionStage<ToolResult> run(final String agentId, final String name, final Map<String, Object> args) {
    return run(name, args).handle((r, err) -> ToolResult.ofRoutine(name, r, err));
  }

  private String venue(final String connector) {
    return PaperTrade.resolve(connector, n -> venues.get(n).isPresent());
  }

  @Override
  public List<Candle> candles(final String connector, final TradingPair pair, final CandleInterval interval,
      final int limit) {
    return candles.candles(venue(connector), pair, interval, limit);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final String connector, final TradingPair pair) {
    return venues.get(venue(connector)).flatMap(v -> v.topOfBook(pair));
  }

  @Override
  public RoutineChannels channels() {
    return channels;
  }
}
