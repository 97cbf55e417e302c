package dev.osprey.domain.executor.lp;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
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
final class LpDecision extends LifecycleDecision<LpExecutor> {
  LpDecision(final LpExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  @Override
  protected void run() {
    react(null);
  }

  @Override
  protected void stop(final boolean keepPosition) {
    react(keepPosition ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
  }

  /** An LP never waits in SHUTTING_DOWN: it closes and terminates in one decision. */
  @Override
  protected void finishShutdown() {}

  /** One pool price, and a stop ending it {@code stopped} when there was one. */
  private void react(final CloseType stopped) {
    final Optional<Price> mid = market.top().map(TopOfBook::mid);
    if (state().position().isEmpty()) {
      if (stopped != null) {
        add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      } else {
        mid.ifPresent(this::open);
      }
      return;
    }
    final Optional<Instant> deadline = state().outOfRangeDeadline();
    mid.ifPresent(this::mark);
    final Price price = mid.orElse(state().position().orElseThrow().poolPrice());
    final CloseType selfClose =
        state().config().keepPosition() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP;
    if (stopped != null) {
      close(stopped, price);
    } else if (deadline.isPresent() && !now.isBefore(deadline.get())) {
      close(selfClose, price);
    } else if (limitHit(state().config(), price)) {
      close(selfClose, price);
    }
  }

  /** Deposits at the first pool price, if it allows a position. */
  private void open(final Price price) {
    final LpExecutorConfig c = state().config();
    if (limitHit(c, price)) {
      add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      return;
    }
    final ConcentratedLiquidity pool = state().pool();
    final BigDecimal liquidity = pool.liquidity(c.depositBase(), c.depositQuote(), price);
    if (liquidity.signum() <= 0) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    final ConcentratedLiquidity.Amounts deposit = pool.amounts(liquidity, price);
    add(new LpLiquidityAdded(
        liquidity, deposit.base(), deposit.quote(), price, c.txFeeQuote(), now));
  }

  /** Records a pool price the position can see: its fees and, if so, its new side of the range. */
  private void mark(final Price price) {
    final LpPosition p = state().position().orElseThrow();
    final ConcentratedLiquidity pool = state().pool();
    if (!pool.clip(price).equals(pool.clip(p.poolPrice()))) {
      final ConcentratedLiquidity.Amounts fees =
          pool.fees(p.liquidity(), p.poolPrice(), price, state().config().feeTier());
      add(new LpFeesAccrued(price, fees.base(), fees.quote(), now));
    }
    final RangePosition where = pool.locate(price);
    if (where != p.range()) {
      add(new LpRangeChanged(where, price, now));
    }
  }

  private void close(final CloseType type, final Price price) {
    final LpPosition p = state().position().orElseThrow();
    final ConcentratedLiquidity.Amounts back = state().pool().amounts(p.liquidity(), price);
    add(new LpLiquidityRemoved(
        back.base(), back.quote(), price, state().config().txFeeQuote(), now));
    add(new ExecutorEvent.Terminated(type, now));
  }

  /** {@code price >= upper_limit_price} or {@code price <= lower_limit_price}. */
  static boolean limitHit(final LpExecutorConfig c, final Price price) {
    return (c.upperLimitPrice() != null && price.ge(c.upperLimitPrice()))
        || (c.lowerLimitPrice() != null && price.le(c.lowerLimitPrice()));
  }
}
