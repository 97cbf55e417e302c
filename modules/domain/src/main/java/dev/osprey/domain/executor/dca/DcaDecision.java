package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.EntryExitFills;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.PositionCloseDecision;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of a {@link DcaExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as it is added, so later steps see it (the next order gets the next
 * client order id, a barrier sees the fill that just arrived). Used once, then dropped.
 *
 * <p>Per decision it places at most one new level, then checks stop loss, trailing stop, take
 * profit and time limit in that order, as the reference's one-second loop does per tick. A
 * decision that records a refused order places no replacement; a later decision does (the
 * executor asks for a wake one second later).
 */
final class DcaDecision extends PositionCloseDecision<DcaExecutor> {
  DcaDecision(final DcaExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /**
   * The reference refuses levels below the venue minimums when it builds the executor, before it
   * looks at the time limit; Osprey checks the same at start, against the venue's rules.
   */
  @Override
  protected void start() {
    final TradingRules rules = market.rules();
    for (int i = 0; i < state().config().levels(); i++) {
      final Optional<String> broken = unplaceable(i, rules);
      if (broken.isPresent()) {
        add(new LevelRejected(i, broken.get()));
        add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
        return;
      }
    }
    if (expired()) {
      add(new ExecutorEvent.Terminated(CloseType.EXPIRED, now));
      return;
    }
    run();
  }

  /** Why level {@code i}'s order would break the venue rules, if it would. */
  private Optional<String> unplaceable(final int i, final TradingRules rules) {
    final DcaExecutorConfig c = state().config();
    final BigDecimal price = Decimals.floorTo(c.price(i).value(), rules.priceIncrement());
    if (price.signum() == 0) {
      return Optional.of("price " + c.price(i) + " rounds to 0 at price_increment "
          + rules.priceIncrement().toPlainString());
    }
    final BigDecimal amount = levelAmount(i).value();
    if (amount.signum() == 0) {
      return Optional.of("amount rounds to 0 at base_increment "
          + rules.baseIncrement().toPlainString());
    }
    // Canonical numbers, so the reason reads "notional 100", not "notional 100.00000".
    return rules.violation(Decimals.canonical(amount), Decimals.canonical(price));
  }

  @Override
  protected boolean isEntry(final String role) {
    return DcaLevels.isLevel(role);
  }

  @Override
  protected void run() {
    if (endsOnRefusals(retriesSpent())) {
      return;
    }
    if (!expired()) {
      placeNextLevel();
    }
    if (barrierHit()) {
      return;
    }
    if (expired()) {
      beginClose(CloseType.TIME_LIMIT);
    }
  }

  /** The next level, if the market is within its activation bounds. */
  private void placeNextLevel() {
    final DcaExecutorConfig c = state().config();
    final int next = state().levels().nextLevel();
    if (failureRecorded() || next >= c.levels()) {
      return;
    }
    if (DcaActivation.needsMid(c)
        && (!market.hasQuote() || !DcaActivation.allow(c, c.price(next), market.book().mid()))) {
      return;
    }
    final Quantity amount = levelAmount(next);
    if (amount.isZero()) {
      return;
    }
    final OrderType type = c.mode().openOrderType();
    final Price price =
        type == OrderType.MARKET
            ? null
            : new Price(Decimals.floorTo(c.price(next).value(), market.rules().priceIncrement()));
    submit(DcaLevels.role(next), c.side(), type, amount, price, PositionAction.OPEN);
  }

  /** {@code amounts_quote[i] / prices[i]} in base, floored to the venue's base increment. */
  private Quantity levelAmount(final int i) {
    final DcaExecutorConfig c = state().config();
    return floorBase(c.amountQuote(i).div(c.price(i)).value());
  }

  /**
   * Stop loss, trailing stop and take profit, on net P&amp;L (fees paid so far included), once
   * something filled and the market is known. Returns whether one started the close.
   */
  private boolean barrierHit() {
    if (!market.hasQuote() || state().levels().openFilled().isZero()) {
      return false;
    }
    final DcaExecutorConfig c = state().config();
    final DcaPnl pnl = DcaPnl.of(state(), market);
    if (c.stopLoss() != null && stopLossHit(c, pnl)) {
      beginClose(CloseType.STOP_LOSS);
      return true;
    }
    if (c.trailingStop() != null && trailingStopHit(c.trailingStop(), pnl.figures().netPnlPct(), state().trailingStopTrigger())) {
      beginClose(CloseType.TRAILING_STOP);
      return true;
    }
    if (c.takeProfit() != null && pnl.figures().netPnlPct().compareTo(c.takeProfit()) > 0) {
      beginClose(CloseType.TAKE_PROFIT);
      return true;
    }
    return false;
  }

  /**
   * MAKER: only once every level is placed and done, on {@code net_pnl_pct <= −stop_loss}. TAKER:
   * an absolute loss on the whole budget, {@code net_pnl_quote <= −Σ amounts_quote · stop_loss},
   * whatever was filled so far.
   */
  private boolean stopLossHit(final DcaExecutorConfig c, final DcaPnl pnl) {
    if (c.mode() == DcaMode.MAKER) {
      return state().levels().allPlacedAndDone()
          && pnl.figures().netPnlPct().compareTo(c.stopLoss().negate()) <= 0;
    }
    return pnl.figures().netPnlQuote().compareTo(c.maxLossQuote().negate()) <= 0;
  }

  @Override
  protected EntryExitFills fills() {
    return state().levels();
  }

  @Override
  protected boolean retriesSpent() {
    return state().retries() >= DcaExecutor.MAX_RETRIES;
  }

  @Override
  protected String closeRole() {
    return DcaLevels.CLOSE;
  }

  private boolean expired() {
    return state().config().deadline().map(d -> !d.isAfter(now)).orElse(false);
  }
}
