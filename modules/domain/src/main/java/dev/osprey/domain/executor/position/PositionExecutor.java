package dev.osprey.domain.executor.position;

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
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A position with triple-barrier exits (the reference's {@code PositionExecutor}): it enters with
 * one open order, then closes at market on stop loss, trailing stop, take profit or time limit
 * (or through a resting take-profit order), or hands its fills over when stopped with {@code
 * keep_position}.
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events, so replay
 * after a crash rebuilds it without any clock, market or venue. Decisions live in {@link
 * PositionDecision}, the numbers in {@link PositionPnl}.
 */
public final class PositionExecutor implements Executor {
  /** Role of entry orders. */
  public static final String ROLE_OPEN = "open";
  /** Role of market exit orders. */
  public static final String ROLE_CLOSE = "close";
  /** Role of resting take-profit orders. */
  public static final String ROLE_TAKE_PROFIT = "take_profit";
  /** Failures tolerated; one more ends the executor FAILED (the orchestrator's default). */
  public static final int MAX_RETRIES = 10;

  /** Lazily derived view of {@link #orders}; not part of the value (see equals). */
  private Legs legs;

  private final PositionExecutorConfig config;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final OrderLedger orders;
  private final int retries;
  private final BigDecimal trailingTrigger;
  private final Instant closedAt;

  private PositionExecutor(
      final PositionExecutorConfig config,
      final RunnableStatus status,
      final CloseType closeType,
      final OrderLedger orders,
      final int retries,
      final BigDecimal trailingTrigger,
      final Instant closedAt) {
    this.config = config;
    this.status = status;
    this.closeType = closeType;
    this.orders = orders;
    this.retries = retries;
    this.trailingTrigger = trailingTrigger;
    this.closedAt = closedAt;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static PositionExecutor create(final PositionExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    Objects.requireNonNull(config.timestamp(), "config.timestamp");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new PositionExecutor(
        config, RunnableStatus.NOT_STARTED, null, OrderLedger.empty(config.id()), 0, null, null);
  }

  /** The config, with the entry price filled in once it was resolved from the book. */
  @Override
  public PositionExecutorConfig config() {
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

  /** Failures counted against {@link #MAX_RETRIES} so far. */
  public int retries() {
    return retries;
  }

  /** The active trailing-stop trigger (a net P&amp;L fraction; zero is a real trigger). */
  public Optional<BigDecimal> trailingStopTrigger() {
    return Optional.ofNullable(trailingTrigger);
  }

  /** When it terminated. */
  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closedAt);
  }

  @Override
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return PositionDecision.decide(this, input, market, now);
  }

  @Override
  public PositionExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, orders, retries, trailingTrigger, closedAt);
    }
    if (event instanceof ExecutorEvent.EntryPriceResolved r) {
      return new PositionExecutor(
          config.withEntryPrice(r.price()), status, closeType, orders, retries, trailingTrigger,
          closedAt);
    }
    if (event instanceof ExecutorEvent.TrailingStopMoved t) {
      return with(status, closeType, orders, retries, t.trigger(), closedAt);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return with(
          RunnableStatus.SHUTTING_DOWN, s.closeType(), orders, retries, trailingTrigger, closedAt);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(
          RunnableStatus.TERMINATED, t.closeType(), orders, retries, trailingTrigger, t.at());
    }
    final int failures =
        event instanceof ExecutorEvent.OrderFailed f && f.countsAsRetry() ? 1 : 0;
    return with(
        status, closeType, orders.apply(event), retries + failures, trailingTrigger, closedAt);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final PositionPnl pnl = PositionPnl.of(this, market);
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
        status == RunnableStatus.RUNNING && pnl.openFilled().isPositive(),
        orders.failures(),
        lastError(),
        customInfo(pnl));
  }

  /** The time limit, while running with one (a closing executor waits for its orders only). */
  @Override
  public Optional<Instant> wakeUpAt() {
    if (status != RunnableStatus.RUNNING) {
      return Optional.empty();
    }
    return deadline();
  }

  /** Every order that traded, once it ended POSITION_HOLD (partial fills included). */
  @Override
  public List<HeldOrder> heldOrders() {
    if (status != RunnableStatus.TERMINATED || closeType != CloseType.POSITION_HOLD) {
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

  Legs legs() {
    // Derived from the (immutable) ledger only; kept because barriers read it on every tick.
    Legs l = legs;
    if (l == null) {
      l = new Legs(orders);
      legs = l;
    }
    return l;
  }

  /** {@code timestamp + time_limit}, if there is a time limit. */
  Optional<Instant> deadline() {
    final Long limit = config.tripleBarrierConfig().timeLimit();
    return limit == null ? Optional.empty() : Optional.of(config.timestamp().plusSeconds(limit));
  }

  private PositionExecutor with(
      final RunnableStatus s,
      final CloseType type,
      final OrderLedger ledger,
      final int failures,
      final BigDecimal trigger,
      final Instant closed) {
    return new PositionExecutor(config, s, type, ledger, failures, trigger, closed);
  }

  private String lastError() {
    String last = null;
    for (TrackedOrder o : orders.all()) {
      if (o.status() == OrderStatus.FAILED) {
        last = o.failure();
      }
    }
    return last;
  }

  private Map<String, Object> customInfo(final PositionPnl pnl) {
    final List<String> ids = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      ids.add(o.id().value());
    }
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("level_id", config.levelId());
    info.put("current_position_average_price", pnl.entry() == null ? null : pnl.entry().value());
    info.put("side", config.side().name());
    info.put("current_retries", retries);
    info.put("max_retries", MAX_RETRIES);
    info.put("close_price", pnl.closePrice() == null ? null : pnl.closePrice().value());
    info.put("open_order_last_update", legs().lastOpenFill().orElse(null));
    info.put("order_ids", List.copyOf(ids));
    info.put("held_position_orders", heldOrders());
    info.put("trailing_stop_trigger_pct", trailingTrigger);
    return Collections.unmodifiableMap(info);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof PositionExecutor p
        && config.equals(p.config)
        && status == p.status
        && closeType == p.closeType
        && orders.equals(p.orders)
        && retries == p.retries
        && sameDecimal(trailingTrigger, p.trailingTrigger)
        && Objects.equals(closedAt, p.closedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, status, closeType, orders, retries, closedAt);
  }

  @Override
  public String toString() {
    return "PositionExecutor[" + config.id() + " " + status
        + (closeType == null ? "" : " " + closeType) + " orders=" + orders.entries().size()
        + " retries=" + retries + "]";
  }

  private static boolean sameDecimal(final BigDecimal a, final BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
