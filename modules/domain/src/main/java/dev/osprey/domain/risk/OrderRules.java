package dev.osprey.domain.risk;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.risk.RiskDecision.Denied;
import dev.osprey.domain.risk.RiskDecision.ReasonCode;
import java.math.BigDecimal;

/**
 * The trading-state check of every order before it leaves for a venue, a pure function of the
 * controller's effective trading state and the inventory the order would reduce.
 *
 * <ul>
 *   <li>{@code ACTIVE}: every order leaves.
 *   <li>{@code REDUCING}: an order leaves when it reduces a position without flipping it: the
 *       executor's own filled inventory on that market, or, when the executor holds none, the
 *       controller's held position there (so an order executor can close held inventory).
 *   <li>{@code HALTED}: nothing leaves but the closing orders of executors the kill switch is
 *       winding down (those leave before the halt takes hold, as the kill procedure says).
 * </ul>
 *
 * <p>Cancels never come here: they always leave.
 */
public final class OrderRules {
  private OrderRules() {}

  /**
   * An order about to leave.
   *
   * @param executorNetBase the executor's filled inventory on the order's market (bought minus
   *     sold, in base)
   * @param heldNetBase the controller's held position on that market (long positive), zero if none
   */
  public record Intent(
      String executorId, Side side, BigDecimal amount, BigDecimal executorNetBase, BigDecimal heldNetBase) {}

  /** May the order leave? */
  public static RiskDecision check(final TradingState state, final boolean windingDown, final Intent o) {
    if (state == TradingState.ACTIVE) {
      return RiskDecision.APPROVED;
    }
    final boolean closesOwn = reduces(o.side(), o.amount(), o.executorNetBase());
    if (state == TradingState.HALTED) {
      return windingDown && closesOwn
          ? RiskDecision.APPROVED
          : new Denied(ReasonCode.TRADING_HALTED, "trading is HALTED: no order of executor " + o.executorId()
              + " leaves (" + o.side() + " " + plain(o.amount()) + ")");
    }
    if (closesOwn || (o.executorNetBase().signum() == 0 && reduces(o.side(), o.amount(), o.heldNetBase()))) {
      return RiskDecision.APPROVED;
    }
    return new Denied(ReasonCode.TRADING_REDUCING, "trading is REDUCING: " + o.side() + " " + plain(o.amount())
        + " of executor " + o.executorId() + " does not reduce a position (executor holds "
        + plain(o.executorNetBase()) + ", controller holds " + plain(o.heldNetBase()) + " in base)");
  }

  /** Does trading {@code amount} on {@code side} bring {@code net} towards zero without crossing it? */
  public static boolean reduces(final Side side, final BigDecimal amount, final BigDecimal net) {
    if (amount.signum() <= 0 || net.signum() == 0) {
      return false;
    }
    return net.signum() > 0
        ? side == Side.SELL && amount.compareTo(net) <= 0
        : side == Side.BUY && amount.compareTo(net.negate()) <= 0;
  }

  private static String plain(final BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
