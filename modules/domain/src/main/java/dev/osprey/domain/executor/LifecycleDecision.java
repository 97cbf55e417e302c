package dev.osprey.domain.executor;

import dev.osprey.domain.executor.position.TrailingStop;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decision of an executor: the facts that follow from one input. Each fact is applied to a
 * working copy as it is added, so later steps see it (the next order gets the next client order
 * id, a barrier sees the fill that just arrived). Used once, then dropped.
 *
 * <p>The lifecycle dispatch is the same for every executor type, only the steps differ: nothing
 * happens once terminated; before the start a stop ends it EARLY_STOP and a start makes it RUNNING
 * and runs {@link #start}; afterwards venue reports are recorded first, then a running executor
 * {@link #run}s (or {@link #stop}s), a closing one hears a stop in {@link #stopWhileClosing}, and
 * whatever is SHUTTING_DOWN at the end tries to {@link #finishShutdown}.
 *
 * @param <S> the executor type; {@code apply} of an {@code S} returns an {@code S}
 */
public abstract class LifecycleDecision<S extends Executor> {
  protected final MarketView market;
  protected final Instant now;
  private final List<ExecutorEvent> events = new ArrayList<>();
  private S state;
  private boolean failureRecorded;
  private boolean outOfBalance;

  protected LifecycleDecision(final S state, final MarketView market, final Instant now) {
    this.state = state;
    this.market = market;
    this.now = now;
  }

  /** The facts that follow from {@code input}. */
  public final List<ExecutorEvent> decide(final ExecutorInput input) {
    if (state.isTerminated()) {
      return List.of();
    }
    if (state.status() == RunnableStatus.NOT_STARTED) {
      if (input instanceof ExecutorInput.Stop) {
        add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      }
      if (!(input instanceof ExecutorInput.Start)) {
        return List.copyOf(events);
      }
      add(new ExecutorEvent.Started(now));
      start();
    } else {
      if (input instanceof ExecutorInput.OrderUpdate u) {
        record(u.event());
      }
      if (state.status() == RunnableStatus.RUNNING) {
        if (input instanceof ExecutorInput.Stop s) {
          stop(s.keepPosition());
        } else {
          run();
        }
      } else if (input instanceof ExecutorInput.Stop s) {
        stopWhileClosing(s.keepPosition());
      }
    }
    if (state.status() == RunnableStatus.SHUTTING_DOWN) {
      finishShutdown();
    }
    return List.copyOf(events);
  }

  /** The first steps once RUNNING: by default a normal {@link #run}. */
  protected void start() {
    run();
  }

  /** What a RUNNING executor does on any input but a stop. */
  protected abstract void run();

  /** A stop while RUNNING: by default the close keeping or closing the position. */
  protected void stop(final boolean keepPosition) {
    beginClose(keepPosition ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
  }

  /** A stop while SHUTTING_DOWN for another reason: ignored by default. */
  protected void stopWhileClosing(final boolean keepPosition) {}

  /** SHUTTING_DOWN with {@code type}; by default it only asks to cancel what rests. */
  protected void beginClose(final CloseType type) {
    add(new ExecutorEvent.ShutdownStarted(type, now));
    cancelAll();
  }

  /**
   * While SHUTTING_DOWN, at the end of every decision: once no order is live, {@link #settle} the
   * close. A type that acts while orders are still live overrides this.
   */
  protected void finishShutdown() {
    if (!state.orders().hasLive()) {
      settle(state.closeType().orElseThrow());
    }
  }

  /**
   * The shutdown that started with {@code type}, once no order is live: terminate, or send what
   * the close still needs. By default it terminates with {@code type}.
   */
  protected void settle(final CloseType type) {
    add(new ExecutorEvent.Terminated(type, now));
  }

  /**
   * Records a venue report: the facts the ledger derives from it, each refusal as {@link
   * #refusal} has it (by default as the ledger reports it).
   */
  protected void record(final OrderEvent report) {
    for (ExecutorEvent fact : state.orders().translate(report, now)) {
      if (fact instanceof ExecutorEvent.OrderFailed f) {
        failureRecorded = true;
        add(refusal(f));
      } else {
        add(fact);
      }
    }
  }

  /** A refusal as it is persisted (whether it counts as a retry). */
  protected ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    return f;
  }

  /**
   * The common rule for refusals: one for balance ({@code endsForBalance}) ends the executor
   * INSUFFICIENT_BALANCE instead of counting as a retry (retrying cannot help); every other one
   * counts.
   */
  protected final ExecutorEvent.OrderFailed retryUnlessBalance(
      final ExecutorEvent.OrderFailed f, final boolean endsForBalance) {
    return refused(f, endsForBalance, !endsForBalance);
  }

  /** {@code f} as persisted, noting whether it ends the executor for balance. */
  protected final ExecutorEvent.OrderFailed refused(
      final ExecutorEvent.OrderFailed f, final boolean endsForBalance, final boolean countsAsRetry) {
    outOfBalance |= endsForBalance;
    return new ExecutorEvent.OrderFailed(
        f.clientOrderId(), f.reason(), f.message(), countsAsRetry, f.at());
  }

  /**
   * Ends the run on a refusal for balance (closing what is live first) or once the retry budget is
   * spent; returns whether it did.
   */
  protected final boolean endsOnRefusals(final boolean retriesSpent) {
    if (outOfBalance()) {
      if (state().orders().hasLive()) {
        beginClose(CloseType.INSUFFICIENT_BALANCE);
      } else {
        add(new ExecutorEvent.Terminated(CloseType.INSUFFICIENT_BALANCE, now));
      }
      return true;
    }
    if (retriesSpent) {
      beginClose(CloseType.FAILED);
      return true;
    }
    return false;
  }

  /** A refusal was recorded in this decision: it places no replacement (retries are paced). */
  protected final boolean failureRecorded() {
    return failureRecorded;
  }

  /** A refusal for balance ends the executor. */
  protected final boolean outOfBalance() {
    return outOfBalance;
  }

  /** The working copy, with every fact of this decision so far applied. */
  protected final S state() {
    return state;
  }

  @SuppressWarnings("unchecked")
  protected final void add(final ExecutorEvent event) {
    events.add(event);
    state = (S) state.apply(event);
  }

  /** Asks to cancel every live order nobody asked to cancel yet. */
  protected final void cancelAll() {
    for (TrackedOrder o : state.orders().cancellable()) {
      add(new ExecutorEvent.CancelRequested(o.id(), now));
    }
  }

  /** An order on the executor's own market. */
  protected final void submit(
      final String role,
      final Side side,
      final OrderType type,
      final Quantity amount,
      final Price price,
      final PositionAction action) {
    final ExecutorConfig c = state.config();
    submit(role, new ConnectorPair(c.connectorName(), c.tradingPair()), side, type, amount, price,
        action);
  }

  /** An order on market {@code m}. */
  protected final void submit(
      final String role,
      final ConnectorPair m,
      final Side side,
      final OrderType type,
      final Quantity amount,
      final Price price,
      final PositionAction action) {
    final OrderRequest request =
        new OrderRequest(state.orders().nextId(), m.connectorName(), m.tradingPair(), side, type,
            amount, price, action);
    add(new ExecutorEvent.OrderSubmitted(role, request, now));
  }

  /**
   * Whether the trailing stop is hit at {@code pnl}: it activates strictly above the activation
   * level, then only ratchets up (each move a fact); hit when P&amp;L falls below the trigger. An
   * absent trigger means inactive, so a trigger of exactly 0 is active.
   */
  protected final boolean trailingStopHit(
      final TrailingStop t, final BigDecimal pnl, final Optional<BigDecimal> trigger) {
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

  protected final boolean isDust(final Quantity q) {
    return market.rules().isDust(q);
  }

  protected final Quantity floorBase(final BigDecimal amount) {
    return market.rules().floorAmount(amount);
  }

  protected final Price floorPrice(final Price price) {
    return market.rules().floorPrice(price);
  }
}
