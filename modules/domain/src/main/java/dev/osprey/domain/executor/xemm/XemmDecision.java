package dev.osprey.domain.executor.xemm;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decision of an {@link XemmExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so later steps see it (the hedge sees the
 * fill that completed the maker side). Used once, then dropped.
 */
final class XemmDecision {
  private final MarketView market;
  private final Instant now;
  private final List<ExecutorEvent> events = new ArrayList<>();
  private XemmExecutor state;
  private boolean outOfBalance;

  private XemmDecision(final XemmExecutor state, final MarketView market, final Instant now) {
    this.state = state;
    this.market = market;
    this.now = now;
  }

  static List<ExecutorEvent> decide(
      final XemmExecutor state,
      final ExecutorInput input,
      final MarketView market,
      final Instant now) {
    final XemmDecision d = new XemmDecision(state, market, now);
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
      if (input instanceof ExecutorInput.Stop s) {
        beginShutdown(s.keepPosition() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP);
      } else {
        run();
      }
    } else if (input instanceof ExecutorInput.Stop s) {
      stopWhileHedging(s.keepPosition());
    }
    if (state.status() == RunnableStatus.SHUTTING_DOWN) {
      finish();
    }
  }

  /** RUNNING; an amount a venue cannot take at all fails at once (no retry would help). */
  private void start() {
    add(new ExecutorEvent.Started(now));
    final XemmExecutorConfig c = state.config();
    if (!orderable(c.makerMarket()) || !orderable(c.takerMarket())) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    run();
  }

  /** {@code order_amount}, quantized, is at least the minimum order size on market {@code m}. */
  private boolean orderable(final ConnectorPair m) {
    final TradingRules r = rules(m);
    return !r.isDust(r.floorAmount(state.config().orderAmount().value()));
  }

  /**
   * Records a venue report. A maker order refused for balance before any maker fill ends the
   * executor INSUFFICIENT_BALANCE; every other refusal counts as a retry.
   */
  private void record(final OrderEvent report) {
    for (ExecutorEvent fact : state.orders().translate(report, now)) {
      if (fact instanceof ExecutorEvent.OrderFailed f) {
        final boolean balance =
            f.reason() == RejectReason.INSUFFICIENT_BALANCE
                && state.status() == RunnableStatus.RUNNING
                && state.orders().roleOf(f.clientOrderId()).orElse("")
                    .equals(XemmExecutor.ROLE_MAKER)
                && state.makerFilled().isZero();
        outOfBalance |= balance;
        add(new ExecutorEvent.OrderFailed(
            f.clientOrderId(), f.reason(), f.message(), !balance, f.at()));
      } else {
        add(fact);
      }
    }
  }

  /**
   * Keeps one maker order resting at the target price: replaces it when its net profitability
   * leaves [min, max] (waiting for the cancel to be confirmed, so that fills racing the cancel
   * are counted and the next order is for the true remainder), and starts the hedge once the
   * maker side is filled.
   */
  private void run() {
    if (outOfBalance) {
      beginShutdown(CloseType.INSUFFICIENT_BALANCE);
      return;
    }
    if (state.retries() > XemmExecutor.MAX_RETRIES) {
      beginShutdown(CloseType.FAILED);
      return;
    }
    final Optional<TrackedOrder> live = state.liveMaker();
    if (live.isEmpty() && makerComplete()) {
      beginShutdown(CloseType.COMPLETED);
      return;
    }
    final Optional<XemmQuote> quote = XemmQuote.of(state.config(), market);
    if (quote.isEmpty()) {
      return;
    }
    if (live.isPresent()) {
      refresh(live.get(), quote.get());
    } else if (!state.state().retryWaiting(XemmExecutor.RETRY_DELAY, now)) {
      placeMaker(quote.get());
    }
  }

  private void refresh(final TrackedOrder maker, final XemmQuote quote) {
    final XemmExecutorConfig c = state.config();
    final boolean cancellable =
        maker.status() == OrderStatus.SUBMITTED || maker.status() == OrderStatus.OPEN;
    if (cancellable
        && quote.outOfBand(maker.request().price(), c.minProfitability(), c.maxProfitability())) {
      add(new ExecutorEvent.CancelRequested(maker.id(), now));
    }
  }

  private void placeMaker(final XemmQuote quote) {
    final XemmExecutorConfig c = state.config();
    final Quantity amount = makerRemaining();
    final Price price = rules(c.makerMarket()).floorPrice(quote.target());
    if (rules(c.makerMarket()).isDust(amount) || price.isZero()) {
      return;
    }
    submit(XemmExecutor.ROLE_MAKER, c.makerMarket(), c.makerSide(), OrderType.LIMIT, amount,
        price);
  }

  /** The maker side traded all it can: something filled and the rest is too small to order. */
  private boolean makerComplete() {
    return state.makerFilled().isPositive()
        && rules(state.config().makerMarket()).isDust(makerRemaining());
  }

  private Quantity makerRemaining() {
    final XemmExecutorConfig c = state.config();
    final TradingRules r = rules(c.makerMarket());
    final Quantity target = r.floorAmount(c.orderAmount().value());
    return r.floorAmount(target.value().subtract(state.makerFilled().value()));
  }

  /**
   * A stop while hedging: keep → cancel the hedge and hand over what traded; otherwise the hedge
   * goes on (it is the close at market) and the executor ends EARLY_STOP. Ignored when already
   * stopping for another reason.
   */
  private void stopWhileHedging(final boolean keepPosition) {
    if (state.closeType().orElse(null) != CloseType.COMPLETED) {
      return;
    }
    if (keepPosition) {
      beginShutdown(CloseType.POSITION_HOLD);
    } else {
      add(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, now));
    }
  }

  private void beginShutdown(final CloseType type) {
    add(new ExecutorEvent.ShutdownStarted(type, now));
    for (TrackedOrder o : state.orders().cancellable()) {
      add(new ExecutorEvent.CancelRequested(o.id(), now));
    }
  }

  /**
   * Once no order is live: terminate, or hedge at market what the maker side filled beyond what
   * was hedged (one pause after each refusal) until the retries run out.
   */
  private void finish() {
    if (state.orders().hasLive()) {
      return;
    }
    final CloseType type = state.closeType().orElseThrow();
    final boolean traded = state.state().legs().anyFilled();
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
    final XemmExecutorConfig c = state.config();
    final TradingRules takerRules = rules(c.takerMarket());
    final Quantity hedge =
        takerRules.floorAmount(
            state.makerFilled().value().subtract(state.takerFilled().value()));
    if (takerRules.isDust(hedge)) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (state.retries() > XemmExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (!state.state().retryWaiting(XemmExecutor.RETRY_DELAY, now)) {
      submit(XemmExecutor.ROLE_TAKER, c.takerMarket(), c.takerSide(), OrderType.MARKET, hedge,
          null);
    }
  }

  private void submit(
      final String role,
      final ConnectorPair m,
      final Side side,
      final OrderType type,
      final Quantity amount,
      final Price price) {
    final OrderRequest request =
        new OrderRequest(
            state.orders().nextId(), m.connectorName(), m.tradingPair(), side, type, amount,
            price, PositionAction.OPEN);
    add(new ExecutorEvent.OrderSubmitted(role, request, now));
  }

  private TradingRules rules(final ConnectorPair m) {
    return market.rules(m);
  }

  private void add(final ExecutorEvent event) {
    events.add(event);
    state = state.apply(event);
  }
}
