package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.osprey.domain.executor.dca.LevelRejected;
import dev.osprey.domain.executor.grid.GridLevelsPlanned;
import dev.osprey.domain.executor.lp.LpFeesAccrued;
import dev.osprey.domain.executor.lp.LpLiquidityAdded;
import dev.osprey.domain.executor.lp.LpLiquidityRemoved;
import dev.osprey.domain.executor.lp.LpRangeChanged;
import dev.osprey.domain.executor.swap.SwapRouteChosen;
import dev.osprey.domain.executor.twap.OrderSizeRejected;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fact an executor decided or learned. Executors are event-sourced: their state is the fold of
 * these events over the initial state built from the config, live and in replay alike. Events are
 * persisted, so their names and fields never change; new facts get new records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExecutorEvent.Started.class, name = "started"),
  @JsonSubTypes.Type(value = ExecutorEvent.EntryPriceResolved.class, name = "entry_price_resolved"),
  @JsonSubTypes.Type(value = ExecutorEvent.OrderSubmitted.class, name = "order_submitted"),
  @JsonSubTypes.Type(value = ExecutorEvent.OrderAcknowledged.class, name = "order_acknowledged"),
  @JsonSubTypes.Type(value = ExecutorEvent.FillApplied.class, name = "fill_applied"),
  @JsonSubTypes.Type(value = ExecutorEvent.CancelRequested.class, name = "cancel_requested"),
  @JsonSubTypes.Type(value = ExecutorEvent.OrderCancelled.class, name = "order_cancelled"),
  @JsonSubTypes.Type(value = ExecutorEvent.OrderFailed.class, name = "order_failed"),
  @JsonSubTypes.Type(value = ExecutorEvent.TrailingStopMoved.class, name = "trailing_stop_moved"),
  @JsonSubTypes.Type(value = ExecutorEvent.ShutdownStarted.class, name = "shutdown_started"),
  @JsonSubTypes.Type(value = ExecutorEvent.Terminated.class, name = "terminated"),
  @JsonSubTypes.Type(value = GridLevelsPlanned.class, name = "grid_levels_planned"),
  @JsonSubTypes.Type(value = LpLiquidityAdded.class, name = "lp_liquidity_added"),
  @JsonSubTypes.Type(value = LpFeesAccrued.class, name = "lp_fees_accrued"),
  @JsonSubTypes.Type(value = LpRangeChanged.class, name = "lp_range_changed"),
  @JsonSubTypes.Type(value = LpLiquidityRemoved.class, name = "lp_liquidity_removed"),
  @JsonSubTypes.Type(value = SwapRouteChosen.class, name = "swap_route_chosen"),
  @JsonSubTypes.Type(value = LevelRejected.class, name = "dca_level_rejected"),
  @JsonSubTypes.Type(value = OrderSizeRejected.class, name = "twap_order_size_rejected"),
})
public interface ExecutorEvent {

  /** The executor began running (status RUNNING). */
  record Started(Instant at) implements ExecutorEvent {}

  /** No entry price was configured; it was fixed from the book at start. */
  record EntryPriceResolved(Price price) implements ExecutorEvent {}

  /**
   * An order was decided, with its deterministic client order id. Persisted before the order is
   * sent. {@code role} says what the order is for (open, close, take_profit, main …).
   */
  record OrderSubmitted(String role, OrderRequest request, Instant at) implements ExecutorEvent {}

  /** The venue confirmed it has the order. */
  record OrderAcknowledged(ClientOrderId clientOrderId, String exchangeOrderId) implements ExecutorEvent {}

  /** A trade against one of its orders; applied once per trade id. */
  record FillApplied(ClientOrderId clientOrderId, Fill fill) implements ExecutorEvent {}

  /** It asked the venue to cancel an order. */
  record CancelRequested(ClientOrderId clientOrderId, Instant at) implements ExecutorEvent {}

  /** The venue took the order off the book. */
  record OrderCancelled(ClientOrderId clientOrderId, Instant at) implements ExecutorEvent {}

  /** The venue refused the order; {@code countsAsRetry} when it adds to the retry budget. */
  record OrderFailed(
      ClientOrderId clientOrderId, RejectReason reason, String message, boolean countsAsRetry, Instant at)
      implements ExecutorEvent {}

  /** Trailing stop activated or ratcheted to a new trigger (a P&amp;L fraction). */
  record TrailingStopMoved(BigDecimal trigger) implements ExecutorEvent {}

  /** A close condition was met: status SHUTTING_DOWN until its orders are done. */
  record ShutdownStarted(CloseType closeType, Instant at) implements ExecutorEvent {}

  /** The executor ended (status TERMINATED); {@code closeType} is final. */
  record Terminated(CloseType closeType, Instant at) implements ExecutorEvent {}
}
