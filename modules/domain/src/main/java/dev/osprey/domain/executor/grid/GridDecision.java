package dev.osprey.domain.executor.grid;

import dev.osprey.domain.executor.CloseType;
import dev.osprey.domain.executor.ExecutorEvent;
import dev.osprey.domain.executor.LifecycleDecision;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.executor.RunnableStatus;
import dev.osprey.domain.executor.position.TripleBarrierConfig;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One decision of a {@link GridExecutor}: the facts that follow from one input. Each fact is
 * applied to a working copy as soon as it is added, so later steps see it (the next order gets
 * the next client order id, the open-order cap counts orders placed a moment ago). Used once.
 *
 * <p>A running grid, on every input: records venue reports; lays out the levels at the first
 * quote; checks the barriers (stop loss, limit price, time limit, trailing stop, take profit — the
 * first hit starts the shutdown, also at start, before any order); otherwise places open orders
 * (closest to mid first, throttled by {@code order_frequency}, never more than {@code
 * max_open_orders} live), take-profit orders for filled levels, and cancels orders that left the
 * activation bounds. A decision that records a refused order places nothing new; the next one
 * does (retries are paced by inputs).
 */
final class GridDecision extends LifecycleDecision<GridExecutor> {
  /** The barriers on which {@code keep_position} keeps the inventory (besides the limit price). */
  private static final Set<CloseType> KEPT_ON = EnumSet.of(
      CloseType.STOP_LOSS, CloseType.TIME_LIMIT, CloseType.TRAILING_STOP, CloseType.TAKE_PROFIT);

  GridDecision(final GridExecutor state, final MarketView market, final Instant now) {
    super(state, market, now);
  }

  /**
   * Only refused shutdown closes count as retries (the reference retries level orders forever,
   * paced by its loop); an open order refused for balance before the grid traded anything ends it
   * INSUFFICIENT_BALANCE, as the reference's balance check at start.
   */
  @Override
  protected ExecutorEvent.OrderFailed refusal(final ExecutorEvent.OrderFailed f) {
    final String role = state().orders().roleOf(f.clientOrderId()).orElse("");
    return refused(f,
        f.reason() == RejectReason.INSUFFICIENT_BALANCE
            && role.startsWith(GridExecutor.ROLE_OPEN)
            && state().status() == RunnableStatus.RUNNING
            && !anyTraded(),
        role.equals(GridExecutor.ROLE_CLOSE));
  }

  @Override
  protected void run() {
    if (outOfBalance()) {
      beginClose(CloseType.INSUFFICIENT_BALANCE);
      return;
    }
    if (state().plan().isEmpty() && market.hasQuote()) {
      add(GridPlanner.plan(state().config(), market.book().mid(), market.rules()));
    }
    final Optional<CloseType> hit = barrierHit();
    if (hit.isPresent()) {
      beginClose(hit.get());
      return;
    }
    if (state().plan().isEmpty() || !market.hasQuote() || failureRecorded()) {
      return;
    }
    placeOpenOrders();
    placeTakeProfits();
    cancelOutOfBounds();
  }

  /**
   * The aggregate barrier, in the reference's order: stop loss on the position P&amp;L, the limit
   * price (POSITION_HOLD when {@code keep_position}, else STOP_LOSS), time limit, trailing stop on
   * the position P&amp;L, and take profit when mid leaves the range on the profitable side. Only
   * the time limit can be judged without a quote.
   */
  private Optional<CloseType> barrierHit() {
    final GridExecutorConfig c = state().config();
    final TripleBarrierConfig b = c.tripleBarrierConfig();
    final boolean quoted = market.hasQuote();
    final BigDecimal mid = quoted ? market.book().mid().value() : null;
    final BigDecimal pnl = quoted ? GridPnl.of(state(), market).positionPnlPct() : null;
    if (quoted && b.stopLoss() != null && pnl.compareTo(b.stopLoss().negate()) <= 0) {
      return Optional.of(CloseType.STOP_LOSS);
    }
    if (quoted && beyondLimit(mid)) {
      return Optional.of(c.keepPosition() ? CloseType.POSITION_HOLD : CloseType.STOP_LOSS);
    }
    if (expired()) {
      return Optional.of(CloseType.TIME_LIMIT);
    }
    if (quoted && b.trailingStop() != null && trailingStopHit(b.trailingStop(), pnl, state().trailingStopTrigger())) {
      return Optional.of(CloseType.TRAILING_STOP);
    }
    if (quoted && beyondRange(mid)) {
      return Optional.of(CloseType.TAKE_PROFIT);
    }
    return Optional.empty();
  }

  private boolean beyondLimit(final BigDecimal mid) {
    final BigDecimal limit = state().config().limitPrice().value();
    return state().config().side() == Side.BUY
        ? mid.compareTo(limit) <= 0
        : mid.compareTo(limit) >= 0;
  }

  private boolean beyondRange(final BigDecimal mid) {
    final GridExecutorConfig c = state().config();
    return c.side() == Side.BUY
        ? mid.compareTo(c.endPrice().value()) > 0
        : mid.compareTo(c.startPrice().value()) < 0;
  }

  /**
   * Opens NOT_ACTIVE levels, closest to mid first (ties keep grid order), within the activation
   * bounds. Osprey makes {@code max_open_orders} a hard cap: a batch never takes the live open
   * orders above it (the reference only stops adding once the cap is reached, so an unbounded
   * batch overshoots it).
   */
  private void placeOpenOrders() {
    final GridExecutorConfig c = state().config();
    final Optional<Instant> last = state().lastOpenOrderAt();
    if (last.isPresent() && last.get().plusSeconds(c.orderFrequency()).isAfter(now)) {
      return;
    }
    int room = c.maxOpenOrders() - count(GridLevelState.OPEN_ORDER_PLACED);
    if (c.maxOrdersPerBatch() != null) {
      room = Math.min(room, c.maxOrdersPerBatch());
    }
    final BigDecimal mid = market.book().mid().value();
    final List<GridSlot> candidates = new ArrayList<>();
    for (GridSlot s : state().slots()) {
      final boolean idle = s.state(state().orders()) == GridLevelState.NOT_ACTIVE;
      if (idle && withinOpenBounds(s.level(), mid)) {
        candidates.add(s);
      }
    }
    candidates.sort(Comparator.comparing(s -> s.level().price().value().subtract(mid).abs()));
    for (GridSlot s : candidates) {
      if (room <= 0) {
        return;
      }
      final Quantity amount = floorBase(Decimals.div(s.level().amountQuote().value(), mid));
      if (isDust(amount)) {
        continue;
      }
      final OrderType type = c.tripleBarrierConfig().openOrderType();
      final Price price = type == OrderType.MARKET ? null : floorPrice(openPrice(s.level()));
      submit(GridExecutor.ROLE_OPEN + s.level().id(), c.side(), type, amount, price,
          PositionAction.OPEN);
      room--;
    }
  }

  /** BUY keeps levels at or above {@code mid·(1−ab)}, SELL at or below {@code mid·(1+ab)}. */
  private boolean withinOpenBounds(final GridLevel level, final BigDecimal mid) {
    final BigDecimal ab = state().config().activationBounds();
    if (ab == null) {
      return true;
    }
    return state().config().side() == Side.BUY
        ? level.price().value().compareTo(mid.multiply(BigDecimal.ONE.subtract(ab))) >= 0
        : level.price().value().compareTo(mid.multiply(BigDecimal.ONE.add(ab))) <= 0;
  }

  /**
   * The level price, unless it would cross the book: a BUY level at or above the best bid rests
   * at {@code bid·(1−safe_extra_spread)}, a SELL level at or below the best ask at {@code
   * ask·(1+safe_extra_spread)}.
   */
  private Price openPrice(final GridLevel level) {
    final TopOfBook book = market.book();
    final BigDecimal safe = state().config().safeExtraSpread();
    if (state().config().side() == Side.BUY) {
      return level.price().ge(book.bid())
          ? book.bid().scale(BigDecimal.ONE.subtract(safe))
          : level.price();
    }
    return level.price().le(book.ask())
        ? book.ask().scale(BigDecimal.ONE.add(safe))
        : level.price();
  }

  /**
   * One take-profit order per filled level, for what its open order traded and no take profit
   * sold yet, at {@code level·(1±tp)}; a price that would cross rests at {@code
   * ask·(1+safe)} (BUY grid) or {@code bid·(1−safe)} (SELL grid). With activation bounds only
   * while the target is within them.
   */
  private void placeTakeProfits() {
    final GridExecutorConfig c = state().config();
    final OrderType type = c.tripleBarrierConfig().takeProfitOrderType();
    final BigDecimal mid = market.book().mid().value();
    for (GridSlot s : state().slots()) {
      if (s.state(state().orders()) != GridLevelState.OPEN_ORDER_FILLED) {
        continue;
      }
      final Price target = s.level().takeProfitPrice(c.side());
      if (c.activationBounds() != null
          && distance(target.value(), mid).compareTo(c.activationBounds()) >= 0) {
        continue;
      }
      final BigDecimal unsold = s.openExecuted(state().orders()).value()
          .subtract(s.takeProfitExecuted(state().orders()).value());
      final Quantity amount = floorBase(unsold);
      if (isDust(amount)) {
        continue;
      }
      final Price price = type == OrderType.MARKET ? null : floorPrice(takeProfitPrice(target));
      submit(GridExecutor.ROLE_TAKE_PROFIT + s.level().id(), c.side().opposite(), type, amount,
          price, PositionAction.CLOSE);
    }
  }

  private Price takeProfitPrice(final Price target) {
    final TopOfBook book = market.book();
    final BigDecimal safe = state().config().safeExtraSpread();
    if (state().config().side() == Side.BUY) {
      return target.le(book.ask()) ? book.ask().scale(BigDecimal.ONE.add(safe)) : target;
    }
    return target.ge(book.bid()) ? book.bid().scale(BigDecimal.ONE.subtract(safe)) : target;
  }

  /** With activation bounds: open and take-profit orders priced farther than them from mid. */
  private void cancelOutOfBounds() {
    final BigDecimal ab = state().config().activationBounds();
    if (ab == null) {
      return;
    }
    final BigDecimal mid = market.book().mid().value();
    for (GridSlot s : state().slots()) {
      final List<TrackedOrder> working = new ArrayList<>();
      s.openOrder(state().orders()).ifPresent(working::add);
      s.liveTakeProfit(state().orders()).ifPresent(working::add);
      for (TrackedOrder o : working) {
        final Price price = o.request().price();
        if (isCancellable(o) && price != null && distance(price.value(), mid).compareTo(ab) > 0) {
          add(new ExecutorEvent.CancelRequested(o.id(), now));
        }
      }
    }
  }

  /**
   * Once no order is live: a kept position ends POSITION_HOLD (EARLY_STOP when nothing traded);
   * otherwise the inventory left is sold (bought back) at market, re-placed after a refusal until
   * it is too small to order or the retries run out (FAILED).
   */
  @Override
  protected void settle(final CloseType type) {
    if (type == CloseType.POSITION_HOLD) {
      add(new ExecutorEvent.Terminated(
          heldAnything() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, now));
      return;
    }
    if (keepsInventoryOn(type) && heldAnything()) {
      add(new ExecutorEvent.Terminated(CloseType.POSITION_HOLD, now));
      return;
    }
    final Quantity remaining = remainingToClose();
    if (isDust(remaining)) {
      add(new ExecutorEvent.Terminated(type, now));
    } else if (state().retries() > GridExecutor.MAX_RETRIES) {
      add(new ExecutorEvent.Terminated(CloseType.FAILED, now));
    } else if (!failureRecorded()) {
      submit(GridExecutor.ROLE_CLOSE, state().config().side().opposite(), OrderType.MARKET,
          remaining, null, PositionAction.CLOSE);
    }
  }

  /**
   * Osprey (the standard's "grid stop-loss recovery"): with {@code keep_position} a grid keeps its
   * inventory on every barrier, stop loss included, and hands it over; the reference keeps it only
   * at the limit price (which starts the shutdown as POSITION_HOLD itself). With nothing to keep
   * the grid ends with the barrier's own close type.
   */
  private boolean keepsInventoryOn(final CloseType type) {
    return state().config().keepPosition() && KEPT_ON.contains(type);
  }

  /** What the levels bought (sold) and neither a take profit nor the shutdown close undid. */
  private Quantity remainingToClose() {
    BigDecimal open = BigDecimal.ZERO;
    for (GridSlot s : state().slots()) {
      open = open.add(s.openExecuted(state().orders()).value())
          .subtract(s.takeProfitExecuted(state().orders()).value());
    }
    for (TrackedOrder o : state().orders().withRole(GridExecutor.ROLE_CLOSE)) {
      open = open.subtract(o.executedBase().value());
    }
    return floorBase(open);
  }

  private boolean heldAnything() {
    for (GridSlot s : state().slots()) {
      if (!s.tradedOrders(state().orders()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private boolean anyTraded() {
    for (TrackedOrder o : state().orders().all()) {
      if (o.executedBase().isPositive()) {
        return true;
      }
    }
    return false;
  }

  private int count(final GridLevelState wanted) {
    int n = 0;
    for (GridSlot s : state().slots()) {
      if (s.state(state().orders()) == wanted) {
        n++;
      }
    }
    return n;
  }

  private boolean expired() {
    return state().deadline().map(d -> !d.isAfter(now)).orElse(false);
  }

  private static BigDecimal distance(final BigDecimal price, final BigDecimal mid) {
    return Decimals.div(price.subtract(mid).abs(), mid);
  }

  private static boolean isCancellable(final TrackedOrder o) {
    return o.status() == OrderStatus.SUBMITTED || o.status() == OrderStatus.OPEN;
  }
}
