package dev.osprey.domain.executor.swap;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision of a {@link SwapExecutor}: send its one order at the first quote, then end
 * COMPLETED once it filled, or cancel it and end FAILED when it waits too long or the venue's
 * price moves beyond the limit.
 */
final class SwapDecision extends LifecycleDecision<SwapExecutor> {
  SwapDecision(final SwapExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  @Override
  protected void run() {
    final Optional<TrackedOrder> sent = state().order();
    if (sent.isEmpty()) {
      send();
      return;
    }
    final TrackedOrder o = sent.get();
    if (o.status() == OrderStatus.FAILED) {
      add(new ExecutorEvent.Terminated(
          state().refusal() == RejectReason.INSUFFICIENT_BALANCE
              ? CloseType.INSUFFICIENT_BALANCE
              : CloseType.FAILED,
          now));
    } else if (o.isDone()) {
      add(new ExecutorEvent.Terminated(state().completedOr(CloseType.FAILED), now));
    } else if (!now.isBefore(state().sentAt().plus(SwapExecutor.FILL_TIMEOUT)) || beyondLimit()) {
      beginClose(CloseType.FAILED);
    }
  }

  /** Nothing sent: ends at once; sent and live: cancel it; done: as it ended. */
  @Override
  protected void stop(final boolean keepPosition) {
    if (state().order().isEmpty()) {
      add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
    } else if (state().orders().hasLive()) {
      add(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, now));
    } else {
      run();
    }
  }

  @Override
  protected void finishShutdown() {
    cancelAll();
    if (!state().orders().hasLive()) {
      add(new ExecutorEvent.Terminated(
          state().completedOr(state().closeType().orElseThrow()), now));
    }
  }

  /** Compares the providers and sends the order, or fails when the venue rules forbid it. */
  private void send() {
    final SwapExecutorConfig c = state().config();
    final Optional<TopOfBook> top = market.top();
    if (top.isEmpty()) {
      return;
    }
    final TradingRules rules = market.rules();
    final Side side = c.side();
    final List<ProviderQuote> quotes =
        SwapProviders.quotes(c.swapProviders(), side, top.get().mid());
    final ProviderQuote best = SwapProviders.best(quotes, side);
    final Price limit =
        new Price(
            Decimals.floorTo(
                SwapProviders.limitPrice(best.price(), side, c.slippagePct()).value(),
                rules.priceIncrement()));
    final Quantity amount =
        new Quantity(Decimals.floorTo(c.amount().value(), rules.baseIncrement()));
    add(new SwapRouteChosen(quotes, best.provider(), best.price(), limit, now));
    if (!amount.isPositive()
        || limit.isZero()
        || rules.violation(amount.value(), limit.value()).isPresent()) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    submit(SwapExecutor.ROLE, side, OrderType.LIMIT, amount, limit, PositionAction.NIL);
  }

  /** The venue's best opposite price is already worse than the limit. */
  private boolean beyondLimit() {
    final SwapRouteChosen route = state().route().orElse(null);
    if (route == null || market.top().isEmpty()) {
      return false;
    }
    final Side side = state().config().side();
    final Price taker = market.top().get().takerPrice(side);
    return side == Side.BUY
        ? taker.gt(route.limitPrice())
        : taker.lt(route.limitPrice());
  }
}
