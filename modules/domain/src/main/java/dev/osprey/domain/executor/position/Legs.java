package dev.osprey.domain.executor.position;

import dev.osprey.domain.executor.EntryExitFills;
import dev.osprey.domain.executor.OrderLedger;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.TrackedOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The orders of one position executor seen as its two legs: the entry (every {@code open} order)
 * and the exit (every {@code close} and {@code take_profit} order). Sums run over all orders of a
 * leg, so fills of a cancelled or replaced order keep counting (the reference drops them).
 */
final class Legs implements EntryExitFills {
  private final OrderLedger ledger;
  // Memoized sums: a ledger never changes, and the barriers read these on every market tick.
  private Quantity openFilled;
  private Quantity closeFilled;
  private Optional<Price> openAverage;
  private Optional<Price> closeAverage;
  private QuoteAmount fees;

  Legs(final OrderLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Quantity openFilled() {
    if (openFilled == null) {
      openFilled = executed(true);
    }
    return openFilled;
  }

  @Override
  public Quantity closeFilled() {
    if (closeFilled == null) {
      closeFilled = executed(false);
    }
    return closeFilled;
  }

  /** Volume-weighted price of every entry fill; empty before the first one. */
  Optional<Price> openAverage() {
    if (openAverage == null) {
      openAverage = average(true);
    }
    return openAverage;
  }

  /** Volume-weighted price of every exit fill; empty before the first one. */
  Optional<Price> closeAverage() {
    if (closeAverage == null) {
      closeAverage = average(false);
    }
    return closeAverage;
  }

  /** Fees of every order, in quote. */
  QuoteAmount fees() {
    if (fees == null) {
      fees = QuoteAmount.sum(ledger.all(), TrackedOrder::feesQuote);
    }
    return fees;
  }

  /** The live order playing {@code role}; the executor keeps at most one per role. */
  Optional<TrackedOrder> live(final String role) {
    for (TrackedOrder o : ledger.withRole(role)) {
      if (o.isLive()) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  boolean hasLive(final String role) {
    return live(role).isPresent();
  }

  boolean hasLiveExit() {
    return hasLive(PositionExecutor.ROLE_CLOSE) || hasLive(PositionExecutor.ROLE_TAKE_PROFIT);
  }

  /** When the entry last traded; empty before its first fill. */
  Optional<Instant> lastOpenFill() {
    Instant last = null;
    for (TrackedOrder o : ledger.withRole(PositionExecutor.ROLE_OPEN)) {
      for (var f : o.fills()) {
        if (last == null || f.timestamp().isAfter(last)) {
          last = f.timestamp();
        }
      }
    }
    return Optional.ofNullable(last);
  }

  private Quantity executed(final boolean entry) {
    return Quantity.sum(orders(entry), TrackedOrder::executedBase);
  }

  private Optional<Price> average(final boolean entry) {
    final List<TrackedOrder> orders = orders(entry);
    final BigDecimal base = Quantity.sum(orders, TrackedOrder::executedBase).value();
    final BigDecimal quote = QuoteAmount.sum(orders, TrackedOrder::executedQuote).value();
    return base.signum() == 0
        ? Optional.empty()
        : Optional.of(new Price(Decimals.div(quote, base)));
  }

  /** The entry orders ({@code entry}) or the exit orders. */
  private List<TrackedOrder> orders(final boolean entry) {
    return ledger.withRoles(role -> isEntry(role) == entry);
  }

  private static boolean isEntry(final String role) {
    return PositionExecutor.ROLE_OPEN.equals(role);
  }
}
