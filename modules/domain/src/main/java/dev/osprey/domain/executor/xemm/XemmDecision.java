package dev.osprey.domain.executor.xemm;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.arbitrage.BuySellLegs;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of an {@link XemmExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so later steps see it (the hedge sees the
 * fill that completed the maker side). Used once, then dropped.
 */
final class XemmDecision extends LifecycleDecision<XemmExecutor> {
  XemmDecision(final XemmExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /** RUNNING; an amount a venue cannot take at all fails at once (no retry would help). */
  @Override
  protected void start() {
    final XemmExecutorConfig c = state().config();
    if (!orderable(c.makerMarket()) || !orderable(c.takerMarket())) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    run();
  }

  /** {@code order_amount}, quantized, is at least the minimum order size on market {@code m}. */
  private boolean orderable(final ConnectorPair m) {
    final TradingRules r = rules(m);
    return !r.isDust(r.floorAmount(state().config().orderAmount().value()));
  }

  /**
   * A maker order refused for balance before any maker fill ends the executor
   * INSUFFICIENT_BALANCE; every other refusal counts as a retry.
   */
  @Override
  protected ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    return retryUnlessBalance(f,
        f.reason() == RejectReason.INSUFFICIENT_BALANCE
            && state().status() == RunnableStatus.RUNNING
            && state().orders().roleOf(f.clientOrderId()).orElse("").equals(XemmExecutor.ROLE_MAKER)
            && state().makerFilled().isZero());
  }

  /**
   * Keeps one maker order resting at the target price: replaces it when its net profitability
   * leaves [min, max] (waiting for the cancel to be confirmed, so that fills racing the cancel
   * are counted and the next order is for the true remainder), and starts the hedge once the
   * maker side is filled.
   */
  @Override
  protected void run() {
    if (outOfBalance()) {
      beginClose(CloseType.INSUFFICIENT_BALANCE);
      return;
    }
    if (state().retries() > XemmExecutor.MAX_RETRIES) {
      beginClose(CloseType.FAILED);
      return;
    }
    final Optional<TrackedOrder> live = state().liveMaker();
    if (live.isEmpty() && makerComplete()) {
      beginClose(CloseType.COMPLETED);
      return;
    }
    final Optional<XemmQuote> quote = XemmQuote.of(state().config(), market);
    if (quote.isEmpty()) {
      return;
    }
    if (live.isPresent()) {
      refresh(live.get(), quote.get());
    } else if (!state().lifecycle().retryWaiting(XemmExecutor.RETRY_DELAY, now)) {
      placeMaker(quote.get());
    }
  }

  private void refresh(final TrackedOrder maker, final XemmQuote quote) {
    final XemmExecutorConfig c = state().config();
    final boolean cancellable =
        maker.status() == OrderStatus.SUBMITTED || maker.status() == OrderStatus.OPEN;
    if (cancellable
        && quote.outOfBand(maker.request().price(), c.minProfitability(), c.maxProfitability())) {
      add(new ExecutorEvent.CancelRequested(maker.id(), now));
    }
  }

  private void placeMaker(final XemmQuote quote) {
    final XemmExecutorConfig c = state().config();
    final Quantity amount = makerRemaining();
    final Price price = rules(c.makerMarket()).floorPrice(quote.target());
    if (rules(c.makerMarket()).isDust(amount) || price.isZero()) {
      return;
    }
    submit(XemmExecutor.ROLE_MAKER, c.makerMarket(), c.makerSide(), OrderType.LIMIT, amount,
        price, PositionAction.OPEN);
  }

  /** The maker side traded all it can: something filled and the rest is too small to order. */
  private boolean makerComplete() {
    return state().makerFilled().isPositive()
        && rules(state().config().makerMarket()).isDust(makerRemaining());
  }

  private Quantity makerRemaining() {
    final XemmExecutorConfig c = state().config();
    final TradingRules r = rules(c.makerMarket());
    final Quantity target = r.floorAmount(c.orderAmount().value());
    return r.floorAmount(target.value().subtract(state().makerFilled().value()));
  }

  /**
   * A stop while hedging: keep → cancel the hedge and hand over what traded; otherwise the hedge
   * goes on (it is the close at market) and the executor ends EARLY_STOP. Ignored when already
   * stopping for another reason.
   */
  @Override
  protected void stopWhileClosing(final boolean keepPosition) {
    if (state().closeType().orElse(null) != CloseType.COMPLETED) {
      return;
    }
    if (keepPosition) {
      beginClose(CloseType.POSITION_HOLD);
    } else {
      add(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, now));
    }
  }

  /**
   * Once no order is live: terminate, or hedge at market what the maker side filled beyond what
   * was hedged (one pause after each refusal) until the retries run out.
   */
  @Override
  protected void settle(final CloseType type) {
    final boolean traded = BuySellLegs.of(state().orders()).anyFilled();
    if (type == CloseType.POSITION_HOLD) {
      add(new ExecutorEvent.Terminated(
          traded ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, now));
      return;
    }
    if (type == CloseType.INSUFFICIENT_BALANCE) {
      // A fill that raced the refusal is inventory: hand it over rather than orphan it.
      add(new ExecutorEvent.Terminated(
          traded ? CloseType.POSITION_HOLD : CloseType.INSUFFICIENT_BALANCE, now));
      return;
    }
    if (type == CloseType.FAILED) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    final XemmExecutorConfig c = state().config();
    final TradingRules takerRules = rules(c.takerMarket());
    final Quantity hedge =
        takerRules.floorAmount(
            state().makerFilled().value().subtract(state().takerFilled().value()));
    if (takerRules.isDust(hedge)) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (state().retries() > XemmExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (!state().lifecycle().retryWaiting(XemmExecutor.RETRY_DELAY, now)) {
      submit(XemmExecutor.ROLE_TAKER, c.takerMarket(), c.takerSide(), OrderType.MARKET, hedge,
          null, PositionAction.OPEN);
    }
  }

  private TradingRules rules(final ConnectorPair m) {
    return market.rules(m);
  }
}
