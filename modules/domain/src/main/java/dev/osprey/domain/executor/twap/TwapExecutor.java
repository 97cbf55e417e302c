package dev.osprey.domain.executor.twap;

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
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.TrackedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
public final class TwapExecutor extends LifecycleExecutor<TwapExecutorConfig, TwapExecutor> {
  /** Refusals tolerated; one more ends the executor FAILED (reference: {@code >}). */
  public static final int MAX_RETRIES = 10;

  /** Pause before a refused slot is ordered again (the reference's one-second loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  /** The close types on which it hands what it executed to the position book. */
  private static final Set<CloseType> HANDED_OVER =
      EnumSet.of(CloseType.POSITION_HOLD, CloseType.COMPLETED);

  private final OrderSizeRejected rejection;
  private final Map<ClientOrderId, Instant> submitted;

  @JsonCreator
  private TwapExecutor(
      final TwapExecutorConfig config,
      final Lifecycle lifecycle,
      final OrderSizeRejected rejection,
      final Map<ClientOrderId, Instant> submitted) {
    super(config, lifecycle, TwapDecision::new);
    this.rejection = rejection;
    this.submitted = Map.copyOf(submitted);
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static TwapExecutor create(final TwapExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static TwapExecutor restore(final TwapExecutorConfig config) {
    return new TwapExecutor(config, Lifecycle.initial(config.id()), null, Map.of());
  }

  /** Why its slices could not be ordered at all, if so. */
  public Optional<OrderSizeRejected> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public TwapExecutor apply(final ExecutorEvent event) {
    if (event instanceof OrderSizeRejected r) {
      return new TwapExecutor(config(), lifecycle(), r, submitted);
    }
    if (event instanceof ExecutorEvent.OrderSubmitted s) {
      final Map<ClientOrderId, Instant> next = new HashMap<>(submitted);
      next.put(s.request().clientOrderId(), s.at());
      return new TwapExecutor(config(), lifecycle().apply(s), rejection, next);
    }
    return new TwapExecutor(config(), lifecycle().apply(event), rejection, submitted);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return tradedReport(
        TwapPnl.of(this, market), rejection != null, lastError(), customInfo(market));
  }

  /**
   * While running, the earliest of: the next slot time, one {@link #RETRY_DELAY} after a refusal
   * whose slot waits to be ordered again, and the renewal time of a resting MAKER order.
   */
  @Override
  public Optional<Instant> wakeUpAt() {
    if (status() != RunnableStatus.RUNNING) {
      return Optional.empty();
    }
    final TwapSlots slots = slots();
    Instant at = slots.nextSlotTime().orElse(null);
    if (lifecycle().lastFailureAt() != null && slots.refusedPending()) {
      at = earliest(at, lifecycle().lastFailureAt().plus(RETRY_DELAY));
    }
    if (config().mode() == TwapMode.MAKER && config().orderResubmissionTime() != null) {
      for (TrackedOrder o : orders().cancellable()) {
        at = earliest(at, submittedAt(o.id()).plusSeconds(config().orderResubmissionTime()));
      }
    }
    return Optional.ofNullable(at);
  }

  /** Every order that executed anything, once it ended POSITION_HOLD. */
  @Override
  public List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(HANDED_OVER);
  }

  /**
   * Whether a TWAP that ended with {@code type} hands what it executed to the position book:
   * POSITION_HOLD (kept on stop) and COMPLETED. A completed TWAP holds what it bought (it never
   * unwinds), and held inventory is the position book's, as for every other executor (the
   * reference leaves it unattended, invisible to the positions API).
   */
  static boolean handsOver(final CloseType type) {
    return HANDED_OVER.contains(type);
  }

  TwapSlots slots() {
    return new TwapSlots(config(), orders());
  }

  /** When order {@code id} was decided. */
  Instant submittedAt(final ClientOrderId id) {
    return submitted.get(id);
  }

  private static Instant earliest(final Instant a, final Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private String lastError() {
    if (rejection != null) {
      return "order_amount_quote " + rejection.orderAmountQuote() + " at mid " + rejection.mid()
          + " cannot be placed: " + rejection.reason();
    }
    return lifecycle().lastError();
  }

  private Map<String, Object> customInfo(final MarketView market) {
    final TwapSlots slots = slots();
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("side", config().side().name());
    info.put("mode", config().mode().name());
    info.put("number_of_orders", config().numberOfOrders());
    info.put("order_amount_quote", config().orderAmountQuote().value());
    info.put("order_interval", config().orderInterval());
    info.put("start_timestamp", config().timestamp());
    info.put("next_order_timestamp",
        status() == RunnableStatus.RUNNING ? slots.nextSlotTime().orElse(null) : null);
    info.put("slots_filled", slots.filledCount());
    info.put("slots_open_orders", slots.liveCount());
    final Price mid = TwapPnl.mid(market);
    info.put("executed_amount_base", slots.executedBase().value());
    info.put("executed_amount_quote", slots.executedQuote().value());
    info.put("average_executed_price", slots.averagePrice().map(Price::value).orElse(null));
    info.put("current_market_price", mid == null ? null : mid.value());
    info.put("close_type", closeType().map(CloseType::name).orElse(null));
    info.put("close_timestamp", lifecycle().closedAt());
    return endCustomInfo(info, MAX_RETRIES);
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(rejection, submitted);
  }
}
