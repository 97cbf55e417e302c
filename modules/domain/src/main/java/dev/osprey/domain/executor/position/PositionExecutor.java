package dev.osprey.domain.executor.position;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A position with triple-barrier exits (the reference's {@code PositionExecutor}): it enters with
 * one open order, then closes at market on stop loss, trailing stop, take profit or time limit
 * (or through a resting take-profit order), or hands its fills over when stopped with {@code
 * keep_position}.
 *
 * <p>Its config gets the entry price filled in once it was resolved from the book.
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events, so replay
 * after a crash rebuilds it without any clock, market or venue. Decisions live in {@link
 * PositionDecision}, the numbers in {@link PositionPnl}.
 */
public final class PositionExecutor extends LifecycleExecutor<PositionExecutorConfig, PositionExecutor> {
  /** Role of entry orders. */
  public static final String ROLE_OPEN = "open";
  /** Role of market exit orders. */
  public static final String ROLE_CLOSE = "close";
  /** Role of resting take-profit orders. */
  public static final String ROLE_TAKE_PROFIT = "take_profit";
  /** Failures tolerated; one more ends the executor FAILED (the orchestrator's default). */
  public static final int MAX_RETRIES = 10;

  /** Lazily derived view of the orders; not part of the value (see equals) nor of a snapshot. */
  private transient Legs legs;

  private final BigDecimal trailingTrigger;

  @JsonCreator
  private PositionExecutor(
      final PositionExecutorConfig config,
      final Lifecycle lifecycle,
      final BigDecimal trailingTrigger) {
    super(config, lifecycle, PositionDecision::new);
    this.trailingTrigger = trailingTrigger;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static PositionExecutor create(final PositionExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static PositionExecutor restore(final PositionExecutorConfig config) {
    return new PositionExecutor(config, Lifecycle.initial(config.id()), null);
  }

  /** The active trailing-stop trigger (a net P&amp;L fraction; zero is a real trigger). */
  public Optional<BigDecimal> trailingStopTrigger() {
    return Optional.ofNullable(trailingTrigger);
  }

  @Override
  public PositionExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.EntryPriceResolved r) {
      return new PositionExecutor(config().withEntryPrice(r.price()), lifecycle(), trailingTrigger);
    }
    if (event instanceof ExecutorEvent.TrailingStopMoved t) {
      return new PositionExecutor(config(), lifecycle(), t.trigger());
    }
    return new PositionExecutor(config(), lifecycle().apply(event), trailingTrigger);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final PositionPnl pnl = PositionPnl.of(this, market);
    return ExecutorReport.of(this,
        pnl.figures().numbers(),
        status() == RunnableStatus.RUNNING && pnl.openFilled().isPositive(),
        orders().failures(),
        lifecycle().lastError(),
        customInfo(pnl));
  }

  /** The time limit, while running with one (a closing executor waits for its orders only). */
  @Override
  public Optional<Instant> wakeUpAt() {
    return status() == RunnableStatus.RUNNING ? deadline() : Optional.empty();
  }

  /** Every order that traded, once it ended POSITION_HOLD (partial fills included). */
  @Override
  public List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(Set.of(CloseType.POSITION_HOLD));
  }

  Legs legs() {
    // Derived from the (immutable) ledger only; kept because barriers read it on every tick.
    Legs l = legs;
    if (l == null) {
      l = new Legs(orders());
      legs = l;
    }
    return l;
  }

  /** {@code timestamp + time_limit}, if there is a time limit. */
  Optional<Instant> deadline() {
    final Long limit = config().tripleBarrierConfig().timeLimit();
    return limit == null ? Optional.empty() : Optional.of(config().timestamp().plusSeconds(limit));
  }

  private Map<String, Object> customInfo(final PositionPnl pnl) {
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("level_id", config().levelId());
    info.put("current_position_average_price", pnl.entry() == null ? null : pnl.entry().value());
    info.put("side", config().side().name());
    info.put("current_retries", lifecycle().retries());
    info.put("max_retries", MAX_RETRIES);
    info.put("close_price", pnl.closePrice() == null ? null : pnl.closePrice().value());
    info.put("open_order_last_update", legs().lastOpenFill().orElse(null));
    info.put("order_ids", lifecycle().orderIds());
    info.put("held_position_orders", heldOrders());
    info.put("trailing_stop_trigger_pct", trailingTrigger);
    return Collections.unmodifiableMap(info);
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(trailingTrigger);
  }
}
