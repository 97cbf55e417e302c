package dev.osprey.domain.position;

import dev.osprey.domain.executor.HeldOrder;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inventory executors handed over in one bucket, netted at average cost (reference
 * {@code PositionHold}). A fill in the direction of the position (or into a flat one) moves the
 * average entry; a fill against it realizes {@code (price − average) × matched} for a long,
 * {@code (average − price) × matched} for a short, and whatever exceeds the position opens the
 * other way at the fill price. Realized P&amp;L excludes fees, which are summed apart.
 *
 * <p>Immutable. {@code netBase} is signed (positive long, negative short); {@code averageEntry} is
 * zero while flat.
 */
public record PositionHold(
    PositionKey key,
    BigDecimal netBase,
    BigDecimal averageEntry,
    QuoteAmount realizedPnlQuote,
    QuoteAmount cumFeesQuote,
    QuoteAmount volumeQuote,
    Quantity buyBase,
    QuoteAmount buyQuote,
    Quantity sellBase,
    QuoteAmount sellQuote,
    List<String> executorIds,
    Instant lastUpdated) {

  public PositionHold {
    Objects.requireNonNull(key, "key");
    executorIds = List.copyOf(executorIds);
  }

  public static PositionHold empty(final PositionKey key) {
    return new PositionHold(
        key, BigDecimal.ZERO, BigDecimal.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO, QuoteAmount.ZERO,
        Quantity.ZERO, QuoteAmount.ZERO, Quantity.ZERO, QuoteAmount.ZERO, List.of(), null);
  }

  /**
   * This hold with what {@code order} executed netted in. An order that traded no base changes
   * the position not at all, but the fees it paid still count (an LP close that only paid
   * transaction fees hands those over).
   */
  public PositionHold add(final String executorId, final HeldOrder order) {
    final BigDecimal base = order.executedAmountBase().value();
    if (base.signum() == 0) {
      return withFeesOnly(executorId, order);
    }
    final BigDecimal quote = order.executedAmountQuote().value();
    final boolean buy = order.tradeType() == Side.BUY;
    final BigDecimal signed = buy ? base : base.negate();
    final BigDecimal px = Decimals.div(quote, base);
    BigDecimal net = netBase;
    BigDecimal avg = averageEntry;
    QuoteAmount realized = realizedPnlQuote;
    if (net.signum() == 0 || net.signum() == signed.signum()) {
      avg = net.signum() == 0
          ? px
          : Decimals.div(avg.multiply(net.abs()).add(quote), net.abs().add(base));
      net = net.add(signed);
    } else {
      final BigDecimal open = net.abs();
      final BigDecimal matched = base.min(open);
      final BigDecimal perUnit = net.signum() > 0 ? px.subtract(avg) : avg.subtract(px);
      realized = realized.plus(new QuoteAmount(perUnit.multiply(matched)));
      final BigDecimal excess = base.subtract(matched);
      if (excess.signum() > 0) {
        net = buy ? excess : excess.negate();
        avg = px;
      } else if (matched.compareTo(open) == 0) {
        net = BigDecimal.ZERO;
        avg = BigDecimal.ZERO;
      } else {
        net = net.add(signed);
      }
    }
    final QuoteAmount fee =
        order.cumulativeFeePaidQuote() == null ? QuoteAmount.ZERO : order.cumulativeFeePaidQuote();
    final List<String> ids = new ArrayList<>(executorIds);
    if (executorId != null && !ids.contains(executorId)) {
      ids.add(executorId);
    }
    return new PositionHold(
        key,
        net,
        avg,
        realized,
        cumFeesQuote.plus(fee),
        volumeQuote.plus(order.executedAmountQuote()),
        buy ? buyBase.plus(order.executedAmountBase()) : buyBase,
        buy ? buyQuote.plus(order.executedAmountQuote()) : buyQuote,
        buy ? sellBase : sellBase.plus(order.executedAmountBase()),
        buy ? sellQuote : sellQuote.plus(order.executedAmountQuote()),
        ids,
        later(lastUpdated, order.lastUpdate()));
  }

  private PositionHold withFeesOnly(final String executorId, final HeldOrder order) {
    final QuoteAmount fee = order.cumulativeFeePaidQuote() == null ? QuoteAmount.ZERO : order.cumulativeFeePaidQuote();
    if (fee.isZero()) {
      return this;
    }
    final List<String> ids = new ArrayList<>(executorIds);
    if (executorId != null && !ids.contains(executorId)) {
      ids.add(executorId);
    }
    return new PositionHold(key, netBase, averageEntry, realizedPnlQuote, cumFeesQuote.plus(fee), volumeQuote,
        buyBase, buyQuote, sellBase, sellQuote, ids, later(lastUpdated, order.lastUpdate()));
  }

  /** |net|: the size still held. */
  public Quantity amount() {
    return new Quantity(netBase.abs());
  }

  /** BUY for a long or flat position, SELL for a short one (the reference's summary side). */
  public Side side() {
    return netBase.signum() >= 0 ? Side.BUY : Side.SELL;
  }

  public PositionSide positionSide() {
    final int s = netBase.signum();
    return s > 0 ? PositionSide.LONG : (s < 0 ? PositionSide.SHORT : PositionSide.FLAT);
  }

  public Price breakevenPrice() {
    return new Price(averageEntry);
  }

  public boolean isFlat() {
    return netBase.signum() == 0;
  }

  /** P&amp;L of the open amount if it were closed at {@code mid}, fees excluded. */
  public QuoteAmount unrealizedPnl(final Price mid) {
    final BigDecimal perUnit =
        netBase.signum() >= 0
            ? mid.value().subtract(averageEntry)
            : averageEntry.subtract(mid.value());
    return new QuoteAmount(perUnit.multiply(netBase.abs()));
  }

  /** The reference's {@code PositionSummary} of this hold, marked to {@code mid}. */
  public PositionSummary summary(final Price mid) {
    final QuoteAmount unrealized = unrealizedPnl(mid);
    return new PositionSummary(
        key,
        amount(),
        side(),
        breakevenPrice(),
        unrealized,
        realizedPnlQuote,
        cumFeesQuote,
        volumeQuote,
        breakevenPrice().times(amount()),
        unrealized.plus(realizedPnlQuote).minus(cumFeesQuote));
  }

  private static Instant later(final Instant a, final Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
