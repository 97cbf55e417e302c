package dev.osprey.domain.executor.dca;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Dollar-cost averaging into one position (the reference's {@code DCAExecutor}): entry levels go
 * out one at a time in list order, each within its activation bounds, and the whole position
 * exits at market on stop loss, trailing stop, take profit or time limit, or is handed over to
 * the position book when stopped with {@code keep_position}.
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events, so replay
 * after a crash rebuilds it without any clock, market or venue. Decisions live in {@link
 * DcaDecision}, the numbers in {@link DcaPnl}.
 */
public final class DcaExecutor implements Executor {
  /** Refusals tolerated: reaching this many ends the executor FAILED (reference: {@code >=}). */
  public static final int MAX_RETRIES = 10;

  /** Pause before a refused order is placed again (the reference's one-second loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final DcaExecutorConfig config;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final OrderLedger orders;
  private final int retries;
  private final BigDecimal trailingTrigger;
  private final Instant closedAt;
  private final Instant lastFailureAt;
  private final LevelRejected rejection;

  private DcaExecutor(
      final DcaExecutorConfig config,
      final RunnableStatus status,
      final CloseType closeType,
      final OrderLedger orders,
      final int retries,
      final BigDecimal trailingTrigger,
      final Instant closedAt,
      final Instant lastFailureAt,
      final LevelRejected rejection) {
    this.config = config;
    this.status = status;
    this.closeType = closeType;
    this.orders = orders;
    this.retries = retries;
    this.trailingTrigger = trailingTrigger;
    this.closedAt = closedAt;
    this.lastFailureAt = lastFailureAt;
    this.rejection = rejection;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static DcaExecutor create(final DcaExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    Objects.requireNonNull(config.timestamp(), "config.timestamp");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new DcaExecutor(
        config, RunnableStatus.NOT_STARTED, null, OrderLedger.empty(config.id()), 0, null, null,
        null, null);
  }

  @Override
  public DcaExecutorConfig config() {
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

  /** The active trailing-stop trigger (a net P&amp;L fraction; zero is a real trigger). */
  public Optional<BigDecimal> trailingStopTrigger() {
    return Optional.ofNullable(trailingTrigger);
  }

  /** When it terminated. */
  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closedAt);
  }

  /** The level refused at start for breaking the venue's rules, if any. */
  public Optional<LevelRejected> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return DcaDecision.decide(this, input, market, now);
  }

  @Override
  public DcaExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, orders, retries, trailingTrigger, closedAt,
          lastFailureAt);
    }
    if (event instanceof LevelRejected r) {
      return new DcaExecutor(config, status, closeType, orders, retries, trailingTrigger, closedAt,
          lastFailureAt, r);
    }
    if (event instanceof ExecutorEvent.TrailingStopMoved t) {
      return with(status, closeType, orders, retries, t.trigger(), closedAt, lastFailureAt);
    }
    if (event instanceof ExecutorEvent.ShutdownStarted s) {
      return with(RunnableStatus.SHUTTING_DOWN, s.closeType(), orders, retries, trailingTrigger,
          closedAt, lastFailureAt);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(RunnableStatus.TERMINATED, t.closeType(), orders, retries, trailingTrigger,
          t.at(), lastFailureAt);
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return with(status, closeType, orders.apply(f), retries + (f.countsAsRetry() ? 1 : 0),
          trailingTrigger, closedAt, f.at());
    }
    return with(status, closeType, orders.apply(event), retries, trailingTrigger, closedAt,
        lastFailureAt);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final DcaPnl pnl = DcaPnl.of(this, market);
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
   * While running: the time limit, or one {@link #RETRY_DELAY} after a refusal when an order waits
   * to be placed again (so a quiet market does not leave it waiting). While closing: the retry of a
   * refused close order.
   */
  @Override
  public Optional<Instant> wakeUpAt() {
    final Optional<Instant> retry =
        lastFailureAt == null ? Optional.empty() : Optional.of(lastFailureAt.plus(RETRY_DELAY));
    if (status == RunnableStatus.SHUTTING_DOWN) {
      return orders.hasLive() ? Optional.empty() : retry;
    }
    if (status != RunnableStatus.RUNNING) {
      return Optional.empty();
    }
    final Optional<Instant> deadline = config.deadline();
    if (retry.isEmpty() || !levels().levelRetryPending()) {
      return deadline;
    }
    return deadline.isPresent() && deadline.get().isBefore(retry.get()) ? deadline : retry;
  }

  /**
   * Every order that traded (levels, partial fills and closes alike), once it ended
   * POSITION_HOLD: the position book nets them into what is still held. The reference ends
   * POSITION_HOLD here without handing anything over.
   */
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

  DcaLevels levels() {
    return new DcaLevels(orders, config.levels());
  }

  private DcaExecutor with(
      final RunnableStatus s,
      final CloseType type,
      final OrderLedger ledger,
      final int failures,
      final BigDecimal trigger,
      final Instant closed,
      final Instant failedAt) {
    return new DcaExecutor(config, s, type, ledger, failures, trigger, closed, failedAt, rejection);
  }

  private String lastError() {
    if (rejection != null) {
      final int level = rejection.level();
      return "level " + level + " (amounts_quote " + config.amountQuote(level) + " at prices "
          + config.price(level) + ") cannot be placed: " + rejection.reason();
    }
    String last = null;
    for (TrackedOrder o : orders.all()) {
      if (o.status() == OrderStatus.FAILED) {
        last = o.failure();
      }
    }
    return last;
  }

  private Map<String, Object> customInfo(final DcaPnl pnl) {
    final List<String> ids = new ArrayList<>();
    for (TrackedOrder o : orders.all()) {
      ids.add(o.id().value());
    }
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("side", config.side().name());
    info.put("current_position_average_price",
        pnl.average() == null ? BigDecimal.ZERO : pnl.average().value());
    info.put("target_position_average_price", config.targetAveragePrice().value());
    info.put("filled_amount", pnl.openFilled().plus(pnl.closeFilled()).value());
    info.put("filled_amount_quote", pnl.filledAmountQuote().value());
    info.put("max_amount_quote", config.totalAmountQuote().value());
    info.put("min_price", config.minPrice().value());
    info.put("max_price", config.maxPrice().value());
    info.put("max_loss_quote", config.maxLossQuote().value());
    info.put("current_market_price", pnl.marketPrice() == null ? null : pnl.marketPrice().value());
    info.put("close_price", pnl.closePrice() == null ? null : pnl.closePrice().value());
    info.put("close_type", closeType == null ? null : closeType.name());
    info.put("close_timestamp", closedAt);
    info.put("n_levels", config.levels());
    info.put("levels_placed", levels().nextLevel());
    info.put("trailing_stop_trigger_pct", trailingTrigger);
    info.put("total_executed_amount_backup", pnl.openFilled().value());
    info.put("current_retries", retries);
    info.put("max_retries", MAX_RETRIES);
    info.put("level_id", config.levelId());
    info.put("order_ids", List.copyOf(ids));
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof DcaExecutor d
        && config.equals(d.config)
        && status == d.status
        && closeType == d.closeType
        && orders.equals(d.orders)
        && retries == d.retries
        && sameDecimal(trailingTrigger, d.trailingTrigger)
        && Objects.equals(closedAt, d.closedAt)
        && Objects.equals(lastFailureAt, d.lastFailureAt)
        && Objects.equals(rejection, d.rejection);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config, status, closeType, orders, retries, closedAt, lastFailureAt);
  }

  @Override
  public String toString() {
    return "DcaExecutor[" + config.id() + " " + status
        + (closeType == null ? "" : " " + closeType) + " orders=" + orders.entries().size()
        + " retries=" + retries + "]";
  }

  private static boolean sameDecimal(final BigDecimal a, final BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
