package dev.osprey.domain.executor.lp;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One concentrated-liquidity position (the reference's {@code LPExecutor}) on a pool simulated
 * inside the domain: the pool price is the mid of the executor's market, liquidity and token
 * amounts follow {@link ConcentratedLiquidity}, fees accrue only over the part of each price move
 * inside the range. It opens on the first pool price, closes itself at a limit price or after
 * staying out of range too long, and on a stop. Closing withdraws everything; with {@code
 * keep_position} the round trip's net token change is handed over as one held order, otherwise
 * it is swapped back at the closing pool price.
 *
 * <p>It places no venue orders ({@link #orders()} stays empty). Immutable: the state is {@link
 * #create} folded with the events; decisions live in {@link LpDecision}, numbers in {@link
 * LpValuation}.
 */
public final class LpExecutor extends LifecycleExecutor<LpExecutorConfig, LpExecutor> {
  private final LpPosition position;
  /** The range math of the config's bounds: derived, so not part of a snapshot. */
  private final transient ConcentratedLiquidity pool;

  @JsonCreator
  private LpExecutor(
      final LpExecutorConfig config, final Lifecycle lifecycle, final LpPosition position) {
    super(config, lifecycle, LpDecision::new);
    this.position = position;
    this.pool = new ConcentratedLiquidity(config().lowerPrice(), config().upperPrice());
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static LpExecutor create(final LpExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static LpExecutor restore(final LpExecutorConfig config) {
    return new LpExecutor(config, Lifecycle.initial(config.id()), null);
  }

  /** The range math of its pool. */
  public ConcentratedLiquidity pool() {
    return pool;
  }

  /** The position, once the pool took the deposit. */
  public Optional<LpPosition> position() {
    return Optional.ofNullable(position);
  }

  /** The reference's LP state, derived from the status and the position. */
  public LpState state() {
    if (status() == RunnableStatus.NOT_STARTED) {
      return LpState.NOT_ACTIVE;
    }
    if (isTerminated()) {
      return lifecycle().closeType() == CloseType.FAILED ? LpState.FAILED : LpState.COMPLETE;
    }
    if (position == null) {
      return LpState.OPENING;
    }
    if (!position.isOpen()) {
      return LpState.CLOSING;
    }
    return position.range().isOutOfRange() ? LpState.OUT_OF_RANGE : LpState.IN_RANGE;
  }

  @Override
  public LpExecutor apply(final ExecutorEvent event) {
    if (event instanceof LpLiquidityAdded a) {
      return new LpExecutor(config(), lifecycle(), LpPosition.opened(a, pool.locate(a.price())));
    }
    if (position != null && event instanceof LpFeesAccrued f) {
      return new LpExecutor(config(), lifecycle(), position.accrued(f));
    }
    if (position != null && event instanceof LpRangeChanged r) {
      return new LpExecutor(config(), lifecycle(), position.moved(r));
    }
    if (position != null && event instanceof LpLiquidityRemoved r) {
      return new LpExecutor(config(), lifecycle(), position.removed(r));
    }
    return new LpExecutor(config(), lifecycle().apply(event), position);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return LpReport.of(this, market, now);
  }

  /** The out-of-range deadline while the liquidity is in the pool and running. */
  @Override
  public Optional<Instant> wakeUpAt() {
    return status() == RunnableStatus.RUNNING ? outOfRangeDeadline() : Optional.empty();
  }

  /**
   * When staying on the current side of the range closes the position: {@code since +
   * auto_close_above_range_seconds} above it, {@code + auto_close_below_range_seconds} below it.
   */
  Optional<Instant> outOfRangeDeadline() {
    if (position == null || !position.isOpen() || !position.range().isOutOfRange()) {
      return Optional.empty();
    }
    final Long seconds =
        position.range() == RangePosition.ABOVE
            ? config().autoCloseAboveRangeSeconds()
            : config().autoCloseBelowRangeSeconds();
    return seconds == null
        ? Optional.empty()
        : Optional.of(position.outOfRangeSince().plusSeconds(seconds));
  }

  /** The round trip's net trade, once it ended POSITION_HOLD after withdrawing its liquidity. */
  @Override
  public List<HeldOrder> heldOrders() {
    if (!lifecycle().endedWith(Set.of(CloseType.POSITION_HOLD))
        || position == null
        || position.isOpen()) {
      return List.of();
    }
    return List.of(LpNetTrade.of(position).heldOrder(config(), position));
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(position);
  }

  @Override
  public String toString() {
    return Executors.describe(this) + " " + state();
  }
}
