package dev.osprey.domain.executor.order;

import com.fasterxml.jackson.annotation.JsonCreator;
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
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
public final class OrderExecutor extends LifecycleExecutor<OrderExecutorConfig, OrderExecutor> {
  /** Role of its orders in the ledger. */
  public static final String ROLE = "main";

  /** Failures (other than insufficient balance) tolerated before giving up (reference: 10). */
  public static final int MAX_RETRIES = 10;

  /** Pause before re-placing a failed order (the reference's one-second control loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final RejectReason lastRefusal;
  private final Map<ClientOrderId, Instant> created;
  private final Map<ClientOrderId, Instant> updated;
  private final List<HeldOrder> held;

  @JsonCreator
  private OrderExecutor(
      final OrderExecutorConfig config,
      final Lifecycle lifecycle,
      final RejectReason lastRefusal,
      final Map<ClientOrderId, Instant> created,
      final Map<ClientOrderId, Instant> updated,
      final List<HeldOrder> held) {
    super(config, lifecycle, OrderDecision::new);
    this.lastRefusal = lastRefusal;
    this.created = Map.copyOf(created);
    this.updated = Map.copyOf(updated);
    this.held = List.copyOf(held);
  }

  /**
   * A new, not yet started order executor.
   *
   * @param config a valid config carrying its identity ({@code id} is required)
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static OrderExecutor create(final OrderExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static OrderExecutor restore(final OrderExecutorConfig config) {
    return new OrderExecutor(
        config, Lifecycle.initial(config.id()), null, Map.of(), Map.of(), List.of());
  }

  @Override
  public List<HeldOrder> heldOrders() {
    return held;
  }

  /** The latest venue refusal, as {@code REASON: message}. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lifecycle().lastError());
  }

  /** Base executed over all its orders, replaced ones included. */
  public Quantity executedBase() {
    return Quantity.sum(orders().all(), TrackedOrder::executedBase);
  }

  /** The order it placed last, if any. */
  public Optional<TrackedOrder> currentOrder() {
    final List<TrackedOrder> all = orders().all();
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
    return retryPending() ? Optional.of(retryAt()) : Optional.empty();
  }

  /** The reason of the latest refusal (null before any). */
  RejectReason lastRefusal() {
    return lastRefusal;
  }

  /** {@code POSITION_HOLD} when anything filled, else {@code otherwise}. */
  CloseType closeWithFills(final CloseType otherwise) {
    return executedBase().isPositive() ? CloseType.POSITION_HOLD : otherwise;
  }

  boolean lastOrderFailed() {
    return currentOrder().map(o -> o.status() == OrderStatus.FAILED).orElse(false);
  }

  /** A retryable failure is waiting to be re-placed. */
  boolean retryPending() {
    return status() == RunnableStatus.RUNNING
        && lastOrderFailed()
        && lastRefusal != RejectReason.INSUFFICIENT_BALANCE
        && retries() <= MAX_RETRIES;
  }

  /** When a refused order may be placed again. */
  Instant retryAt() {
    return lifecycle().lastFailureAt().plus(RETRY_DELAY);
  }

  @Override
  public OrderExecutor apply(final ExecutorEvent event) {
    final Lifecycle next = lifecycle().apply(event);
    if (event instanceof ExecutorEvent.Terminated t) {
      return new OrderExecutor(config(), next, lastRefusal, created, updated, heldAt(t));
    }
    if (next.orders() == lifecycle().orders()) {
      return next == lifecycle() ? this
          : new OrderExecutor(config(), next, lastRefusal, created, updated, held);
    }
    final RejectReason refusal =
        event instanceof ExecutorEvent.OrderFailed of ? of.reason() : lastRefusal;
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
    return new OrderExecutor(config(), next, refusal, c, u, held);
  }

  /** On a POSITION_HOLD close: every order with fills, replaced ones included. */
  private List<HeldOrder> heldAt(final ExecutorEvent.Terminated t) {
    if (t.closeType() != CloseType.POSITION_HOLD) {
      return List.of();
    }
    final List<HeldOrder> out = new ArrayList<>();
    for (TrackedOrder o : orders().all()) {
      if (o.executedBase().isPositive()) {
        out.add(HeldOrder.of(o, updated.getOrDefault(o.id(), t.at())));
      }
    }
    return out;
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return OrderExecutorReport.of(this, market);
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(lastRefusal, created, updated, held);
  }
}
