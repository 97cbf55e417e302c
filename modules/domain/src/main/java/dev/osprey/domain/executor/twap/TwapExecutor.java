package dev.osprey.domain.executor.twap;

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
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spends a quote budget in equal-time slices (the reference's {@code TWAPExecutor}): one order per
 * slot, each sized to an equal share of what is left, until every slot is filled (COMPLETED). It
 * never unwinds what it bought: an early stop cancels what rests and ends EARLY_STOP, or
 * POSITION_HOLD handing its fills to the position book when asked to keep the position.
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events. The slot
 * plan is read from the orders' roles ({@link TwapSlots}); decisions live in {@link
 * TwapDecision}, the numbers in {@link TwapPnl}. The engine wakes it at the next slot time.
 */
public final class TwapExecutor implements Executor {
  /** Refusals tolerated; one more ends the executor FAILED (reference: {@code >}). */
  public static final int MAX_RETRIES = 10;

  /** Pause before a refused slot is ordered again (the reference's one-second loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final TwapExecutorConfig config;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final OrderLedger orders;
  private final int retries;
  private final Instant closedAt;
  private final Instant lastFailureAt;
  private final OrderSizeRejected rejection;
  private final Map<ClientOrderId, Instant> submitted;

  private TwapExecutor(
      final TwapExecutorConfig config,
      final RunnableStatus status,
      final CloseType closeType,
      final OrderLedger orders,
      final int retries,
      final Instant closedAt,
      final Instant lastFailureAt,
      final OrderSizeRejected rejection,
      final Map<ClientOrderId, Instant> submitted) {
    this.config = config;
    this.status = status;
    this.closeType = closeType;
    this.orders = orders;
    this.retries = retries;
    this.closedAt = closedAt;
    this.lastFailureAt = lastFailureAt;
    this.rejection = rejection;
    this.submitted = submitted;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static TwapExecutor create(final TwapExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    Objects.requireNonNull(config.timestamp(), "config.timestamp");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new TwapExecutor(
        config, RunnableStatus.NOT_STARTED, null, OrderLedger.empty(config.id()), 0, null, null,
        null, Map.of());
  }

  @Override
  public TwapExecutorConfig config() {
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
    return orders;
  }

  /** Refusals counted against {@link #MAX_RETRIES} so far. */
  public int retries() {
    return retries;
  }

  /** When it terminated. */
  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closedAt);
  }

  /** Why its slices could not be ordered at all, if so. */
  public Optional<OrderSizeRejected> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return TwapDecision.decide(this, input, market, now);
  }

  @Override
  public TwapExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, orders, retries, closedAt, lastFailureAt);
    }
    if (event instanceof OrderSizeRejected r) {
      return new TwapExecutor(config, status, closeType, orders, retries, closedAt, lastFailureAt,
          r, submitted);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return with(RunnableStatus.SHUTTING_DOWN, s.closeType(), orders, retries, closedAt,
          lastFailureAt);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(RunnableStatus.TERMINATED, t.closeType(), orders, retries, t.at(),
          lastFailureAt);
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return with(status, closeType, orders.apply(f), retries + (f.countsAsRetry() ? 1 : 0),
          closedAt, f.at());
    }
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      final Map<ClientOrderId, Instant> next = new HashMap<>(submitted);
      next.put(s.request().clientOrderId(), s.at());
      return new TwapExecutor(config, status, closeType, orders.apply(s), retries, closedAt,
          lastFailureAt, rejection, Map.copyOf(next));
    }
    return with(status, closeType, orders.apply(event), retries, closedAt, lastFailureAt);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final TwapPnl pnl = TwapPnl.of(this, market);
    return new ExecutorReport(
        config.id(),
        config.type(),
        config.controllerId(),
        config.connectorName(),
        config.tradingPair(),
        config.side(),
        status,
        closeType,
        config.timestamp(),
        closedAt,
        pnl.netPnlQuote(),
        pnl.netPnlPct(),
        pnl.cumFeesQuote(),
        pnl.filledAmountQuote(),
        QuoteAmount.ZERO,
        pnl.valueQuote(),
        status.isActive(),
        status.isActive() && !pnl.netPnlQuote().isZero(),
        orders.failures() + (rejection == null ? 0 : 1),
        lastError(),
        customInfo(pnl));
  }

  /**
   * While running, the earliest of: the next slot time, one {@link #RETRY_DELAY} after a refusal
   * whose slot waits to be ordered again, and the renewal time of a resting MAKER order.
   */
  @Override
  public Optional<Instant> wakeUpAt() {
    if (status != RunnableStatus.RUNNING) {
      return Optional.empty();
    }
    final TwapSlots slots = slots();
    Instant at = slots.nextSlotTime().orElse(null);
    if (lastFailureAt != null && slots.refusedPending()) {
      at = earliest(at, lastFailureAt.plus(RETRY_DELAY));
    }
    if (config.mode() == TwapMode.MAKER && config.orderResubmissionTime() != null) {
      for (TrackedOrder o : orders.cancellable()) {
        at = earliest(at, submittedAt(o.id()).plusSeconds(config.orderResubmissionTime()));
      }
    }
    return Optional.ofNullable(at);
  }

  /** Every order that executed anything, once it ended POSITION_HOLD. */
  @Override
  public List<HeldOrder> heldOrders() {
    if (status != RunnableStatus.TERMINATED || !handsOver(closeType)) {
      return List.of();
    }
    final List<HeldOrder> held = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      if (o.executedBase().isPositive()) {
        held.add(HeldOrder.of(o, closedAt));
      }
    }
    return List.copyOf(held);
  }

  /**
   * Whether a TWAP that ended with {@code type} hands what it executed to the position book:
   * POSITION_HOLD (kept on stop) and COMPLETED. A completed TWAP holds what it bought (it never
   * unwinds), and held inventory is the position book's, as for every other executor (the
   * reference leaves it unattended, invisible to the positions API).
   */
  static boolean handsOver(final CloseType type) {
    return type == CloseType.POSITION_HOLD || type == CloseType.COMPLETED;
  }

  TwapSlots slots() {
    return new TwapSlots(config, orders);
  }

  /** When order {@code id} was decided. */
  Instant submittedAt(final ClientOrderId id) {
    return submitted.get(id);
  }

  private TwapExecutor with(
      final RunnableStatus s,
      final CloseType type,
      final OrderLedger ledger,
      final int failures,
      final Instant closed,
      final Instant failedAt) {
    return new TwapExecutor(
        config, s, type, ledger, failures, closed, failedAt, rejection, submitted);
  }

  private static Instant earliest(final Instant a, final Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private String lastError() {
    if (rejection != null) {
      return "order_amount_quote " + rejection.orderAmountQuote() + " at mid " + rejection.mid()
          + " cannot be placed: " + rejection.reason();
    }
    String last = null;
    for (TrackedOrder o : orders.all()) {
      if (o.status() == OrderStatus.FAILED) {
        last = o.failure();
      }
    }
    return last;
  }

  private Map<String, Object> customInfo(final TwapPnl pnl) {
    final TwapSlots slots = slots();
    final List<String> ids = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      ids.add(o.id().value());
    }
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("side", config.side().name());
    info.put("mode", config.mode().name());
    info.put("number_of_orders", config.numberOfOrders());
    info.put("order_amount_quote", config.orderAmountQuote().value());
    info.put("order_interval", config.orderInterval());
    info.put("start_timestamp", config.timestamp());
    info.put("next_order_timestamp",
        status == RunnableStatus.RUNNING ? slots.nextSlotTime().orElse(null) : null);
    info.put("slots_filled", slots.filledCount());
    info.put("slots_open_orders", slots.liveCount());
    info.put("executed_amount_base", pnl.executedBase().value());
    info.put("executed_amount_quote", pnl.executedQuote().value());
    info.put("average_executed_price", pnl.average() == null ? null : pnl.average().value());
    info.put("current_market_price", pnl.mid() == null ? null : pnl.mid().value());
    info.put("close_type", closeType == null ? null : closeType.name());
    info.put("close_timestamp", closedAt);
    info.put("current_retries", retries);
    info.put("max_retries", MAX_RETRIES);
    info.put("order_ids", List.copyOf(ids));
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof TwapExecutor t
        && config.equals(t.config)
        && status == t.status
        && closeType == t.closeType
        && orders.equals(t.orders)
        && retries == t.retries
        && Objects.equals(closedAt, t.closedAt)
        && Objects.equals(lastFailureAt, t.lastFailureAt)
        && Objects.equals(rejection, t.rejection)
        && submitted.equals(t.submitted);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, status, closeType, orders, retries, closedAt, lastFailureAt);
  }

  @Override
  public String toString() {
    return "TwapExecutor[" + config.id() + " " + status
        + (closeType == null ? "" : " " + closeType) + " orders=" + orders.entries().size()
        + " retries=" + retries + "]";
  }
}
