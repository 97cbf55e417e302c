package dev.osprey.domain.executor;

import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every executor type is built on: its config and the {@link Lifecycle} it folds from its
 * events. A type adds only what it alone keeps (a trailing-stop trigger, a grid's levels, an LP
 * position) and lists it in {@link #ownState} so that equality covers it.
 *
 * <p>Immutable. The two fields are persisted in executor snapshots under these names; the
 * decision maker is the type's code, not state, and is not persisted.
 *
 * @param <C> the config type
 * @param <S> the executor type itself, which its decisions decide for
 */
public abstract class LifecycleExecutor<C extends ExecutorConfig, S extends LifecycleExecutor<C, S>>
    implements Executor {
  /**
   * Makes the decision of one input for a state of one executor type: that type's decision
   * constructor.
   *
   * @param <S> the executor type
   */
  @FunctionalInterface
  protected interface DecisionMaker<S> {
    LifecycleDecision<?> make(S state, MarketView market, Instant now);
  }

  private final C config;
  private final Lifecycle lifecycle;
  private final transient DecisionMaker<S> decisions;

  protected LifecycleExecutor(
      final C config, final Lifecycle lifecycle, final DecisionMaker<S> decisions) {
    this.config = Objects.requireNonNull(config, "config");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
  }

  @Override
  public C config() {
    return config;
  }

  @Override
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  @Override
  public final List<ExecutorEvent> decide(
      final ExecutorInput input, final MarketView market, final Instant now) {
    return decisions.make(self(), market, now).decide(input);
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** What this type keeps besides config and lifecycle, in a fixed order (nulls allowed). */
  protected abstract List<Object> ownState();

  /** Equal when of the same type with equal config, lifecycle and own state (decimals by value). */
  @Override
  public final boolean equals(final Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    final LifecycleExecutor<?, ?> other = (LifecycleExecutor<?, ?>) o;
    return config.equals(other.config)
        && lifecycle.equals(other.lifecycle)
        && sameValues(ownState(), other.ownState());
  }

  /**
   * The report of an executor whose numbers are {@code pnl}: trading while active with a non-zero
   * net P&amp;L; a refusal it recorded itself at start ({@code refusedAtStart}) counts as one more
   * error besides its failed orders.
   */
  protected final ExecutorReport tradedReport(
      final TradedPnl pnl,
      final boolean refusedAtStart,
      final String lastError,
      final Map<String, Object> customInfo) {
    return ExecutorReport.of(this,
        pnl.numbers(),
        status().isActive() && !pnl.netPnlQuote().isZero(),
        orders().failures() + (refusedAtStart ? 1 : 0),
        lastError,
        customInfo);
  }

  /**
   * Ends {@code info} with the {@code custom_info} keys every type reports last ({@code
   * current_retries, max_retries, order_ids, held_position_orders}) and makes it unmodifiable.
   */
  protected final Map<String, Object> endCustomInfo(final Map<String, Object> info, final int maxRetries) {
    info.put("current_retries", lifecycle.retries());
    info.put("max_retries", maxRetries);
    info.put("order_ids", lifecycle.orderIds());
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(config, lifecycle);
  }

  @Override
  public String toString() {
    return Executors.describe(this);
  }

  private static boolean sameValues(final List<Object> a, final List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      final Object x = a.get(i);
      final Object y = b.get(i);
      final boolean same = x instanceof BigDecimal d && y instanceof BigDecimal e
          ? Decimals.sameValue(d, e)
          : Objects.equals(x, y);
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
