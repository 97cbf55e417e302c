package dev.osprey.engine.risk;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.position.PositionBook;
import dev.osprey.domain.position.PositionHold;
import dev.osprey.domain.risk.ControllerMark;
import dev.osprey.domain.risk.RiskDecision;
import dev.osprey.domain.risk.RiskRules;
import dev.osprey.domain.risk.RiskUsage;
import dev.osprey.domain.risk.TradingState;
import dev.osprey.engine.risk.RiskSupervisorEntity.Event;
import dev.osprey.engine.risk.RiskSupervisorEntity.TradingStateSet;
import dev.osprey.engine.risk.RiskSupervisorEntity.WindDownStarted;
import dev.osprey.engine.EngineContext;
import dev.osprey.engine.executor.ExecutorProtocol;
import dev.osprey.engine.executor.ExecutorView;
import dev.osprey.engine.position.PositionBookEntity;
import dev.osprey.engine.risk.RiskProtocol.Entry;
import dev.osprey.engine.risk.RiskProtocol.Command;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * Marks one controller to market and keeps the latest mark: asks each running executor for its
 * report (net P&amp;L marked to the mid) and the position book for the held positions, valued at
 * the venues' mids. One ask per running executor per mark: bounded by {@code max_open_executors},
 * not by history. The mark is in memory (re-marked within a second of a restart); while the latest
 * attempt failed, {@link #error()} says why and creates are denied (never fail-open).
 */
final class ControllerMarker {
  /** A mark arrived ({@code error} when it could not be taken). */
  record Marked(ControllerMark mark, String error) implements Command {}

  private final ActorContext<Command> ctx;
  private final EngineContext engine;
  private final String controllerId;
  private ControllerMark mark = ControllerMark.NONE;
  private QuoteAmount markedPeak = QuoteAmount.ZERO;
  private String error;
  private boolean marking;

  ControllerMarker(final ActorContext<Command> ctx, final EngineContext engine, final String controllerId) {
    this.ctx = ctx;
    this.engine = engine;
    this.controllerId = controllerId;
  }

  /** Starts a mark unless one is under way; a controller that never ran an executor has none to take. */
  void markNow(final SupervisorState s) {
    if (marking || (!s.registered() && s.openCount() == 0)) {
      return;
    }
    marking = true;
    final List<String> running = new ArrayList<>();
    for (Entry e : s.executors().values()) {
      if (e.open() && e.confirmed()) {
        running.add(e.executorId());
      }
    }
    ctx.pipeToSelf(mark(running), (m, err) -> new Marked(m, err == null ? null : String.valueOf(err.getMessage())));
  }

  /** Takes in a mark of a controller whose realized cumulative P&amp;L is {@code cumulative}. */
  void received(final Marked m, final BigDecimal cumulative) {
    marking = false;
    if (m.error() != null) {
      if (error == null) {
        ctx.getLog().warn("controller {}: marking to market failed: {}", controllerId, m.error());
      }
      error = m.error();
      return;
    }
    error = null;
    mark = m.mark();
    final QuoteAmount current = QuoteAmount.of(cumulative).plus(mark.pnl());
    if (current.compareTo(markedPeak) > 0) {
      markedPeak = current;
    }
  }

  /** The controller's usage: what closed executors realized plus the latest mark. */
  RiskUsage usage(final SupervisorState s, final Instant now) {
    final RiskUsage realized = new RiskUsage(s.openCount(), QuoteAmount.of(s.exposure()),
        QuoteAmount.of(s.dailyPnl(now)), QuoteAmount.of(s.peakPnl()), QuoteAmount.of(s.cumulativePnl()),
        BigDecimal.ZERO);
    return mark.applyTo(realized, markedPeak);
  }

  /**
   * {@code leading} followed, when the drawdown after them is past {@code shutdown_drawdown_pct}
   * and the controller is not halted yet, by the kill switch's events (halt, then wind down
   * closing positions); empty when nothing trips.
   */
  Optional<List<Event>> tripIfBroken(final SupervisorState s, final Instant now, final List<Event> leading) {
    SupervisorState after = s;
    for (Event e : leading) {
      after = RiskSupervisorEvents.apply(after, e);
    }
    final Optional<RiskDecision.Denied> trip = after.tradingState() == TradingState.HALTED
        ? Optional.empty()
        : RiskRules.killSwitch(after.limits(), usage(after, now));
    if (trip.isEmpty()) {
      return Optional.empty();
    }
    ctx.getLog().warn("controller {}: kill switch tripped: {}", controllerId, trip.get().message());
    final List<Event> events = new ArrayList<>(leading);
    events.add(new TradingStateSet(TradingState.HALTED, trip.get().message(), now));
    events.add(new WindDownStarted(false, now));
    return Optional.of(events);
  }

  ControllerMark latest() {
    return mark;
  }

  String error() {
    return error;
  }

  private CompletionStage<ControllerMark> mark(final List<String> runningExecutorIds) {
    final ClusterSharding sharding = ClusterSharding.get(ctx.getSystem());
    final Duration timeout = engine.settings().askTimeout();
    final List<CompletableFuture<QuoteAmount>> pnls = new ArrayList<>();
    for (String id : runningExecutorIds) {
      pnls.add(sharding.entityRefFor(ExecutorProtocol.ENTITY_KEY, id)
          .<StatusReply<ExecutorView>>ask(ExecutorProtocol.Get::new, timeout)
          .thenApply(r -> r.getValue().report().netPnlQuote())
          .toCompletableFuture());
    }
    final CompletableFuture<PositionBook> book = sharding.entityRefFor(PositionBookEntity.ENTITY_KEY, controllerId)
        .<PositionBook>ask(PositionBookEntity.GetBook::new, timeout)
        .toCompletableFuture();
    return CompletableFuture.allOf(pnls.toArray(CompletableFuture[]::new)).thenCombine(book, (done, b) -> {
      final List<QuoteAmount> running = new ArrayList<>(pnls.size());
      pnls.forEach(f -> running.add(f.join()));
      return ControllerMark.of(running, b.holds(), this::mid, engine.clock().instant());
    });
  }

  private Optional<Price> mid(final PositionHold hold) {
    return engine.venues().get(hold.key().connectorName())
        .flatMap(v -> v.topOfBook(hold.key().tradingPair()))
        .map(TopOfBook::mid);
  }
}
