package dev.osprey.domain.executor.grid;

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
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A grid of levels between a start and an end price (the reference's {@code GridExecutor}): each
 * level rests an open order, takes its own profit with a close order once filled, and opens again
 * when both filled. One aggregate barrier watches the open inventory: stop loss, the limit price,
 * time limit, trailing stop, and the take profit of the whole grid (the price leaving the range
 * on the profitable side).
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events (the level
 * layout is one of them, {@link GridLevelsPlanned}), so replay rebuilds it without market or
 * venue. Decisions live in {@link GridDecision}, numbers in {@link GridPnl} and {@link
 * GridReport}.
 */
public final class GridExecutor extends LifecycleExecutor<GridExecutorConfig, GridExecutor> {
  /** Role prefix of open orders; the level id follows ({@code open:L3}). */
  public static final String ROLE_OPEN = "open:";
  /** Role prefix of take-profit (per-level close) orders ({@code take_profit:L3}). */
  public static final String ROLE_TAKE_PROFIT = "take_profit:";
  /** Role of the market order that closes the inventory at shutdown. */
  public static final String ROLE_CLOSE = "close";
  /** Failed close orders tolerated while shutting down; one more ends the grid FAILED. */
  public static final int MAX_RETRIES = 10;

  private final CloseType shutdownReason;
  private final GridLevelsPlanned plan;
  private final List<GridSlot> slots;
  private final List<ClientOrderId> realized;
  private final BigDecimal trailingTrigger;
  private final Instant lastOpenAt;

  @JsonCreator
  private GridExecutor(
      final GridExecutorConfig config,
      final Lifecycle lifecycle,
      final CloseType shutdownReason,
      final GridLevelsPlanned plan,
      final List<GridSlot> slots,
      final List<ClientOrderId> realized,
      final BigDecimal trailingTrigger,
      final Instant lastOpenAt) {
    super(config, lifecycle, GridDecision::new);
    this.shutdownReason = shutdownReason;
    this.plan = plan;
    this.slots = List.copyOf(slots);
    this.realized = List.copyOf(realized);
    this.trailingTrigger = trailingTrigger;
    this.lastOpenAt = lastOpenAt;
  }

  /**
   * A new grid (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static GridExecutor create(final GridExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static GridExecutor restore(final GridExecutorConfig config) {
    return new GridExecutor(config, Lifecycle.initial(config.id()), null, null, List.of(),
        List.of(), null, null);
  }

  /** The level layout, once planned (at the first decision with a quote). */
  public Optional<GridLevelsPlanned> plan() {
    return Optional.ofNullable(plan);
  }

  /** The levels in grid order, each with its state now. Empty before the plan. */
  public List<GridLevelView> levels() {
    final List<GridLevelView> out = new ArrayList<>();
    for (GridSlot s : slots) {
      out.add(new GridLevelView(s.level(), s.state(orders()), s.open(), s.takeProfits()));
    }
    return List.copyOf(out);
  }

  /** Orders of finished level cycles (and, once closed, every order that traded): realized. */
  public List<ClientOrderId> filledOrders() {
    return realized;
  }

  /** The active trailing-stop trigger (a position P&amp;L fraction; zero is a real trigger). */
  public Optional<BigDecimal> trailingStopTrigger() {
    return Optional.ofNullable(trailingTrigger);
  }

  /** When the last open order was submitted, unless a cancel or failure re-armed the throttle. */
  public Optional<Instant> lastOpenOrderAt() {
    return Optional.ofNullable(lastOpenAt);
  }

  /**
   * The close type the shutdown started with: the barrier that was hit (or EARLY_STOP, …). It
   * differs from {@link #closeType()} when a grid keeping its position ends POSITION_HOLD on a
   * stop loss, time limit, trailing stop or take profit.
   */
  public Optional<CloseType> shutdownReason() {
    return Optional.ofNullable(shutdownReason);
  }

  @Override
  public GridExecutor apply(final ExecutorEvent event) {
    final Builder b = toBuilder();
    b.lifecycle = lifecycle().apply(event);
    if (event instanceof ExecutorEvent.Started) {
      return new GridExecutor(b);
    }
    if (event instanceof GridLevelsPlanned p) {
      b.plan = p;
      b.slots = new ArrayList<>();
      for (GridLevel level : p.levels()) {
        b.slots.add(GridSlot.idle(level));
      }
    } else if (event instanceof ExecutorEvent.TrailingStopMoved t) {
      b.trailingTrigger = t.trigger();
    } else if (event instanceof ExecutorEvent.ShutdownStarted s) {
      b.shutdownReason = s.closeType();
    } else if (event instanceof ExecutorEvent.Terminated t) {
      if (t.closeType() != CloseType.POSITION_HOLD) {
        realizeEverything(b);
      }
    } else if (event instanceof ExecutorEvent.OrderSubmitted s) {
      attach(b, s);
    } else {
      if (isOpenOrderEnd(event)) {
        b.lastOpenAt = null; // the reference re-arms the throttle when an open order goes away
      }
      recycle(b);
    }
    return new GridExecutor(b);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    return GridReport.of(this, market);
  }

  /** The time limit, while running with one (a closing grid waits for its orders only). */
  @Override
  public Optional<Instant> wakeUpAt() {
    return status() == RunnableStatus.RUNNING ? deadline() : Optional.empty();
  }

  /**
   * Every order of a level still holding inventory that traded (open orders, and partial fills of
   * cancelled take profits), once the grid ended POSITION_HOLD.
   */
  @Override
  public List<HeldOrder> heldOrders() {
    if (!lifecycle().endedWith(Set.of(CloseType.POSITION_HOLD))) {
      return List.of();
    }
    final List<HeldOrder> held = new ArrayList<>();
    for (GridSlot s : slots) {
      for (ClientOrderId id : s.tradedOrders(orders())) {
        held.add(HeldOrder.of(orders().get(id).orElseThrow(), lifecycle().closedAt()));
      }
    }
    return List.copyOf(held);
  }

  List<GridSlot> slots() {
    return slots;
  }

  /** {@code timestamp + time_limit}, if there is a time limit. */
  Optional<Instant> deadline() {
    final Long limit = config().tripleBarrierConfig().timeLimit();
    return limit == null ? Optional.empty() : Optional.of(config().timestamp().plusSeconds(limit));
  }

  /** The level an order role names, if it is a level order. */
  static Optional<String> levelOf(final String role) {
    if (role.startsWith(ROLE_OPEN)) {
      return Optional.of(role.substring(ROLE_OPEN.length()));
    }
    if (role.startsWith(ROLE_TAKE_PROFIT)) {
      return Optional.of(role.substring(ROLE_TAKE_PROFIT.length()));
    }
    return Optional.empty();
  }

  private void attach(final Builder b, final ExecutorEvent.OrderSubmitted s) {
    final Optional<String> level = levelOf(s.role());
    if (level.isEmpty()) {
      return;
    }
    final boolean open = s.role().startsWith(ROLE_OPEN);
    for (int i = 0; i < b.slots.size(); i++) {
      final GridSlot slot = b.slots.get(i);
      if (slot.level().id().equals(level.get())) {
        final ClientOrderId id = s.request().clientOrderId();
        b.slots.set(i, open ? slot.withOpen(id) : slot.withTakeProfit(id));
      }
    }
    if (open) {
      b.lastOpenAt = s.at();
    }
  }

  private boolean isOpenOrderEnd(final ExecutorEvent event) {
    final ClientOrderId id;
    if (event instanceof ExecutorEvent.OrderCancelled c) {
      id = c.clientOrderId();
    } else if (event instanceof ExecutorEvent.OrderFailed f) {
      id = f.clientOrderId();
    } else {
      return false;
    }
    return orders().roleOf(id).map(r -> r.startsWith(ROLE_OPEN)).orElse(false);
  }

  /**
   * Levels whose open order ended without a trade go back to NOT_ACTIVE; levels whose take
   * profits covered the open order are COMPLETE: their orders are realized and the level reopens.
   */
  private static void recycle(final Builder b) {
    if (b.lifecycle.isTerminated()) {
      return;
    }
    for (int i = 0; i < b.slots.size(); i++) {
      final GridSlot slot = b.slots.get(i);
      if (slot.open() == null) {
        continue;
      }
      final GridLevelState s = slot.state(b.lifecycle.orders());
      if (s == GridLevelState.COMPLETE) {
        b.realized.addAll(slot.tradedOrders(b.lifecycle.orders()));
        b.slots.set(i, slot.reset());
      } else if (s == GridLevelState.NOT_ACTIVE) {
        b.slots.set(i, slot.reset());
      }
    }
  }

  /** Closed flat: every order that traded is realized, in submission order; levels reset. */
  private static void realizeEverything(final Builder b) {
    final Set<ClientOrderId> all = new LinkedHashSet<>(b.realized);
    for (TrackedOrder o : b.lifecycle.orders().all()) {
      if (o.executedBase().isPositive()) {
        all.add(o.id());
      }
    }
    b.realized = new ArrayList<>(all);
    for (int i = 0; i < b.slots.size(); i++) {
      b.slots.set(i, b.slots.get(i).reset());
    }
  }

  private GridExecutor(final Builder b) {
    this(b.config, b.lifecycle, b.shutdownReason, b.plan, b.slots, b.realized, b.trailingTrigger,
        b.lastOpenAt);
  }

  private Builder toBuilder() {
    final Builder b = new Builder();
    b.config = config();
    b.lifecycle = lifecycle();
    b.shutdownReason = shutdownReason;
    b.plan = plan;
    b.slots = new ArrayList<>(slots);
    b.realized = new ArrayList<>(realized);
    b.trailingTrigger = trailingTrigger;
    b.lastOpenAt = lastOpenAt;
    return b;
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(shutdownReason, plan, slots, realized, trailingTrigger, lastOpenAt);
  }

  @Override
  public String toString() {
    return Executors.describe(this) + " levels=" + slots.size() + " realized=" + realized.size();
  }

  /** Mutable scratch copy used only inside {@link #apply}. */
  private static final class Builder {
    private GridExecutorConfig config;
    private Lifecycle lifecycle;
    private CloseType shutdownReason;
    private GridLevelsPlanned plan;
    private List<GridSlot> slots = new ArrayList<>();
    private List<ClientOrderId> realized = new ArrayList<>();
    private BigDecimal trailingTrigger;
    private Instant lastOpenAt;
  }
}
