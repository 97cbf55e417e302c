package dev.osprey.domain.executor.dca;

import dev.osprey.domain.executor.EntryExitFills;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.OrderStatus;
import dev.osprey.domain.order.TrackedOrder;
import java.util.List;
import java.util.Optional;

/**
 * The orders of one DCA executor seen as levels and an exit. Each entry order carries its level
 * in its ledger role ({@code level_<i>}), so a refused order and its replacement belong to the
 * same level and replay needs no other bookkeeping; exits have the role {@code close}. Sums run
 * over every order of a leg, so fills of a cancelled order keep counting.
 */
final class DcaLevels implements EntryExitFills {
  static final String CLOSE = "close";
  private static final String LEVEL_PREFIX = "level_";

  private final OrderLedger ledger;
  private final int levels;

  DcaLevels(final OrderLedger ledger, final int levels) {
    this.ledger = ledger;
    this.levels = levels;
  }

  static String role(final int level) {
    return LEVEL_PREFIX + level;
  }

  static boolean isLevel(final String role) {
    return role.startsWith(LEVEL_PREFIX);
  }

  /**
   * The first level that has no order standing for it (none yet, or only refused ones); equals
   * the number of levels when all are placed. Levels go out strictly in order, so this is also the
   * count of placed levels.
   */
  int nextLevel() {
    for (int i = 0; i < levels; i++) {
      if (!placed(i)) {
        return i;
      }
    }
    return levels;
  }

  /** A level is placed once one of its orders was not refused (filled, live or cancelled). */
  boolean placed(final int level) {
    for (TrackedOrder o : ledger.withRole(role(level))) {
      if (o.status() != OrderStatus.FAILED) {
        return true;
      }
    }
    return false;
  }

  /** True when the next level's last attempt was refused and waits to be placed again. */
  boolean levelRetryPending() {
    final int next = nextLevel();
    return next < levels && !ledger.withRole(role(next)).isEmpty();
  }

  /** Every level placed and none of their orders still live (the MAKER stop-loss gate). */
  boolean allPlacedAndDone() {
    if (nextLevel() < levels) {
      return false;
    }
    for (var e : ledger.entries()) {
      if (isLevel(e.role()) && e.order().isLive()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Quantity openFilled() {
    return executed(true);
  }

  @Override
  public Quantity closeFilled() {
    return executed(false);
  }

  /** Quote paid (BUY) or received (SELL) over every entry fill. */
  QuoteAmount openQuote() {
    return notional(true);
  }

  QuoteAmount closeQuote() {
    return notional(false);
  }

  /** Volume-weighted entry price; empty before the first fill. */
  Optional<Price> openAverage() {
    return average(openQuote(), openFilled());
  }

  /** Volume-weighted exit price; empty before the first exit fill. */
  Optional<Price> closeAverage() {
    return average(closeQuote(), closeFilled());
  }

  /** Fees of every order, in quote. */
  QuoteAmount fees() {
    return QuoteAmount.sum(ledger.all(), TrackedOrder::feesQuote);
  }

  boolean hasLiveClose() {
    for (TrackedOrder o : ledger.withRole(CLOSE)) {
      if (o.isLive()) {
        return true;
      }
    }
    return false;
  }

  private Quantity executed(final boolean entry) {
    return Quantity.sum(orders(entry), TrackedOrder::executedBase);
  }

  private QuoteAmount notional(final boolean entry) {
    return QuoteAmount.sum(orders(entry), TrackedOrder::executedQuote);
  }

  /** The level orders ({@code entry}) or the close orders. */
  private List<TrackedOrder> orders(final boolean entry) {
    return ledger.withRoles(role -> isLevel(role) == entry);
  }

  private static Optional<Price> average(final QuoteAmount quote, final Quantity base) {
    return base.isZero()
        ? Optional.empty()
        : Optional.of(new Price(Decimals.div(quote.value(), base.value())));
  }
}
