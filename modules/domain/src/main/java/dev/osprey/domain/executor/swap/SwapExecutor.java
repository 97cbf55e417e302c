package dev.osprey.domain.executor.swap;

import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One swap (the reference's {@code SwapExecutor}): on the first quote it asks every configured
 * provider of the paper router for a price, takes the best, and sends one LIMIT order to the
 * venue at that price moved by the slippage, which behaves as immediate-or-cancel: if it is not
 * completely filled within {@link #FILL_TIMEOUT}, or the venue's price moves beyond the limit,
 * the order is cancelled and the swap ends FAILED.
 *
 * <p>A swap is spot inventory the caller wants to keep, so every fill is handed over to the
 * position book whatever the close type ({@link #heldOrders()}): COMPLETED when the whole amount
 * filled, FAILED (slippage, venue refusal, rules) or EARLY_STOP (stopped) otherwise, with any
 * partial fill held. P&amp;L is 0 (the position book realizes it); fees are the fill fees.
 *
 * <p>Immutable; {@link #decide} returns facts, {@link #apply} folds them.
 */
public final class SwapExecutor implements Executor {
  /** Role of its one order in the ledger. */
  public static final String ROLE = "swap";

  /** How long the order may take to fill completely before it is cancelled. */
  public static final Duration FILL_TIMEOUT = Duration.ofSeconds(2);

  private final SwapExecutorConfig config;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final Instant closedAt;
  private final OrderLedger ledger;
  private final SwapRouteChosen route;
  private final Instant sentAt;
  private final RejectReason refusal;

  private SwapExecutor(
      final SwapExecutorConfig config,
      final RunnableStatus status,
      final CloseType closeType,
      final Instant closedAt,
      final OrderLedger ledger,
      final SwapRouteChosen route,
      final Instant sentAt,
      final RejectReason refusal) {
    this.config = config;
    this.status = status;
    this.closeType = closeType;
    this.closedAt = closedAt;
    this.ledger = ledger;
    this.route = route;
    this.sentAt = sentAt;
    this.refusal = refusal;
  }

  /**
   * A new swap (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static SwapExecutor create(final SwapExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new SwapExecutor(
        config, RunnableStatus.NOT_STARTED, null, null, OrderLedger.empty(config.id()), null,
        null, null);
  }

  @Override
  public SwapExecutorConfig config() {
    return config;
  }

  @Override
  public RunnableStatus status() {
    return status;
  }

  @Override
  public Optional<CloseType> closeType() {
    return Optional.ofNullable(closeType);
  }

  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closedAt);
  }

  @Override
  public OrderLedger orders() {
    return ledger;
  }

  /** The provider comparison, once it was made. */
  public Optional<SwapRouteChosen> route() {
    return Optional.ofNullable(route);
  }

  /** Its one order, once sent. */
  public Optional<TrackedOrder> order() {
    final List<TrackedOrder> all = ledger.all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public Quantity executedBase() {
    return order().map(TrackedOrder::executedBase).orElse(Quantity.ZERO);
  }

  /** The reference's swap state. */
  public SwapState state() {
    if (status == RunnableStatus.NOT_STARTED) {
      return SwapState.NOT_STARTED;
    }
    if (status != RunnableStatus.TERMINATED) {
      return SwapState.EXECUTING;
    }
    return closeType == CloseType.COMPLETED ? SwapState.COMPLETED : SwapState.FAILED;
  }

  /** The fill deadline while its order may still be filling. */
  @Override
  public Optional<Instant> wakeUpAt() {
    if (status != RunnableStatus.RUNNING || sentAt == null || !ledger.hasLive()) {
      return Optional.empty();
    }
    return Optional.of(sentAt.plus(FILL_TIMEOUT));
  }

  /** Every fill, once it ended: a swap never unwinds what it traded. */
  @Override
  public List<HeldOrder> heldOrders() {
    if (status != RunnableStatus.TERMINATED) {
      return List.of();
    }
    final List<HeldOrder> held = new ArrayList<>();
    for (TrackedOrder o : ledger.all()) {
      if (o.executedBase().isPositive()) {
        held.add(HeldOrder.of(o, closedAt));
      }
    }
    return List.copyOf(held);
  }

  @Override
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    if (isTerminated()) {
      return List.of();
    }
    final Step step = new Step(this);
    if (status == RunnableStatus.NOT_STARTED) {
      if (input instanceof ExecutorInput.Stop) {
        step.emit(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
        return step.events;
      }
      if (!(input instanceof ExecutorInput.Start)) {
        return List.of();
      }
      step.emit(new ExecutorEvent.Started(now));
    }
    if (input instanceof ExecutorInput.OrderUpdate u) {
      for (ExecutorEvent e : step.state.ledger.translate(u.event(), now)) {
        step.emit(e);
      }
    }
    if (input instanceof ExecutorInput.Stop && step.state.status == RunnableStatus.RUNNING) {
      if (step.state.order().isEmpty()) {
        step.emit(new ExecutorEvent.Terminated(CloseType.EARLY_STOP, now));
        return step.events;
      }
      if (step.state.ledger.hasLive()) {
        step.emit(new ExecutorEvent.ShutdownStarted(CloseType.EARLY_STOP, now));
      }
    }
    step.state.react(step, market, now);
    return step.events;
  }

  /** What follows from the state reached: send, finish, or give up on the order. */
  private void react(final Step step, final MarketView market, final Instant now) {
    if (status == RunnableStatus.SHUTTING_DOWN) {
      cancelLive(step, now);
      if (!ledger.hasLive()) {
        step.emit(new ExecutorEvent.Terminated(completedOr(closeType), now));
      }
      return;
    }
    if (status != RunnableStatus.RUNNING) {
      return;
    }
    final Optional<TrackedOrder> sent = order();
    if (sent.isEmpty()) {
      send(step, market, now);
      return;
    }
    final TrackedOrder o = sent.get();
    if (o.status() == OrderStatus.FAILED) {
      step.emit(new ExecutorEvent.Terminated(
          refusal == RejectReason.INSUFFICIENT_BALANCE
              ? CloseType.INSUFFICIENT_BALANCE
              : CloseType.FAILED,
          now));
    } else if (o.isDone()) {
      step.emit(new ExecutorEvent.Terminated(completedOr(CloseType.FAILED), now));
    } else if (!now.isBefore(sentAt.plus(FILL_TIMEOUT)) || beyondLimit(market)) {
      step.emit(new ExecutorEvent.ShutdownStarted(CloseType.FAILED, now));
      cancelLive(step, now);
    }
  }

  /** Compares the providers and sends the order, or fails when the venue rules forbid it. */
  private void send(final Step step, final MarketView market, final Instant now) {
    final Optional<TopOfBook> top = market.top();
    if (top.isEmpty()) {
      return;
    }
    final TradingRules rules = market.rules();
    final Side side = config.side();
    final List<ProviderQuote> quotes =
        SwapProviders.quotes(config.swapProviders(), side, top.get().mid());
    final ProviderQuote best = SwapProviders.best(quotes, side);
    final Price limit =
        new Price(
            Decimals.floorTo(
                SwapProviders.limitPrice(best.price(), side, config.slippagePct()).value(),
                rules.priceIncrement()));
    final Quantity amount =
        new Quantity(Decimals.floorTo(config.amount().value(), rules.baseIncrement()));
    step.emit(new SwapRouteChosen(quotes, best.provider(), best.price(), limit, now));
    if (!amount.isPositive()
        || limit.isZero()
        || rules.violation(amount.value(), limit.value()).isPresent()) {
      step.emit(new ExecutorEvent.Terminated(CloseType.FAILED, now));
      return;
    }
    step.emit(
        new ExecutorEvent.OrderSubmitted(
            ROLE,
            new OrderRequest(
                ledger.nextId(), config.connectorName(), config.tradingPair(), side,
                OrderType.LIMIT, amount, limit, PositionAction.NIL),
            now));
  }

  /** The venue's best opposite price is already worse than the limit. */
  private boolean beyondLimit(final MarketView market) {
    if (route == null || market.top().isEmpty()) {
      return false;
    }
    final Price taker = market.top().get().takerPrice(config.side());
    return config.side() == Side.BUY
        ? taker.gt(route.limitPrice())
        : taker.lt(route.limitPrice());
  }

  private void cancelLive(final Step step, final Instant now) {
    for (TrackedOrder o : ledger.cancellable()) {
      step.emit(new ExecutorEvent.CancelRequested(o.id(), now));
    }
  }

  /** COMPLETED when the order filled completely, else {@code otherwise}. */
  private CloseType completedOr(final CloseType otherwise) {
    return order().map(TrackedOrder::isFilled).orElse(false) ? CloseType.COMPLETED : otherwise;
  }

  @Override
  public SwapExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, closedAt, ledger);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return with(RunnableStatus.SHUTTING_DOWN, s.closeType(), closedAt, ledger);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(RunnableStatus.TERMINATED, t.closeType(), t.at(), ledger);
    }
    if (event instanceof SwapRouteChosen r) {
      return new SwapExecutor(config, status, closeType, closedAt, ledger, r, sentAt, refusal);
    }
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      return new SwapExecutor(
          config, status, closeType, closedAt, ledger.apply(s), route, s.at(), refusal);
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return new SwapExecutor(
          config, status, closeType, closedAt, ledger.apply(f), route, sentAt, f.reason());
    }
    return with(status, closeType, closedAt, ledger.apply(event));
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return SwapReport.of(this, market);
  }

  private SwapExecutor with(
      final RunnableStatus s, final CloseType type, final Instant closed, final OrderLedger l) {
    return new SwapExecutor(config, s, type, closed, l, route, sentAt, refusal);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof SwapExecutor x
        && config.equals(x.config)
        && status == x.status
        && closeType == x.closeType
        && Objects.equals(closedAt, x.closedAt)
        && ledger.equals(x.ledger)
        && Objects.equals(route, x.route)
        && Objects.equals(sentAt, x.sentAt)
        && refusal == x.refusal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(config.id(), status, closeType, closedAt);
  }

  @Override
  public String toString() {
    return "SwapExecutor[" + config.id() + " " + status + " " + state()
        + (closeType == null ? "" : " " + closeType) + "]";
  }

  /** The facts of one decision, each applied as it is added so later ones see its effect. */
  private static final class Step {
    private final List<ExecutorEvent> events = new ArrayList<>();
    private SwapExecutor state;

    Step(final SwapExecutor start) {
      this.state = start;
    }

    void emit(final ExecutorEvent e) {
      events.add(e);
      state = state.apply(e);
    }
  }
}
