package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of an {@link ArbitrageExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so the second leg gets the next client order
 * id and later steps see earlier ones. Used once, then dropped.
 */
final class ArbitrageDecision extends LifecycleDecision<ArbitrageExecutor> {
  ArbitrageDecision(final ArbitrageExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /** RUNNING; an amount the venues cannot take at all fails at once (no retry would help). */
  @Override
  protected void start() {
    if (rules(buying()).isDust(target(buying()))
        || rules(selling()).isDust(target(selling()))) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    run();
  }

  /** Both legs at once, at market, when the spread after fees strictly beats the minimum. */
  @Override
  protected void run() {
    final Optional<ArbitrageQuote> quote = ArbitrageQuote.of(state().config(), market);
    if (quote.isEmpty() || !quote.get().beats(state().config().minProfitability())) {
      return;
    }
    add(new ExecutorEvent.ShutdownStarted(CloseType.COMPLETED, now));
    submitLeg(Side.BUY, target(buying()));
    submitLeg(Side.SELL, target(selling()));
  }

  /**
   * Records a venue report. A leg refused for balance before anything traded ends the executor
   * INSUFFICIENT_BALANCE (the other leg is cancelled); every other refusal counts as a retry.
   */
  @Override
  protected void record(final OrderEvent report) {
    super.record(report);
    if (outOfBalance() && state().closeType().orElse(null) == CloseType.COMPLETED) {
      beginClose(CloseType.INSUFFICIENT_BALANCE);
    }
  }

  @Override
  protected ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    return retryUnlessBalance(f,
        f.reason() == RejectReason.INSUFFICIENT_BALANCE && !state().legs().anyFilled());
  }

  /** Nothing was sent yet: there is nothing to close or to hold. */
  @Override
  protected void stop(final boolean keepPosition) {
    add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
  }

  /**
   * A stop while the legs execute: keep → hand over whatever traded; otherwise cancel what is
   * live and even the legs out at market, ending flat. Ignored once the executor is already
   * stopping for another reason.
   */
  @Override
  protected void stopWhileClosing(final boolean keepPosition) {
    if (state().closeType().orElse(null) != CloseType.COMPLETED) {
      return;
    }
    beginClose(keepPosition ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
  }

  /**
   * Once no order is live: terminate, or re-send what a leg still misses (one pause after each
   * refusal) until the retries run out.
   */
  @Override
  protected void settle(final CloseType type) {
    final BuySellLegs legs = state().legs();
    if (type == CloseType.POSITION_HOLD || type == CloseType.INSUFFICIENT_BALANCE) {
      final CloseType nothingHeld =
          type == CloseType.POSITION_HOLD ? CloseType.EARLY_STOP : CloseType.INSUFFICIENT_BALANCE;
      // A fill that raced the cancel is inventory: hand it over rather than orphan it.
      add(new ExecutorEvent.Terminated(
          legs.anyFilled() ? CloseType.POSITION_HOLD : nothingHeld, now));
      return;
    }
    if (type == CloseType.FAILED) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    final Quantity buy = missing(Side.BUY, legs, type);
    final Quantity sell = missing(Side.SELL, legs, type);
    final boolean buyDone = rules(buying()).isDust(buy);
    final boolean sellDone = rules(selling()).isDust(sell);
    if (buyDone && sellDone) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (state().retries() > ArbitrageExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (state().lifecycle().retryWaiting(ArbitrageExecutor.RETRY_DELAY, now)) {
      return;
    } else {
      if (!buyDone) {
        submitLeg(Side.BUY, buy);
      }
      if (!sellDone) {
        submitLeg(Side.SELL, sell);
      }
    }
  }

  /**
   * What the {@code side} leg still has to trade: COMPLETED fills both legs to {@code
   * order_amount}; EARLY_STOP only evens them out (the lagging leg trades the difference).
   */
  private Quantity missing(final Side side, final BuySellLegs legs, final CloseType type) {
    final ConnectorPair m = side == Side.BUY ? buying() : selling();
    final BigDecimal gap;
    if (type == CloseType.COMPLETED) {
      final Quantity filled = side == Side.BUY ? legs.buyBase() : legs.sellBase();
      gap = target(m).value().subtract(filled.value());
    } else {
      gap = side == Side.BUY ? legs.imbalance().negate() : legs.imbalance();
    }
    return rules(m).floorAmount(gap);
  }

  private void submitLeg(final Side side, final Quantity amount) {
    final ConnectorPair m = side == Side.BUY ? buying() : selling();
    final String role = side == Side.BUY ? ArbitrageExecutor.ROLE_BUY : ArbitrageExecutor.ROLE_SELL;
    submit(role, m, side, OrderType.MARKET, amount, null, PositionAction.OPEN);
  }

  /** {@code order_amount} as market {@code m} can take it. */
  private Quantity target(final ConnectorPair m) {
    return rules(m).floorAmount(state().config().orderAmount().value());
  }

  private TradingRules rules(final ConnectorPair m) {
    return market.rules(m);
  }

  private ConnectorPair buying() {
    return state().config().buyingMarket();
  }

  private ConnectorPair selling() {
    return state().config().sellingMarket();
  }
}
