package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an {@link LpExecutor} decides on one input. The pool price is the mid of its market.
 *
 * <ol>
 *   <li>Before the deposit: a stop ends it EARLY_STOP; otherwise it opens on the first pool
 *       price, unless that price is already at a limit (EARLY_STOP, no round trip paid) or the
 *       amounts fund no liquidity at it (FAILED).
 *   <li>With liquidity in the pool: the new pool price is recorded first (fees for the in-range
 *       part of the move, range changes), then, in this order, a stop closes it ({@code
 *       keep_position} of the stop), a passed out-of-range deadline closes it, a limit price
 *       closes it (both with the config's {@code keep_position}). The deadline is the one of the
 *       state before this price: the price was on that side until now.
 * </ol>
 *
 * Closing withdraws everything at the current pool price (the last recorded one without a quote)
 * and terminates in the same decision.
 */
final class LpDecision {
  private LpDecision() {}

  static List<ExecutorEvent> decide(
      final LpExecutor ex, final ExecutorInput input, final MarketView market, final Instant now) {
    if (ex.isTerminated()) {
      return List.of();
    }
    final Step step = new Step(ex);
    if (ex.status() == RunnableStatus.NOT_STARTED) {
      if (input instanceof ExecutorInput.Stop) {
        step.emit(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
        return step.events;
      }
      if (!(input instanceof ExecutorInput.Start)) {
        return List.of();
      }
      step.emit(new ExecutorEvent.Started(now));
    }
    final Optional<Price> mid = market.top().map(TopOfBook::mid);
    if (step.state.position().isEmpty()) {
      open(step, input, mid, now);
      return step.events;
    }
    final Optional<Instant> deadline = step.state.outOfRangeDeadline();
    mid.ifPresent(p -> mark(step, p, now));
    final Price price = mid.orElse(step.state.position().orElseThrow().poolPrice());
    final CloseType selfClose =
        ex.config().keepPosition() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP;
    if (input instanceof ExecutorInput.Stop s) {
      close(step, s.keepPosition() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, price, now);
    } else if (deadline.isPresent() && !now.isBefore(deadline.get())) {
      close(step, selfClose, price, now);
    } else if (limitHit(ex.config(), price)) {
      close(step, selfClose, price, now);
    }
    return step.events;
  }

  /** Deposits at the first pool price, if there is one and it allows a position. */
  private static void open(
      final Step step, final ExecutorInput input, final Optional<Price> mid, final Instant now) {
    if (input instanceof ExecutorInput.Stop) {
      step.emit(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      return;
    }
    if (mid.isEmpty()) {
      return;
    }
    final LpExecutorConfig c = step.state.config();
    final Price price = mid.get();
    if (limitHit(c, price)) {
      step.emit(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      return;
    }
    final ConcentratedLiquidity pool = step.state.pool();
    final BigDecimal liquidity = pool.liquidity(c.depositBase(), c.depositQuote(), price);
    if (liquidity.signum() <= 0) {
      step.emit(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    final ConcentratedLiquidity.Amounts deposit = pool.amounts(liquidity, price);
    step.emit(
        new LpLiquidityAdded(
            liquidity, deposit.base(), deposit.quote(), price, c.txFeeQuote(), now));
  }

  /** Records a pool price the position can see: its fees and, if so, its new side of the range. */
  private static void mark(final Step step, final Price price, final Instant now) {
    final LpPosition p = step.state.position().orElseThrow();
    final ConcentratedLiquidity pool = step.state.pool();
    if (!pool.clip(price).equals(pool.clip(p.poolPrice()))) {
      final ConcentratedLiquidity.Amounts fees =
          pool.fees(p.liquidity(), p.poolPrice(), price, step.state.config().feeTier());
      step.emit(new LpFeesAccrued(price, fees.base(), fees.quote(), now));
    }
    final RangePosition where = pool.locate(price);
    if (where != p.range()) {
      step.emit(new LpRangeChanged(where, price, now));
    }
  }

  private static void close(
      final Step step, final CloseType type, final Price price, final Instant now) {
    final LpPosition p = step.state.position().orElseThrow();
    final ConcentratedLiquidity.Amounts back = step.state.pool().amounts(p.liquidity(), price);
    step.emit(
        new LpLiquidityRemoved(
            back.base(), back.quote(), price, step.state.config().txFeeQuote(), now));
    step.emit(new ExecutorEvent.Terminated(type, now));
  }

  /** {@code price >= upper_limit_price} or {@code price <= lower_limit_price}. */
  static boolean limitHit(final LpExecutorConfig c, final Price price) {
    return (c.upperLimitPrice() != null && price.ge(c.upperLimitPrice()))
        || (c.lowerLimitPrice() != null && price.le(c.lowerLimitPrice()));
  }

  /** The facts of one decision, each applied as it is added so later ones see its effect. */
  private static final class Step {
    private final List<ExecutorEvent> events = new ArrayList<>();
    private LpExecutor state;

    Step(final LpExecutor start) {
      this.state = start;
    }

    void emit(final ExecutorEvent e) {
      events.add(e);
      state = state.apply(e);
    }
  }
}
