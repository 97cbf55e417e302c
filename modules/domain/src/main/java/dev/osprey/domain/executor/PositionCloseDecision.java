package dev.osprey.domain.executor;

import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.time.Instant;

/**
 * The decision of an executor that builds one position and closes it at market (position, DCA):
 * a close cancels what rests and, unless the position is kept, sells (or buys back) what is open;
 * the shutdown ends once what is left is too small to order, re-placing the close after a refusal
 * until the retries run out.
 *
 * @param <S> the executor type
 */
public abstract class PositionCloseDecision<S extends Executor> extends LifecycleDecision<S> {
  protected PositionCloseDecision(final S state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /** What the entry and close orders filled so far. */
  protected abstract EntryExitFills fills();

  /** Whether {@code role} is the ledger role of an entry order. */
  protected abstract boolean isEntry(String role);

  /** The retry budget is spent. */
  protected abstract boolean retriesSpent();

  /** The ledger role of the market close. */
  protected abstract String closeRole();

  /**
   * Every refusal counts as a retry except an entry refused for balance before anything filled,
   * which ends the executor instead (retrying cannot help).
   */
  @Override
  protected final ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    return retryUnlessBalance(f, endsForBalance(f));
  }

  private boolean endsForBalance(final ExecutorEvent.OrderFailed f) {
    return f.reason() == RejectReason.INSUFFICIENT_BALANCE
        && state().status() == RunnableStatus.RUNNING
        && state().orders().roleOf(f.clientOrderId()).map(this::isEntry).orElse(false)
        && fills().openFilled().isZero();
  }

  /**
   * SHUTTING_DOWN with {@code type}: cancel every resting order and, unless the position is kept,
   * close what is open at market.
   */
  @Override
  protected void beginClose(final CloseType type) {
    super.beginClose(type);
    if (type != CloseType.POSITION_HOLD) {
      placeCloseOrder();
    }
  }

  /**
   * Once no order is live: a kept position terminates at once (EARLY_STOP when nothing filled);
   * otherwise it terminates when what is left open is too small to order, and re-places the close
   * (one at a time, paced like every retry) until then or until the retries run out.
   */
  @Override
  protected void settle(final CloseType type) {
    if (type == CloseType.POSITION_HOLD) {
      // A kept position with no fill has nothing to hold.
      final boolean traded = state().orders().anyFilled();
      add(new ExecutorEvent.Terminated(traded ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, now));
    } else if (isDust(remainingToClose())) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (retriesSpent()) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (!failureRecorded()) {
      placeCloseOrder();
    }
  }

  /** What is open: entry fills less close fills, floored to the venue's base increment. */
  protected final Quantity remainingToClose() {
    return floorBase(fills().openFilled().minusFloored(fills().closeFilled()).value());
  }

  private void placeCloseOrder() {
    final Quantity remaining = remainingToClose();
    if (!isDust(remaining)) {
      submit(closeRole(), state().config().side().opposite(), OrderType.MARKET, remaining, null,
          PositionAction.CLOSE);
    }
  }
}
