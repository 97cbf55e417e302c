package dev.osprey.domain.executor.arbitrage;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorReport;
import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.executor.Lifecycle;
import dev.osprey.domain.executor.LifecycleExecutor;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.TopOfBook;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the two cross-venue executors (arbitrage, XEMM) share: refused orders are re-sent after a
 * pause, up to {@link #MAX_RETRIES}; their numbers are {@link CrossVenuePnl}; and what they traded
 * goes to the position book when they end POSITION_HOLD or FAILED. They keep nothing besides
 * config and lifecycle.
 *
 * @param <C> the config type
 * @param <S> the executor type itself
 */
public abstract class CrossVenueExecutor<C extends CrossVenueConfig, S extends CrossVenueExecutor<C, S>>
    extends LifecycleExecutor<C, S> {
  /** Failures tolerated; one more ends the executor FAILED (the orchestrator's default). */
  public static final int MAX_RETRIES = 10;
  /** Pause before re-sending a refused order (the reference's one-second control loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  /**
   * Traded orders go to the position book on POSITION_HOLD and on FAILED too: a failed
   * cross-venue executor can be left one-sided, and its fills are better netted in the book than
   * orphaned in the account.
   */
  static final Set<CloseType> HANDED_OVER = EnumSet.of(CloseType.POSITION_HOLD, CloseType.FAILED);

  protected CrossVenueExecutor(
      final C config, final Lifecycle lifecycle, final DecisionMaker<S> decisions) {
    super(config, lifecycle, decisions);
  }

  /** The end of the pause before a refused order is re-sent, while one waits. */
  @Override
  public final Optional<Instant> wakeUpAt() {
    return lifecycle().retryAt(RETRY_DELAY);
  }

  /** Every order that traded, once it ended POSITION_HOLD or FAILED. */
  @Override
  public final List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(HANDED_OVER);
  }

  /**
   * Its numbers ({@link CrossVenuePnl}, unmatched base marked to the primary market's mid) and
   * {@code custom_info}: the type's keys ({@link #customInfo}), then retries, order ids and held
   * orders.
   */
  @Override
  public final ExecutorReport report(final MarketView market, final Instant now) {
    final CrossVenuePnl pnl =
        CrossVenuePnl.of(
            BuySellLegs.of(orders()), status(), lifecycle().closeType(), market.top().map(TopOfBook::mid));
    final Map<String, Object> info = new LinkedHashMap<>();
    customInfo(info, pnl, market);
    return ExecutorReport.of(this,
        pnl.numbers(),
        status().isActive() && pnl.legs().anyFilled(),
        orders().failures(),
        lifecycle().lastError(),
        endCustomInfo(info, MAX_RETRIES));
  }

  /** Puts the type's own {@code custom_info} keys into {@code info}, in the reference's order. */
  protected abstract void customInfo(Map<String, Object> info, CrossVenuePnl pnl, MarketView market);

  @Override
  protected final List<Object> ownState() {
    return List.of();
  }
}
