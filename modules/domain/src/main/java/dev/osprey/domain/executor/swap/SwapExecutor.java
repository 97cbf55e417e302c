package dev.osprey.domain.executor.swap;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.Executors;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.Lifecycle;
import dev.osprey.domain.executor.LifecycleExecutor;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
public final class SwapExecutor extends LifecycleExecutor<SwapExecutorConfig, SwapExecutor> {
  /** Role of its one order in the ledger. */
  public static final String ROLE = "swap";

  /** How long the order may take to fill completely before it is cancelled. */
  public static final Duration FILL_TIMEOUT = Duration.ofSeconds(2);

  private final SwapRouteChosen route;
  private final Instant sentAt;
  private final RejectReason refusal;

  @JsonCreator
  private SwapExecutor(
      final SwapExecutorConfig config,
      final Lifecycle lifecycle,
      final SwapRouteChosen route,
      final Instant sentAt,
      final RejectReason refusal) {
    super(config, lifecycle, SwapDecision::new);
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
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static SwapExecutor restore(final SwapExecutorConfig config) {
    return new SwapExecutor(config, Lifecycle.initial(config.id()), null, null, null);
  }

  /** The provider comparison, once it was made. */
  public Optional<SwapRouteChosen> route() {
    return Optional.ofNullable(route);
  }

  /** Its one order, once sent. */
  public Optional<TrackedOrder> order() {
    final List<TrackedOrder> all = orders().all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public Quantity executedBase() {
    return order().map(TrackedOrder::executedBase).orElse(Quantity.ZERO);
  }

  /** The reference's swap state. */
  public SwapState state() {
    if (status() == RunnableStatus.NOT_STARTED) {
      return SwapState.NOT_STARTED;
    }
    if (!isTerminated()) {
      return SwapState.EXECUTING;
    }
    return lifecycle().closeType() == CloseType.COMPLETED ? SwapState.COMPLETED : SwapState.FAILED;
  }

  /** The fill deadline while its order may still be filling. */
  @Override
  public Optional<Instant> wakeUpAt() {
    if (status() != RunnableStatus.RUNNING || sentAt == null || !orders().hasLive()) {
      return Optional.empty();
    }
    return Optional.of(sentAt.plus(FILL_TIMEOUT));
  }

  /** Every fill, once it ended: a swap never unwinds what it traded. */
  @Override
  public List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(EnumSet.allOf(CloseType.class));
  }

  /** When its order was sent (null before). */
  Instant sentAt() {
    return sentAt;
  }

  /** Why the venue refused its order (null unless it did). */
  RejectReason refusal() {
    return refusal;
  }

  /** COMPLETED when the order filled completely, else {@code otherwise}. */
  CloseType completedOr(final CloseType otherwise) {
    return order().map(TrackedOrder::isFilled).orElse(false) ? CloseType.COMPLETED : otherwise;
  }

  @Override
  public SwapExecutor apply(final ExecutorEvent event) {
    if (event instanceof SwapRouteChosen r) {
      return new SwapExecutor(config(), lifecycle(), r, sentAt, refusal);
    }
    final Lifecycle next = lifecycle().apply(event);
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      return new SwapExecutor(config(), next, route, s.at(), refusal);
    }
    if (event instanceof ExecutorEvent.OrderFailed f) {
      return new SwapExecutor(config(), next, route, sentAt, f.reason());
    }
    return new SwapExecutor(config(), next, route, sentAt, refusal);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return SwapReport.of(this, market);
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(route, sentAt, refusal);
  }

  @Override
  public String toString() {
    return Executors.describe(this) + " " + state();
  }
}
