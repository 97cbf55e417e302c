package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
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
 * One decision of an {@link ArbitrageExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so the second leg gets the next client order
 * id and later steps see earlier ones. Used once, then dropped.
 */
final class ArbitrageDecision {
  private final MarketView market;
  private final Instant now;
  private final List<ExecutorEvent> events = new ArrayList<>();
  private ArbitrageExecutor state;

  private ArbitrageDecision(
      final ArbitrageExecutor state, final MarketView market, final Instant now) {
    this.state = state;
    this.market = market;
    this.now = now;
  }

  static List<ExecutorEvent> decide(
      final ArbitrageExecutor state,
      final ExecutorInput input,
      final MarketView market,
      final Instant now) {
    final ArbitrageDecision d = new ArbitrageDecision(state, market, now);
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
      if (input instanceof ExecutorInput.Stop) {
        // Nothing was sent yet: there is nothing to close or to hold.
        add(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
      } else {
        watch();
      }
      return;
    }
    if (input instanceof ExecutorInput.Stop s) {
      stop(s.keepPosition());
    }
    finish();
  }

  /** RUNNING; an amount the venues cannot take at all fails at once (no retry would help). */
  private void start() {
    add(new ExecutorEvent.Started(now));
    if (rules(buying()).isDust(target(buying()))
        || rules(selling()).isDust(target(selling()))) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    watch();
  }

  /** Both legs at once, at market, when the spread after fees strictly beats the minimum. */
  private void watch() {
    final Optional<ArbitrageQuote> quote = ArbitrageQuote.of(state.config(), market);
    if (quote.isEmpty() || !quote.get().beats(state.config().minProfitability())) {
      return;
    }
    add(new ExecutorEvent.ShutdownStarted(CloseType.COMPLETED, now));
    submit(Side.BUY, target(buying()));
    submit(Side.SELL, target(selling()));
  }

  /**
   * Records a venue report. A leg refused for balance before anything traded ends the executor
   * INSUFFICIENT_BALANCE (the other leg is cancelled); every other refusal counts as a retry.
   */
  private void record(final OrderEvent report) {
    for (ExecutorEvent fact : state.orders().translate(report, now)) {
      if (fact instanceof ExecutorEvent.OrderFailed f) {
        final boolean balance =
            f.reason() == RejectReason.INSUFFICIENT_BALANCE && !state.legs().anyFilled();
        add(new ExecutorEvent.OrderFailed(
            f.clientOrderId(), f.reason(), f.message(), !balance, f.at()));
        if (balance && state.closeType().orElse(null) == CloseType.COMPLETED) {
          beginShutdown(CloseType.INSUFFICIENT_BALANCE);
        }
      } else {
        add(fact);
      }
    }
  }

  /**
   * A stop while the legs execute: keep → hand over whatever traded; otherwise cancel what is
   * live and even the legs out at market, ending flat. Ignored once the executor is already
   * stopping for another reason.
   */
  private void stop(final boolean keepPosition) {
    if (state.closeType().orElse(null) != CloseType.COMPLETED) {
      return;
    }
    beginShutdown(keepPosition ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
  }

  private void beginShutdown(final CloseType type) {
    add(new ExecutorEvent.ShutdownStarted(type, now));
    for (TrackedOrder o : state.orders().cancellable()) {
      add(new ExecutorEvent.CancelRequested(o.id(), now));
    }
  }

  /**
   * Once no order is live: terminate, or re-send what a leg still misses (one pause after each
   * refusal) until the retries run out.
   */
  private void finish() {
    if (state.orders().hasLive()) {
      return;
    }
    final CloseType type = state.closeType().orElseThrow();
    final BuySellLegs legs = state.legs();
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
    } else if (state.retries() > ArbitrageExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (state.state().retryWaiting(ArbitrageExecutor.RETRY_DELAY, now)) {
      return;
    } else {
      if (!buyDone) {
        submit(Side.BUY, buy);
      }
      if (!sellDone) {
        submit(Side.SELL, sell);
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

  private void submit(final Side side, final Quantity amount) {
    final ConnectorPair m = side == Side.BUY ? buying() : selling();
    final OrderRequest request =
        new OrderRequest(
            state.orders().nextId(), m.connectorName(), m.tradingPair(), side, OrderType.MARKET,
            amount, null, PositionAction.OPEN);
    final String role = side == Side.BUY ? ArbitrageExecutor.ROLE_BUY : ArbitrageExecutor.ROLE_SELL;
    add(new ExecutorEvent.OrderSubmitted(role, request, now));
  }

  /** {@code order_amount} as market {@code m} can take it. */
  private Quantity target(final ConnectorPair m) {
    return rules(m).floorAmount(state.config().orderAmount().value());
  }

  private TradingRules rules(final ConnectorPair m) {
    return market.rules(m);
  }

  private ConnectorPair buying() {
    return state.config().buyingMarket();
  }

  private ConnectorPair selling() {
    return state.config().sellingMarket();
  }

  private void add(final ExecutorEvent event) {
    events.add(event);
    state = state.apply(event);
  }
}
