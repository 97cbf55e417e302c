package dev.osprey.domain.executor.lp;

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
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
public final class LpExecutor implements Executor {
  private final LpExecutorConfig config;
  private final ConcentratedLiquidity pool;
  private final RunnableStatus status;
  private final CloseType closeType;
  private final Instant closedAt;
  private final LpPosition position;
  private final OrderLedger ledger;

  private LpExecutor(
      final LpExecutorConfig config,
      final ConcentratedLiquidity pool,
      final RunnableStatus status,
      final CloseType closeType,
      final Instant closedAt,
      final LpPosition position,
      final OrderLedger ledger) {
    this.config = config;
    this.pool = pool;
    this.status = status;
    this.closeType = closeType;
    this.closedAt = closedAt;
    this.position = position;
    this.ledger = ledger;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static LpExecutor create(final LpExecutorConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.id(), "config.id");
    final List<FieldViolation> violations = config.validate();
    if (!violations.isEmpty()) {
      throw new FieldViolation.Invalid(violations);
    }
    return new LpExecutor(
        config,
        new ConcentratedLiquidity(config.lowerPrice(), config.upperPrice()),
        RunnableStatus.NOT_STARTED,
        null,
        null,
        null,
        OrderLedger.empty(config.id()));
  }

  @Override
  public LpExecutorConfig config() {
    return config;
  }

  /** The range math of its pool. */
  public ConcentratedLiquidity pool() {
    return pool;
  }

  @Override
  public RunnableStatus status() {
    return status;
  }

  @Override
  public Optional<CloseType> closeType() {
    return Optional.ofNullable(closeType);
  }

  public Optional<Instant> closeTimestamp() {
    return Optional.ofNullable(closedAt);
  }

  /** The position, once the pool took the deposit. */
  public Optional<LpPosition> position() {
    return Optional.ofNullable(position);
  }

  /** No venue orders: liquidity is added and removed on the simulated pool. */
  @Override
  public OrderLedger orders() {
    return ledger;
  }

  /** The reference's LP state, derived from the status and the position. */
  public LpState state() {
    if (status == RunnableStatus.NOT_STARTED) {
      return LpState.NOT_ACTIVE;
    }
    if (status == RunnableStatus.TERMINATED) {
      return closeType == CloseType.FAILED ? LpState.FAILED : LpState.COMPLETE;
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
  public List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return LpDecision.decide(this, input, market, now);
  }

  @Override
  public LpExecutor apply(final ExecutorEvent event) {
    if (event instanceof ExecutorEvent.Started) {
      return with(RunnableStatus.RUNNING, closeType, closedAt, position);
    }
    if (event instanceof ExecutorEvent.Terminated t) {
      return with(RunnableStatus.TERMINATED, t.closeType(), t.at(), position);
    }
    if (event instanceof LpLiquidityAdded a) {
      return with(status, closeType, closedAt, LpPosition.opened(a, pool.locate(a.price())));
    }
    if (position == null) {
      return this;
    }
    if (event instanceof LpFeesAccrued f) {
      return with(status, closeType, closedAt, position.accrued(f));
    }
    if (event instanceof LpRangeChanged r) {
      return with(status, closeType, closedAt, position.moved(r));
    }
    if (event instanceof LpLiquidityRemoved r) {
      return with(status, closeType, closedAt, position.removed(r));
    }
    return this;
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return LpReport.of(this, market, now);
  }

  /** The out-of-range deadline while the liquidity is in the pool and running. */
  @Override
  public Optional<Instant> wakeUpAt() {
    return status == RunnableStatus.RUNNING ? outOfRangeDeadline() : Optional.empty();
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
            ? config.autoCloseAboveRangeSeconds()
            : config.autoCloseBelowRangeSeconds();
    return seconds == null
        ? Optional.empty()
        : Optional.of(position.outOfRangeSince().plusSeconds(seconds));
  }

  /** The round trip's net trade, once it ended POSITION_HOLD after withdrawing its liquidity. */
  @Override
  public List<HeldOrder> heldOrders() {
    if (status != RunnableStatus.TERMINATED
        || closeType != CloseType.POSITION_HOLD
        || position == null
        || position.isOpen()) {
      return List.of();
    }
    return List.of(LpNetTrade.of(position).heldOrder(config, position));
  }

  private LpExecutor with(
      final RunnableStatus s, final CloseType type, final Instant closed, final LpPosition p) {
    return new LpExecutor(config, pool, s, type, closed, p, ledger);
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof LpExecutor x
        && config.equals(x.config)
        && status == x.status
        && closeType == x.closeType
        && Objects.equals(closedAt, x.closedAt)
        && Objects.equals(position, x.position);
  }

  @Override
  public int hashCode() {
    return Objects.hash(config.id(), status, closeType, closedAt);
  }

  @Override
  public String toString() {
    return "LpExecutor[" + config.id() + " " + status + " " + state()
        + (closeType == null ? "" : " " + closeType) + "]";
  }
}
