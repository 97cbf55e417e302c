package dev.osprey.domain.executor.order;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.Executor;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorInput;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Works one order to completion with one of four strategies (reference {@code OrderExecutor}):
 * MARKET, LIMIT, LIMIT_MAKER (never crossing the book) and LIMIT_CHASER (a maker order that
 * follows the best price). It never reports P&amp;L: what it bought or sold is handed over to the
 * controller's position book ({@code POSITION_HOLD}).
 *
 * <p>Osprey fixes the reference's chaser defect: a renewal first asks the venue to cancel the stale
 * order and places the next one only when the cancel is confirmed, so fills arriving in between are
 * counted, the next order is for the true remainder, and every order with fills is handed over.
 * At most one order is live at any time.
 *
 * <p>Immutable; {@link #decide} returns facts, {@link #apply} folds them.
 */
public final class OrderExecutor implements Executor {
  /** Role of its orders in the ledger. */
  public static final String ROLE = "main";

  /** Failures (other than insufficient balance) tolerated before giving up (reference: 10). */
  public static final int MAX_RETRIES = 10;

  /** Pause before re-placing a failed order (the reference's one-second control loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final OrderExecutorConfig config;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final Instant closeTimestamp;
  private final OrderLedger ledger;
  private final Failures failures;
  private final Map<ClientOrderId, Instant> created;
  private final Map<ClientOrderId, Instant> updated;
  private final List<HeldOrder> held;

  /** Retry bookkeeping: how many failures count, and the latest one. */
  record Failures(int retries, Instant lastAt, RejectReason lastReason, String lastError) {
    static final Failures NONE = new Failures(0, null, null, null);

    Failures record(final ExecutorEvent.OrderFailed f) {
      return new Failures(
          f.countsAsRetry() ? retries + 1 : retries,
          f.at(),
          f.reason(),
          f.reason() + ": " + f.message());
    }
  }

  private OrderExecutor(
      final OrderExecutorConfig config,
      final RunnableStatus status,
      final CloseType closeType,
      final Instant closeTimestamp,
      final OrderLedger ledger,
      final Failures failures,
      final Map<ClientOrderId, Instant> created,
      final Map<ClientOrderId, Instant> updated,
      final List<HeldOrder> held) {
    this.config = config;
    this.status = status;
    this.closeType = closeType;
    this.closeTimestamp = closeTimestamp;
    this.ledger = ledger;
    this.failures = failures;
    this.created = Map.copyOf(created);
    this.updated = Map.copyOf(updated);
    this.held = List.copyOf(held);
  }

  /**
   * A new, not yet started order executor.
   *
   * @param config a valid config carrying its identity ({@code id} is required)
   */
  public static OrderExecutor create(final OrderExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    if (!config.validate().isEmpty()) {
      throw new IllegalArgumentException("invalid order executor config: " + config.validate());
    }
    return new OrderExecutor(
        config, RunnableStatus.NOT_STARTED, null, null, OrderLedger.empty(config.id()),
        Failures.NONE, Map.of(), Map.of(), List.of());
  }

  @Override
  public OrderExecutorConfig config() {
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

  @Override
  public OrderLedger orders() {
    return ledger;
  }

  @Override
  public List<HeldOrder> heldOrders() {
    return held;
  }

  /** Failures so far that count against {@link #MAX_RETRIES}. */
  public int retries() {
    return failures.retries();
  }

  /** The latest venue refusal, as {@code REASON: message}. */
  public Optional<String> lastError() {
    return Optional.ofNullable(failures.lastError());
  }

  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closeTimestamp);
  }

  /** Base executed over all its orders, replaced ones included. */
  public Quantity executedBase() {
    Quantity q = Quantity.ZERO;
    for (TrackedOrder o : ledger.all()) {
      q = q.plus(o.executedBase());
    }
    return q;
  }

  /** The order it placed last, if any. */
  public Optional<TrackedOrder> currentOrder() {
    final List<TrackedOrder> all = ledger.all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** When the venue or the executor last touched {@code id}. */
  Optional<Instant> lastUpdate(final ClientOrderId id) {
    return Optional.ofNullable(updated.get(id));
  }

  Optional<Instant> createdAt(final ClientOrderId id) {
    return Optional.ofNullable(created.get(id));
  }

  @Override
  public Optional<Instant> wakeUpAt() {
    return retryPending() ? Optional.of(failures.lastAt().plus(RETRY_DELAY)) : Optional.empty();
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
      final CloseType tentative = step.state.closeWithFills(CloseType.EARLY_STOP);
      step.emit(new ExecutorEvent.ShutdownStarted(tentative, now));
    }
    step.state.react(step, market, now);
    return step.events;
  }

  /** What follows from the state reached: finish, renew, retry or place the next order. */
  private void react(final Step step, final MarketView market, final Instant now) {
    if (status == RunnableStatus.SHUTTING_DOWN) {
      cancelAll(step, now);
      if (!ledger.hasLive()) {
        step.emit(new ExecutorEvent.Terminated(closeWithFills(CloseType.EARLY_STOP), now));
      }
      return;
    }
    if (status != RunnableStatus.RUNNING) {
      return;
    }
    if (executedBase().ge(config.amount())) {
      finishFilled(step, now);
      return;
    }
    if (ledger.hasLive()) {
      renewIfStale(step, market, now);
      return;
    }
    if (lastOrderFailed() && failures.lastReason() == RejectReason.INSUFFICIENT_BALANCE) {
      step.emit(new ExecutorEvent.Terminated(closeWithFills(CloseType.INSUFFICIENT_BALANCE), now));
      return;
    }
    if (failures.retries() > MAX_RETRIES) {
      // Whatever filled before giving up is inventory: hand it over rather than orphan it.
      step.emit(new ExecutorEvent.Terminated(closeWithFills(CloseType.FAILED), now));
      return;
    }
    if (retryPending() && now.isBefore(failures.lastAt().plus(RETRY_DELAY))) {
      return;
    }
    placeNext(step, market, now);
  }

  private void placeNext(final Step step, final MarketView market, final Instant now) {
    final Quantity remaining = config.amount().minusFloored(executedBase());
    final OrderPlan plan = OrderPlan.next(config, ledger.nextId(), remaining, market);
    if (plan instanceof OrderPlan.Place p) {
      step.emit(new ExecutorEvent.OrderSubmitted(ROLE, p.request(), now));
    } else if (plan instanceof OrderPlan.Unplaceable) {
      // A remainder below the venue minimums is as filled as it can get; a first order that
      // cannot be placed at all is a failure (the report says so in last_error).
      step.emit(new ExecutorEvent.Terminated(closeWithFills(CloseType.FAILED), now));
    }
  }

  /** All executed. A late fill of a replaced order can overshoot: cancel what still rests. */
  private void finishFilled(final Step step, final Instant now) {
    if (ledger.hasLive()) {
      step.emit(new ExecutorEvent.ShutdownStarted(CloseType.POSITION_HOLD, now));
      cancelAll(step, now);
    } else {
      step.emit(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, now));
    }
  }

  private void renewIfStale(final Step step, final MarketView market, final Instant now) {
    if (config.executionStrategy() != ExecutionStrategy.LIMIT_CHASER || !market.hasQuote()) {
      return;
    }
    for (TrackedOrder o : ledger.cancellable()) {
      if (OrderPlan.isStale(config, o.request().price(), market.book())) {
        step.emit(new ExecutorEvent.CancelRequested(o.id(), now));
      }
    }
  }

  private void cancelAll(final Step step, final Instant now) {
    for (TrackedOrder o : ledger.cancellable()) {
      step.emit(new ExecutorEvent.CancelRequested(o.id(), now));
    }
  }

  /** {@code POSITION_HOLD} when anything filled, else {@code otherwise}. */
  private CloseType closeWithFills(final CloseType otherwise) {
    return executedBase().isPositive() ? CloseType.POSITION_HOLD : otherwise;
  }

  private boolean lastOrderFailed() {
    return currentOrder().map(o -> o.status() == OrderStatus.FAILED).orElse(false);
  }

  /** A retryable failure is waiting to be re-placed. */
  private boolean retryPending() {
    return status == RunnableStatus.RUNNING
        && lastOrderFailed()
        && failures.lastReason() != RejectReason.INSUFFICIENT_BALANCE
        && failures.retries() <= MAX_RETRIES;
  }

  @Override
  public OrderExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, closeTimestamp, ledger, failures, held);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return with(
          RunnableStatus.SHUTTING_DOWN, s.closeType(), closeTimestamp, ledger, failures, held);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(RunnableStatus.TERMINATED, t.closeType(), t.at(), ledger, failures, heldAt(t));
    }
    final OrderLedger next = ledger.apply(event);
    if (next == ledger) {
      return this;
    }
    final Failures f =
        event instanceof ExecutorEvent.OrderFailed of ? failures.record(of) : failures;
    final Map<ClientOrderId, Instant> c = new HashMap<>(created);
    final Map<ClientOrderId, Instant> u = new HashMap<>(updated);
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      c.put(s.request().clientOrderId(), s.at());
      u.put(s.request().clientOrderId(), s.at());
    } else if (event instanceof ExecutorEvent.FillApplied fa) {
      u.put(fa.clientOrderId(), fa.fill().timestamp());
    } else if (event instanceof ExecutorEvent.CancelRequested cr) {
      u.put(cr.clientOrderId(), cr.at());
    } else if (event instanceof ExecutorEvent.OrderCancelled oc) {
      u.put(oc.clientOrderId(), oc.at());
    } else if (event instanceof ExecutorEvent.OrderFailed of) {
      u.put(of.clientOrderId(), of.at());
    }
    return new OrderExecutor(config, status, closeType, closeTimestamp, next, f, c, u, held);
  }

  /** On a POSITION_HOLD close: every order with fills, replaced ones included. */
  private List<HeldOrder> heldAt(final ExecutorEvent.Terminated t) {
    if (t.closeType() != CloseType.POSITION_HOLD) {
      return List.of();
    }
    final List<HeldOrder> out = new ArrayList<>();
    for (TrackedOrder o : ledger.all()) {
      if (o.executedBase().isPositive()) {
        out.add(HeldOrder.of(o, updated.getOrDefault(o.id(), t.at())));
      }
    }
    return out;
  }

  private OrderExecutor with(
      final RunnableStatus s,
      final CloseType ct,
      final Instant closedAt,
      final OrderLedger l,
      final Failures f,
      final List<HeldOrder> h) {
    return new OrderExecutor(config, s, ct, closedAt, l, f, created, updated, h);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return OrderExecutorReport.of(this, market);
  }

  /** The facts of one decision, each applied as it is added so later ones see its effect. */
  private static final class Step {
    private final List<ExecutorEvent> events = new ArrayList<>();
    private OrderExecutor state;

    Step(final OrderExecutor start) {
      this.state = start;
    }

    void emit(final ExecutorEvent e) {
      events.add(e);
      state = state.apply(e);
    }
  }
}
