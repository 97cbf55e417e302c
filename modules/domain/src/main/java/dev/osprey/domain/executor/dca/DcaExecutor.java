package dev.osprey.domain.executor.dca;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dollar-cost averaging into one position (the reference's {@code DCAExecutor}): entry levels go
 * out one at a time in list order, each within its activation bounds, and the whole position
 * exits at market on stop loss, trailing stop, take profit or time limit, or is handed over to
 * the position book when stopped with {@code keep_position}.
 *
 * <p>Immutable. The state is exactly {@link #create} folded with the persisted events, so replay
 * after a crash rebuilds it without any clock, market or venue. Decisions live in {@link
 * DcaDecision}, the numbers in {@link DcaPnl}.
 */
public final class DcaExecutor extends LifecycleExecutor<DcaExecutorConfig, DcaExecutor> {
  /** Refusals tolerated: reaching this many ends the executor FAILED (reference: {@code >=}). */
  public static final int MAX_RETRIES = 10;

  /** Pause before a refused order is placed again (the reference's one-second loop). */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final BigDecimal trailingTrigger;
  private final LevelRejected rejection;

  @JsonCreator
  private DcaExecutor(
      final DcaExecutorConfig config,
      final Lifecycle lifecycle,
      final BigDecimal trailingTrigger,
      final LevelRejected rejection) {
    super(config, lifecycle, DcaDecision::new);
    this.trailingTrigger = trailingTrigger;
    this.rejection = rejection;
  }

  /**
   * A new executor (NOT_STARTED) for {@code config}, which must already carry its identity.
   *
   * @throws FieldViolation.Invalid when the config breaks a rule
   */
  public static DcaExecutor create(final DcaExecutorConfig config) {
    return restore(Executors.requireValid(config));
  }

  /** The NOT_STARTED state of a config the journal holds: rebuilt, never validated again. */
  public static DcaExecutor restore(final DcaExecutorConfig config) {
    return new DcaExecutor(config, Lifecycle.initial(config.id()), null, null);
  }

  /** The active trailing-stop trigger (a net P&amp;L fraction; zero is a real trigger). */
  public Optional<BigDecimal> trailingStopTrigger() {
    return Optional.ofNullable(trailingTrigger);
  }

  /** The level refused at start for breaking the venue's rules, if any. */
  public Optional<LevelRejected> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public DcaExecutor apply(final ExecutorEvent event) {
    if (event instanceof LevelRejected r) {
      return new DcaExecutor(config(), lifecycle(), trailingTrigger, r);
    }
    if (event instanceof ExecutorEvent.TrailingStopMoved t) {
      return new DcaExecutor(config(), lifecycle(), t.trigger(), rejection);
    }
    return new DcaExecutor(config(), lifecycle().apply(event), trailingTrigger, rejection);
  }

  @Override
  public ExecutorReport report(final MarketView market, final Instant now) {
    final DcaPnl pnl = DcaPnl.of(this, market);
    return tradedReport(pnl.figures(), rejection != null, lastError(), customInfo(pnl));
  }

  /**
   * While running: the time limit, or one {@link #RETRY_DELAY} after a refusal when an order waits
   * to be placed again (so a quiet market does not leave it waiting). While closing: the retry of a
   * refused close order.
   */
  @Override
  public Optional<Instant> wakeUpAt() {
    final Instant lastFailureAt = lifecycle().lastFailureAt();
    final Optional<Instant> retry =
        lastFailureAt == null ? Optional.empty() : Optional.of(lastFailureAt.plus(RETRY_DELAY));
    if (status() == RunnableStatus.SHUTTING_DOWN) {
      return orders().hasLive() ? Optional.empty() : retry;
    }
    if (status() != RunnableStatus.RUNNING) {
      return Optional.empty();
    }
    final Optional<Instant> deadline = config().deadline();
    if (retry.isEmpty() || !levels().levelRetryPending()) {
      return deadline;
    }
    return deadline.isPresent() && deadline.get().isBefore(retry.get()) ? deadline : retry;
  }

  /**
   * Every order that traded (levels, partial fills and closes alike), once it ended
   * POSITION_HOLD: the position book nets them into what is still held. The reference ends
   * POSITION_HOLD here without handing anything over.
   */
  @Override
  public List<HeldOrder> heldOrders() {
    return lifecycle().heldOrders(Set.of(CloseType.POSITION_HOLD));
  }

  DcaLevels levels() {
    return new DcaLevels(orders(), config().levels());
  }

  private String lastError() {
    if (rejection != null) {
      final int level = rejection.level();
      return "level " + level + " (amounts_quote " + config().amountQuote(level) + " at prices "
          + config().price(level) + ") cannot be placed: " + rejection.reason();
    }
    return lifecycle().lastError();
  }

  private Map<String, Object> customInfo(final DcaPnl pnl) {
    final Map<String, Object> info = new LinkedHashMap<>();
    info.put("side", config().side().name());
    info.put("current_position_average_price",
        pnl.average() == null ? BigDecimal.ZERO : pnl.average().value());
    info.put("target_position_average_price", config().targetAveragePrice().value());
    info.put("filled_amount", pnl.openFilled().plus(pnl.closeFilled()).value());
    info.put("filled_amount_quote", pnl.figures().filledAmountQuote().value());
    info.put("max_amount_quote", config().totalAmountQuote().value());
    info.put("min_price", config().minPrice().value());
    info.put("max_price", config().maxPrice().value());
    info.put("max_loss_quote", config().maxLossQuote().value());
    info.put("current_market_price", pnl.marketPrice() == null ? null : pnl.marketPrice().value());
    info.put("close_price", pnl.closePrice() == null ? null : pnl.closePrice().value());
    info.put("close_type", closeType().map(CloseType::name).orElse(null));
    info.put("close_timestamp", lifecycle().closedAt());
    info.put("n_levels", config().levels());
    info.put("levels_placed", levels().nextLevel());
    info.put("trailing_stop_trigger_pct", trailingTrigger);
    info.put("total_executed_amount_backup", pnl.openFilled().value());
    info.put("current_retries", lifecycle().retries());
    info.put("max_retries", MAX_RETRIES);
    info.put("level_id", config().levelId());
    info.put("order_ids", lifecycle().orderIds());
    info.put("held_position_orders", heldOrders());
    return Collections.unmodifiableMap(info);
  }

  @Override
  protected List<Object> ownState() {
    return Arrays.asList(trailingTrigger, rejection);
  }
}
