package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.EntryExitFills;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.PositionCloseDecision;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of a {@link PositionExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so later steps see it (a second order gets
 * the next client order id, a close sees the fill that triggered it). Used once, then dropped.
 *
 * <p>Retries are paced by inputs: a decision that records a failed order places no replacement;
 * the next decision (a market tick, a wake, another report) does, as the reference's next loop.
 */
final class PositionDecision extends PositionCloseDecision<PositionExecutor> {
  PositionDecision(final PositionExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  @Override
  protected void start() {
    if (expired()) {
      add(new ExecutorEvent.Terminated(CloseType.EXPIRED, now));
      return;
    }
    run();
  }

  @Override
  protected boolean isEntry(final String role) {
    return PositionExecutor.ROLE_OPEN.equals(role);
  }

  @Override
  protected void run() {
    if (endsOnRefusals(retriesSpent())) {
      return;
    }
    if (takeProfitOrderDone()) {
      beginClose(CloseType.TAKE_PROFIT);
      return;
    }
    resolveEntryPrice();
    if (state().config().entryPrice() != null) {
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
    if (state().config().entryPrice() == null && market.hasQuote()) {
      final Side side = state().config().side();
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
    final PositionExecutorConfig c = state().config();
    final OrderType type = c.tripleBarrierConfig().openOrderType();
    final boolean bounded = c.activationBounds() != null;
    if ((bounded || type == OrderType.LIMIT_MAKER) && !market.hasQuote()) {
      return;
    }
    final boolean inBounds =
        ActivationBounds.allow(c.activationBounds(), c.entryPrice(), c.side(), type, market.book());
    final Optional<TrackedOrder> live = state().legs().live(PositionExecutor.ROLE_OPEN);
    if (live.isPresent()) {
      final TrackedOrder o = live.get();
      if (!inBounds && o.executedBase().isZero() && state().orders().cancellable().contains(o)) {
        add(new ExecutorEvent.CancelRequested(o.id(), now));
      }
      return;
    }
    final Quantity remaining =
        floorBase(c.amount().value().subtract(state().legs().openFilled().value()));
    if (failureRecorded() || isDust(remaining) || !inBounds) {
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
    final Legs legs = state().legs();
    if (legs.hasLive(PositionExecutor.ROLE_OPEN)) {
      return false;
    }
    final Quantity filled = floorBase(legs.openFilled().value());
    final Quantity remaining = floorBase(state().config().amount().value().subtract(filled.value()));
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
    final TripleBarrierConfig b = state().config().tripleBarrierConfig();
    final boolean restingTakeProfit = b.takeProfitOrderType().isLimit();
    if (market.hasQuote()) {
      final BigDecimal pnl = PositionPnl.netPct(state(), market);
      if (b.stopLoss() != null && pnl.compareTo(b.stopLoss().negate()) <= 0) {
        beginClose(CloseType.STOP_LOSS);
        return true;
      }
      if (b.trailingStop() != null && trailingStopHit(b.trailingStop(), pnl, state().trailingStopTrigger())) {
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

  /** Rests an exit order at {@code entry·(1±tp)} for whatever is still open. */
  private void placeTakeProfitOrder(final TripleBarrierConfig b) {
    final Legs legs = state().legs();
    final OrderType type = b.takeProfitOrderType();
    if (failureRecorded() || legs.hasLive(PositionExecutor.ROLE_TAKE_PROFIT)
        || (type == OrderType.LIMIT_MAKER && !market.hasQuote())) {
      return;
    }
    final Quantity remaining = remainingToClose();
    final Side side = state().config().side();
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
    final Legs legs = state().legs();
    return legs.closeFilled().isPositive()
        && !legs.hasLive(PositionExecutor.ROLE_TAKE_PROFIT)
        && isDust(remainingToClose());
  }

  @Override
  protected EntryExitFills fills() {
    return state().legs();
  }

  @Override
  protected boolean retriesSpent() {
    return state().retries() > PositionExecutor.MAX_RETRIES;
  }

  @Override
  protected String closeRole() {
    return PositionExecutor.ROLE_CLOSE;
  }

  private boolean expired() {
    return state().deadline().map(d -> !d.isAfter(now)).orElse(false);
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
}
