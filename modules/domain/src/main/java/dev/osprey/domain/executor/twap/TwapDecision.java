package dev.osprey.domain.executor.twap;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of a {@link TwapExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as it is added, so the next slice of the same decision is sized with
 * the previous one already committed and gets the next client order id. Used once, then dropped.
 *
 * <p>While running, each decision: renews stale MAKER orders (cancel first; the slot is ordered
 * again once the cancel is confirmed, so fills racing the cancel are counted and no slot ever has
 * two live orders), gives every open due slot an order, and completes once every slot is filled.
 * A decision that records a refused order places no new order; a later one does.
 */
final class TwapDecision extends LifecycleDecision<TwapExecutor> {
  TwapDecision(final TwapExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /**
   * Every refusal counts as a retry except one for balance before anything executed, which ends
   * the executor instead (retrying cannot help).
   */
  @Override
  protected ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    return retryUnlessBalance(f,
        f.reason() == RejectReason.INSUFFICIENT_BALANCE
            && state().status() == RunnableStatus.RUNNING
            && state().slots().executedBase().isZero());
  }

  @Override
  protected void run() {
    if (endsOnRefusals(state().retries() > TwapExecutor.MAX_RETRIES)) {
      return;
    }
    if (market.hasQuote()) {
      if (state().orders().entries().isEmpty() && refusedSize()) {
        return;
      }
      renewStaleOrders();
      placeDueSlots();
    }
    completeIfDone();
  }

  /**
   * The reference compares the slice in quote with {@code min_order_size}, which is in base.
   * Osprey checks the slice as the order it would be: {@code order_amount_quote / mid} floored to
   * the base increment, at its price, against every venue minimum. Returns whether it refused.
   */
  private boolean refusedSize() {
    final TwapExecutorConfig c = state().config();
    final Price mid = market.book().mid();
    final TradingRules rules = market.rules();
    final BigDecimal amount =
        Decimals.floorTo(c.orderAmountQuote().div(mid).value(), rules.baseIncrement());
    final BigDecimal price = Decimals.floorTo(slicePrice(mid).value(), rules.priceIncrement());
    final Optional<String> broken =
        amount.signum() == 0
            ? Optional.of("amount rounds to 0 at base_increment "
                + rules.baseIncrement().toPlainString())
            : rules.violation(Decimals.canonical(amount), Decimals.canonical(price));
    if (broken.isEmpty()) {
      return false;
    }
    add(new OrderSizeRejected(c.orderAmountQuote(), mid, broken.get()));
    add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    return true;
  }

  /** MAKER orders that rested {@code order_resubmission_time} or longer are cancelled. */
  private void renewStaleOrders() {
    final TwapExecutorConfig c = state().config();
    if (c.mode() != TwapMode.MAKER || c.orderResubmissionTime() == null) {
      return;
    }
    for (TrackedOrder o : state().orders().cancellable()) {
      final Instant renewAt = state().submittedAt(o.id()).plusSeconds(c.orderResubmissionTime());
      if (!now.isBefore(renewAt)) {
        add(new ExecutorEvent.CancelRequested(o.id(), now));
      }
    }
  }

  /**
   * Every open due slot gets {@code (total − executed − committed) / slots left} of quote at the
   * mid. A share below the venue minimums is not sent (the slot stays open).
   */
  private void placeDueSlots() {
    if (failureRecorded()) {
      return;
    }
    final TwapExecutorConfig c = state().config();
    final Price mid = market.book().mid();
    for (int slot : state().slots().openDue(now)) {
      final TwapSlots slots = state().slots();
      final QuoteAmount left =
          new QuoteAmount(c.totalAmountQuote())
              .minus(slots.executedQuote())
              .minus(slots.openNotional(mid));
      final BigDecimal share =
          Decimals.div(left.value(), BigDecimal.valueOf(slots.remaining()));
      final Quantity amount = floorBase(Decimals.div(share, mid.value()));
      final Price price =
          c.mode().orderType() == OrderType.MARKET
              ? null
              : new Price(
                  Decimals.floorTo(c.limitPrice(mid).value(), market.rules().priceIncrement()));
      if (orderable(amount, price == null ? mid : price)) {
        submit(slot, amount, price);
      }
    }
  }

  /**
   * Done when nothing is live and every slot is filled, or when every slot is due and what is
   * left of the budget is too small to order (an open slot survived {@link #placeDueSlots}).
   */
  private void completeIfDone() {
    final TwapSlots slots = state().slots();
    if (state().orders().hasLive()) {
      return;
    }
    final boolean dustLeft =
        market.hasQuote() && !failureRecorded() && slots.allDue(now)
            && !slots.openDue(now).isEmpty();
    if (slots.allFilled() || dustLeft) {
      add(new ExecutorEvent.Terminated(CloseType.COMPLETED, now));
    }
  }

  /**
   * Ends once no order is live. A kept position ends POSITION_HOLD with its fills (EARLY_STOP
   * when nothing executed, so there is nothing to hold).
   */
  @Override
  protected void settle(final CloseType type) {
    final boolean held = state().slots().executedBase().isPositive();
    add(new ExecutorEvent.Terminated(
        type == CloseType.POSITION_HOLD && !held ? CloseType.EARLY_STOP : type, now));
  }

  private Price slicePrice(final Price mid) {
    return state().config().mode() == TwapMode.MAKER ? state().config().limitPrice(mid) : mid;
  }

  private boolean orderable(final Quantity amount, final Price price) {
    final TradingRules rules = market.rules();
    return amount.isPositive()
        && !price.isZero()
        && amount.value().compareTo(rules.minOrderSize()) >= 0
        && price.times(amount).value().compareTo(rules.minNotional()) >= 0;
  }

  private void submit(final int slot, final Quantity amount, final Price price) {
    final TwapExecutorConfig c = state().config();
    submit(TwapSlots.role(slot), c.side(), c.mode().orderType(), amount, price,
        PositionAction.OPEN);
  }
}
