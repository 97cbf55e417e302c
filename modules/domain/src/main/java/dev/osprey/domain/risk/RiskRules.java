package dev.osprey.domain.risk;

import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.risk.RiskDecision.Denied;
import dev.osprey.domain.risk.RiskDecision.ReasonCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk checks of one controller, pure functions of its limits, trading state and usage. The
 * boundaries are the reference's: a limit is reached at {@code count >= max_open_executors}, and an
 * amount equal to its limit is allowed; a create whose exposure cannot be valued is denied (fail
 * closed).
 */
public final class RiskRules {
  /** Drawdowns in messages: six significant digits are plenty for a person. */
  private static final MathContext PCT = new MathContext(6);

  private RiskRules() {}

  /**
   * May the controller create one more executor? {@link #checkCreate(RiskLimits, TradingState,
   * RiskUsage, Optional, boolean)} for an executor that may add to a position.
   */
  public static RiskDecision checkCreate(
      final RiskLimits limits,
      final TradingState state,
      final RiskUsage usage,
      final Optional<QuoteAmount> exposure) {
    return checkCreate(limits, state, usage, exposure, false);
  }

  /**
   * May the controller create one more executor?
   *
   * @param exposure the new executor's planned exposure in quote; empty when it cannot be valued
   * @param onlyReducesHeld all the executor can do is reduce a held position (one order against
   *     it, no larger): then REDUCING, the loss limits and the position size do not stand in its
   *     way, or held inventory could never be closed once they are reached
   * @return the first limit it breaks, checked in the order state, count, valuation, single order,
   *     daily loss, drawdown, total exposure
   */
  public static RiskDecision checkCreate(
      final RiskLimits limits,
      final TradingState state,
      final RiskUsage usage,
      final Optional<QuoteAmount> exposure,
      final boolean onlyReducesHeld) {
    final Optional<Denied> blocked = checkState(state);
    if (blocked.isPresent() && !(onlyReducesHeld && state == TradingState.REDUCING)) {
      return blocked.get();
    }
    final Optional<Integer> maxOpen = limits.maxOpenExecutors();
    if (maxOpen.isPresent() && usage.openExecutors() >= maxOpen.get()) {
      return new Denied(
          ReasonCode.MAX_OPEN_EXECUTORS,
          RiskLimits.MAX_OPEN_EXECUTORS + " " + maxOpen.get() + " reached ("
              + usage.openExecutors() + " open)");
    }
    if (exposure.isEmpty() || exposure.get().signum() <= 0) {
      return new Denied(
          ReasonCode.EXPOSURE_UNAVAILABLE,
          exposure.isEmpty()
              ? "planned exposure in quote is unavailable (no price and no mid to value it)"
              : "planned exposure " + num(exposure.get()) + " is not positive");
    }
    final QuoteAmount amount = exposure.get();
    final Optional<QuoteAmount> maxSingle = limits.maxSingleOrderQuote();
    if (maxSingle.isPresent() && amount.compareTo(maxSingle.get()) > 0) {
      return new Denied(
          ReasonCode.MAX_SINGLE_ORDER,
          RiskLimits.MAX_SINGLE_ORDER_QUOTE + " " + num(maxSingle.get()) + " exceeded: order "
              + num(amount));
    }
    if (onlyReducesHeld) {
      return RiskDecision.APPROVED;
    }
    final Optional<Denied> loss = dailyLoss(limits, usage).or(() -> drawdownBreach(limits, usage));
    if (loss.isPresent()) {
      return loss.get();
    }
    final Optional<QuoteAmount> maxSize = limits.maxPositionSizeQuote();
    final QuoteAmount total = usage.exposureQuote().plus(amount);
    if (maxSize.isPresent() && total.compareTo(maxSize.get()) > 0) {
      return new Denied(
          ReasonCode.MAX_POSITION_SIZE,
          RiskLimits.MAX_POSITION_SIZE_QUOTE + " " + num(maxSize.get()) + " exceeded: exposure "
              + num(usage.exposureQuote()) + " + order " + num(amount) + " = " + num(total));
    }
    return RiskDecision.APPROVED;
  }

  /** Reason codes a create that only reduces a held position is not refused for. */
  public static boolean reducingCreateWouldPass(final Denied denied) {
    return switch (denied.code()) {
      case TRADING_REDUCING, DAILY_LOSS, DRAWDOWN, MAX_POSITION_SIZE -> true;
      default -> false;
    };
  }

  /**
   * May an agent's tick run (and so call its LLM)? Blocks on daily loss, drawdown from the peak of
   * cumulative P&amp;L and today's LLM cost, each strictly beyond its limit, and when halted. All
   * breaches are named, joined by "; "; the code is the first one's.
   */
  public static RiskDecision checkTick(
      final RiskLimits limits, final TradingState state, final RiskUsage usage) {
    if (state == TradingState.HALTED) {
      return checkState(state).orElseThrow();
    }
    final List<Denied> breaches = new ArrayList<>();
    dailyLoss(limits, usage).ifPresent(breaches::add);
    drawdownBreach(limits, usage).ifPresent(breaches::add);
    limits.maxCostPerDayUsd().ifPresent(max -> {
      if (usage.dailyLlmCostUsd().compareTo(max) > 0) {
        breaches.add(new Denied(
            ReasonCode.LLM_COST,
            RiskLimits.MAX_COST_PER_DAY_USD + " " + num(max) + " exceeded: "
                + num(usage.dailyLlmCostUsd()) + " spent today"));
      }
    });
    if (breaches.isEmpty()) {
      return RiskDecision.APPROVED;
    }
    final List<String> messages = new ArrayList<>();
    for (Denied d : breaches) {
      messages.add(d.message());
    }
    return new Denied(breaches.get(0).code(), String.join("; ", messages));
  }

  /** True when the drawdown is strictly beyond {@code shutdown_drawdown_pct}: halt, wind down. */
  public static boolean shouldTripKillSwitch(final RiskLimits limits, final RiskUsage usage) {
    final Optional<BigDecimal> max = limits.shutdownDrawdownPct();
    return max.isPresent() && usage.drawdownPct().compareTo(max.get()) > 0;
  }

  /** The kill switch's reason, when {@link #shouldTripKillSwitch} holds. */
  public static Optional<Denied> killSwitch(final RiskLimits limits, final RiskUsage usage) {
    if (!shouldTripKillSwitch(limits, usage)) {
      return Optional.empty();
    }
    final BigDecimal max = limits.shutdownDrawdownPct().orElseThrow();
    return Optional.of(
        new Denied(ReasonCode.KILL_SWITCH, drawdown(RiskLimits.SHUTDOWN_DRAWDOWN_PCT, max, usage)));
  }

  /**
   * May one more order be sent, {@code sentInLastSecond} having been sent in the second before?
   * Denied once the count reaches {@code max_orders_per_second}.
   */
  public static RiskDecision checkOrderRate(final RiskLimits limits, final int sentInLastSecond) {
    final Optional<Integer> max = limits.maxOrdersPerSecond();
    if (max.isPresent() && sentInLastSecond >= max.get()) {
      return new Denied(
          ReasonCode.ORDER_RATE,
          RiskLimits.MAX_ORDERS_PER_SECOND + " " + max.get() + " reached (" + sentInLastSecond
              + " in the last second)");
    }
    return RiskDecision.APPROVED;
  }

  /**
   * May a new executor be created at {@code now}, the last losing close having been at {@code
   * lastLossAt}? Denied until {@code cooldown_after_loss_sec} has passed (that instant allowed).
   */
  public static RiskDecision checkCooldown(
      final RiskLimits limits, final Optional<Instant> lastLossAt, final Instant now) {
    final Optional<Long> cooldown = limits.cooldownAfterLossSec();
    if (cooldown.isEmpty() || lastLossAt.isEmpty()) {
      return RiskDecision.APPROVED;
    }
    final Instant until = lastLossAt.get().plusSeconds(cooldown.get());
    if (now.isBefore(until)) {
      final long left = Duration.between(now, until).toSeconds();
      return new Denied(
          ReasonCode.COOLDOWN,
          RiskLimits.COOLDOWN_AFTER_LOSS_SEC + " " + cooldown.get() + " active: last loss at "
              + lastLossAt.get() + ", " + left + " s left");
    }
    return RiskDecision.APPROVED;
  }

  /** Denies creates (and orders) whose risk numbers could not be computed. */
  public static Denied unavailable(final String why) {
    return new Denied(ReasonCode.RISK_STATE_UNAVAILABLE, "risk state unavailable: " + why);
  }

  /** Today's P&amp;L strictly below {@code −max_daily_loss_quote}. */
  private static Optional<Denied> dailyLoss(final RiskLimits limits, final RiskUsage usage) {
    return limits.maxDailyLossQuote()
        .filter(max -> usage.dailyRealizedPnl().compareTo(max.negate()) < 0)
        .map(max -> new Denied(
            ReasonCode.DAILY_LOSS,
            RiskLimits.MAX_DAILY_LOSS_QUOTE + " " + num(max) + " exceeded: daily pnl "
                + num(usage.dailyRealizedPnl())));
  }

  /** A drawdown strictly beyond {@code max_drawdown_pct}. */
  private static Optional<Denied> drawdownBreach(final RiskLimits limits, final RiskUsage usage) {
    return limits.maxDrawdownPct()
        .filter(max -> usage.drawdownPct().compareTo(max) > 0)
        .map(max -> new Denied(ReasonCode.DRAWDOWN, drawdown(RiskLimits.MAX_DRAWDOWN_PCT, max, usage)));
  }

  private static Optional<Denied> checkState(final TradingState state) {
    if (state == TradingState.HALTED) {
      return Optional.of(new Denied(
          ReasonCode.TRADING_HALTED, "trading is HALTED: nothing but cancels is allowed"));
    }
    if (state == TradingState.REDUCING) {
      return Optional.of(new Denied(
          ReasonCode.TRADING_REDUCING,
          "trading is REDUCING: only orders that reduce a position are allowed, and new executors"
              + " only when all they do is reduce a held position"));
    }
    return Optional.empty();
  }

  private static String drawdown(final String key, final BigDecimal max, final RiskUsage usage) {
    return key + " " + num(max) + " exceeded: drawdown " + num(usage.drawdownPct().round(PCT))
        + "% from peak pnl " + num(usage.peakCumulativePnl()) + " to "
        + num(usage.currentCumulativePnl());
  }

  private static String num(final QuoteAmount q) {
    return num(q.value());
  }

  private static String num(final BigDecimal v) {
    return Decimals.canonical(v).toPlainString();
  }
}
