package dev.osprey.domain.executor;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.osprey.domain.executor.arbitrage.ArbitrageExecutor;
import dev.osprey.domain.executor.dca.DcaExecutor;
import dev.osprey.domain.executor.grid.GridExecutor;
import dev.osprey.domain.executor.lp.LpExecutor;
import dev.osprey.domain.executor.order.OrderExecutor;
import dev.osprey.domain.executor.position.PositionExecutor;
import dev.osprey.domain.executor.swap.SwapExecutor;
import dev.osprey.domain.executor.twap.TwapExecutor;
import dev.osprey.domain.executor.xemm.XemmExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One executor as a deterministic state machine. Immutable: {@link #decide} looks at an input, the
 * market and the time and returns the facts that follow (orders to submit or cancel, fills,
 * closes); {@link #apply} folds one fact into a new state. The engine persists the facts and turns
 * submitted and cancel-requested orders into venue calls; replay drives the same two methods
 * directly.
 *
 * <p>The state is persisted in snapshots as its fields (the {@code @JsonCreator} constructor of
 * each type reads them back), tagged with the type name of its config: field and type names are
 * never changed, only added.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "executor")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PositionExecutor.class, name = "position_executor"),
  @JsonSubTypes.Type(value = OrderExecutor.class, name = "order_executor"),
  @JsonSubTypes.Type(value = GridExecutor.class, name = "grid_executor"),
  @JsonSubTypes.Type(value = DcaExecutor.class, name = "dca_executor"),
  @JsonSubTypes.Type(value = TwapExecutor.class, name = "twap_executor"),
  @JsonSubTypes.Type(value = XemmExecutor.class, name = "xemm_executor"),
  @JsonSubTypes.Type(value = ArbitrageExecutor.class, name = "arbitrage_executor"),
  @JsonSubTypes.Type(value = LpExecutor.class, name = "lp_executor"),
  @JsonSubTypes.Type(value = SwapExecutor.class, name = "swap_executor"),
})
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    creatorVisibility = Visibility.ANY)
public interface Executor {
  ExecutorConfig config();

  /** Status, close type, close time, orders and retries: what every executor type keeps alike. */
  Lifecycle lifecycle();

  default RunnableStatus status() {
    return lifecycle().status();
  }

  /** Present once a close condition was met (during SHUTTING_DOWN too). */
  default Optional<CloseType> closeType() {
    return Optional.ofNullable(lifecycle().closeType());
  }

  /** When it terminated. */
  default Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(lifecycle().closedAt());
  }

  /** Refusals counted against its retry budget so far. */
  default int retries() {
    return lifecycle().retries();
  }

  /** The facts that follow from {@code input}; never mutates. May be empty. */
  List<ExecutorEvent> decide(ExecutorInput input, MarketView market, Instant now);

  /** This state with {@code event} applied. Pure: no clock, no IO. */
  Executor apply(ExecutorEvent event);

  /** Its numbers, marked to {@code market} while running. */
  ExecutorReport report(MarketView market, Instant now);

  /** The next instant it needs a {@link ExecutorInput.Wake} (its time limit), if any. */
  Optional<Instant> wakeUpAt();

  /** What it hands to the position book (non-empty only when it ended POSITION_HOLD). */
  List<HeldOrder> heldOrders();

  /** Its orders (live and done), in submission order. */
  default OrderLedger orders() {
    return lifecycle().orders();
  }

  default boolean isTerminated() {
    return lifecycle().isTerminated();
  }

  /** Applies every event in order. */
  default Executor applyAll(final List<ExecutorEvent> events) {
    Executor s = this;
    for (ExecutorEvent e : events) {
      s = s.apply(e);
    }
    return s;
  }
}
