package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decision of a {@link PositionExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so later steps see it (a second order gets
 * the next client order id, a close sees the fill that triggered it). Used once, then dropped.
 *
 * <p>Retries are paced by inputs: a decision that records a failed order places no replacement;
 * the next decision (a market tick, a wake, another report) does, as the reference's next loop.
 */
final class PositionDecision {
  private final MarketView market;
  private final Instant now;
  private final List<ExecutorEvent> events = new ArrayList<>();
  private PositionExecutor state;
  private boolean failureRecorded;
  private boolean outOfBalance;

  private PositionDecision(
      final PositionExecutor state, final MarketView market, final Instant now) {
    this.state = state;
    this.market = market;
    this.now = now;
  }

  static List<ExecutorEvent> decide(
      final PositionExecutor state,
      final ExecutorInput input,
      final MarketView market,
      final Instant now) {
    final PositionDecision d = new PositionDecision(state, market, now);
    d.handle(input);
    return List.copyOf(d.events);
  }

  private void handle(final ExecutorInput input) {
    if (state.isTerminated()) {
      return;
    }
    if (state.status() == RunnableStatus.NOT_STARTED) {
      if (input instanceof ExecutorInput.Start) {
        start();
      } else if (input instanceof ExecutorInput.Stop) {
        add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      }
      return;
    }
    if (input instanceof ExecutorInput.OrderUpdate u) {
      record(u.event());
    }
    if (state.status() == RunnableStatus.RUNNING) {
      if (input instanceof ExecutorInput.Stop s) {
        beginClose(s.keepPosition() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
      } else {
        run();
      }
    }
    if (state.status() == RunnableStatus.SHUTTING_DOWN) {
      finishShutdown();
    }
  }

  private void start() {
    add(new ExecutorEvent.Started(now));
    if (expired()) {
      add(new ExecutorEvent.Terminated(CloseType.EXPIRED, now));
      return;
    }
    run();
  }

  /**
   * Records a venue report. Every failure counts as a retry except an entry refused for balance
   * before anything filled, which ends the executor instead (retrying cannot help).
   */
  private void record(final OrderEvent report) {
    for (ExecutorEvent fact : state.orders().translate(report, now)) {
      if (fact instanceof ExecutorEvent.OrderFailed f) {
        failureRecorded = true;
        final boolean balance = endsForBalance(f);
        outOfBalance |= balance;
        add(new ExecutorEvent.OrderFailed(
            f.clientOrderId(), f.reason(), f.message(), !balance, f.at()));
      } else {
        add(fact);
      }
    }
  }

  private boolean endsForBalance(final ExecutorEvent.OrderFailed f) {
    return f.reason() == RejectReason.INSUFFICIENT_BALANCE
        && state.status() == RunnableStatus.RUNNING
        && state.orders().roleOf(f.clientOrderId()).orElse("").equals(PositionExecutor.ROLE_OPEN)
        && state.legs().openFilled().isZero();
  }

  private void run() {
    if (outOfBalance) {
      if (state.orders().hasLive()) {
        beginClose(CloseType.INSUFFICIENT_BALANCE);
      } else {
        add(new ExecutorEvent.Terminated(CloseType.INSUFFICIENT_BALANCE, now));
      }
      return;
    }
    if (state.retries() > PositionExecutor.MAX_RETRIES) {
      beginClose(CloseType.FAILED);
      return;
    }
    if (takeProfitOrderDone()) {
      beginClose(CloseType.TAKE_PROFIT);
      return;
    }
    resolveEntryPrice();
    if (state.config().entryPrice() != null) {
      if (!expired()) {
        controlOpenOrder();
      }
      if (entryComplete() && barrierHit()) {
        return;
      }
    }
    if (expired()) {
      beginClose(CloseType.TIME_LIMIT);
    }
  }

  /** No entry price configured: take the side's best price from the first book we see. */
  private void resolveEntryPrice() {
    if (state.config().entryPrice() == null && market.hasQuote()) {
      final Side side = state.config().side();
      final Price best = side == Side.BUY ? market.book().bid() : market.book().ask();
      add(new ExecutorEvent.EntryPriceResolved(best));
    }
  }

  /**
   * Keeps one entry order resting while the market is within the activation bounds: places it
   * for what is still to buy, cancels it when the market leaves the bounds before it traded.
   * Without a book the bounds cannot be judged, so nothing changes then.
   */
  private void controlOpenOrder() {
    final PositionExecutorConfig c = state.config();
    final OrderType type = c.tripleBarrierConfig().openOrderType();
    final boolean bounded = c.activationBounds() != null;
    if ((bounded || type == OrderType.LIMIT_MAKER) && !market.hasQuote()) {
      return;
    }
    final boolean inBounds =
        ActivationBounds.allow(c.activationBounds(), c.entryPrice(), c.side(), type, market.book());
    final Optional<TrackedOrder> live = state.legs().live(PositionExecutor.ROLE_OPEN);
    if (live.isPresent()) {
      final TrackedOrder o = live.get();
      if (!inBounds && o.executedBase().isZero() && state.orders().cancellable().contains(o)) {
        add(new ExecutorEvent.CancelRequested(o.id(), now));
      }
      return;
    }
    final Quantity remaining =
        floorBase(c.amount().value().subtract(state.legs().openFilled().value()));
    if (failureRecorded || isDust(remaining) || !inBounds) {
      return;
    }
    final Price price =
        type == OrderType.MARKET
            ? null
            : floorPrice(atOrBehindBook(type, c.entryPrice(), c.side()));
    submit(PositionExecutor.ROLE_OPEN, c.side(), type, remaining, price, PositionAction.OPEN);
  }

  /**
   * The gate of the price barriers: the entry is complete (nothing left to buy that could be
   * ordered, no entry order live) and big enough to trade out of.
   */
  private boolean entryComplete() {
    final Legs legs = state.legs();
    if (legs.hasLive(PositionExecutor.ROLE_OPEN)) {
      return false;
    }
    final Quantity filled = floorBase(legs.openFilled().value());
    final Quantity remaining = floorBase(state.config().amount().value().subtract(filled.value()));
    if (filled.isZero() || !isDust(remaining)) {
      return false;
    }
    final BigDecimal notional = legs.openAverage().orElseThrow().times(filled).value();
    return filled.value().compareTo(market.rules().minOrderSize()) >= 0
        && notional.compareTo(market.rules().minNotional()) >= 0;
  }

  /**
   * Stop loss, trailing stop and take profit in that order, on net P&amp;L (fees paid so far
   * included); the first hit starts the close. Returns whether one did.
   */
  private boolean barrierHit() {
    final TripleBarrierConfig b = state.config().tripleBarrierConfig();
    final boolean restingTakeProfit = b.takeProfitOrderType().isLimit();
    if (market.hasQuote()) {
      final BigDecimal pnl = PositionPnl.of(state, market).netPnlPct();
      if (b.stopLoss() != null && pnl.compareTo(b.stopLoss().negate()) <= 0) {
        beginClose(CloseType.STOP_LOSS);
        return true;
      }
      if (b.trailingStop() != null && trailingStopHit(b.trailingStop(), pnl)) {
        beginClose(CloseType.TRAILING_STOP);
        return true;
      }
      if (b.takeProfit() != null && !restingTakeProfit && pnl.compareTo(b.takeProfit()) >= 0) {
        beginClose(CloseType.TAKE_PROFIT);
        return true;
      }
    }
    if (b.takeProfit() != null && restingTakeProfit) {
      placeTakeProfitOrder(b);
    }
    return false;
  }

  /**
   * Activates strictly above the activation level, then only ratchets up; hit when P&amp;L falls
   * below the trigger. An absent trigger means inactive, so a trigger of exactly 0 is active.
   */
  private boolean trailingStopHit(final TrailingStop t, final BigDecimal pnl) {
    final Optional<BigDecimal> trigger = state.trailingStopTrigger();
    final BigDecimal candidate = pnl.subtract(t.trailingDelta());
    if (trigger.isEmpty()) {
      if (pnl.compareTo(t.activationPrice()) > 0) {
        add(new ExecutorEvent.TrailingStopMoved(candidate));
      }
      return false;
    }
    if (pnl.compareTo(trigger.get()) < 0) {
      return true;
    }
    if (candidate.compareTo(trigger.get()) > 0) {
      add(new ExecutorEvent.TrailingStopMoved(candidate));
    }
    return false;
  }

  /** Rests an exit order at {@code entry·(1±tp)} for whatever is still open. */
  private void placeTakeProfitOrder(final TripleBarrierConfig b) {
    final Legs legs = state.legs();
    final OrderType type = b.takeProfitOrderType();
    if (failureRecorded || legs.hasLive(PositionExecutor.ROLE_TAKE_PROFIT)
        || (type == OrderType.LIMIT_MAKER && !market.hasQuote())) {
      return;
    }
    final Quantity remaining = remainingToClose();
    final Side side = state.config().side();
    final BigDecimal factor =
        side == Side.BUY
            ? BigDecimal.ONE.add(b.takeProfit())
            : BigDecimal.ONE.subtract(b.takeProfit());
    if (isDust(remaining) || factor.signum() <= 0) {
      return;
    }
    final Price target = legs.openAverage().orElseThrow().scale(factor);
    final Price price = floorPrice(atOrBehindBook(type, target, side.opposite()));
    submit(PositionExecutor.ROLE_TAKE_PROFIT, side.opposite(), type, remaining, price,
        PositionAction.CLOSE);
  }

  private boolean takeProfitOrderDone() {
    final Legs legs = state.legs();
    return legs.closeFilled().isPositive()
        && !legs.hasLive(PositionExecutor.ROLE_TAKE_PROFIT)
        && isDust(remainingToClose());
  }

  /**
   * SHUTTING_DOWN with {@code type}: cancel every resting order and, unless the position is kept,
   * sell (or buy back) what is open at market.
   */
  private void beginClose(final CloseType type) {
    add(new ExecutorEvent.ShutdownStarted(type, now));
    for (TrackedOrder o : state.orders().cancellable()) {
      add(new ExecutorEvent.CancelRequested(o.id(), now));
    }
    if (type != CloseType.POSITION_HOLD) {
      placeCloseOrder();
    }
  }

  /**
   * Ends the shutdown once no order is live: kept positions terminate at once; otherwise the
   * executor terminates when what is left open is too small to order, and re-places the close
   * (one at a time, paced like every retry) until then or until the retries run out.
   */
  private void finishShutdown() {
    if (state.orders().hasLive()) {
      return;
    }
    final CloseType type = state.closeType().orElseThrow();
    if (type == CloseType.POSITION_HOLD) {
      final boolean held = state.legs().anyFilled();
      add(new ExecutorEvent.Terminated(held ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, now));
    } else if (isDust(remainingToClose())) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (state.retries() > PositionExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (!failureRecorded) {
      placeCloseOrder();
    }
  }

  private void placeCloseOrder() {
    final Quantity remaining = remainingToClose();
    if (!isDust(remaining)) {
      submit(PositionExecutor.ROLE_CLOSE, state.config().side().opposite(), OrderType.MARKET,
          remaining, null, PositionAction.CLOSE);
    }
  }

  private Quantity remainingToClose() {
    final Legs legs = state.legs();
    return floorBase(legs.openFilled().minusFloored(legs.closeFilled()).value());
  }

  private boolean expired() {
    return state.deadline().map(d -> !d.isAfter(now)).orElse(false);
  }

  /** LIMIT_MAKER never crosses: a buy at most the best bid, a sell at least the best ask. */
  private Price atOrBehindBook(final OrderType type, final Price target, final Side orderSide) {
    if (type != OrderType.LIMIT_MAKER) {
      return target;
    }
    return orderSide == Side.BUY
        ? Price.min(target, market.book().bid())
        : Price.max(target, market.book().ask());
  }

  private void submit(
      final String role,
      final Side side,
      final OrderType type,
      final Quantity amount,
      final Price price,
      final PositionAction action) {
    final PositionExecutorConfig c = state.config();
    final OrderRequest request =
        new OrderRequest(
            state.orders().nextId(), c.connectorName(), c.tradingPair(), side, type, amount, price,
            action);
    add(new ExecutorEvent.OrderSubmitted(role, request, now));
  }

  private void add(final ExecutorEvent event) {
    events.add(event);
    state = state.apply(event);
  }

  private boolean isDust(final Quantity q) {
    return market.rules().isDust(q);
  }

  private Quantity floorBase(final BigDecimal amount) {
    return market.rules().floorAmount(amount);
  }

  private Price floorPrice(final Price price) {
    return market.rules().floorPrice(price);
  }
}
