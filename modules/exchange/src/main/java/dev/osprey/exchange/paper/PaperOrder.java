package dev.osprey.exchange.paper;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The paper venue's mutable record of one order. Only {@link PaperBook} changes it, under the venue
 * lock; everything that leaves the venue is an immutable {@link VenueOrder} snapshot.
 *
 * <p>An open order locks {@code reserved} of one asset: base for a SELL (exactly the remaining
 * amount), quote for a BUY ({@code remaining × unitReserve}, where {@code unitReserve} is the
 * price checked on arrival times one plus the fee rate checked on arrival). Fills release the
 * reservation pro rata, so it is always exact: no division is involved.
 */
final class PaperOrder {
  /**
   * Matching priority within one side: MARKET remainders first, then the better limit price (higher
   * for a BUY, lower for a SELL), then arrival.
   */
  static final Comparator<PaperOrder> PRIORITY =
      Comparator.comparing((PaperOrder o) -> o.request.orderType() != OrderType.MARKET)
          .thenComparing(PaperOrder::signedLimit, Comparator.reverseOrder())
          .thenComparingLong(o -> o.sequence);

  final OrderRequest request;
  final String exchangeOrderId;
  final long sequence;
  final BigDecimal unitReserve;
  private final List<Fill> fills = new ArrayList<>();
  private VenueOrder.State state;
  private BigDecimal reserved;
  private Quantity remaining;
  private Instant updatedAt;
  private String rejectMessage;
  private RejectReason rejectReason;

  private PaperOrder(
      final OrderRequest request,
      final String exchangeOrderId,
      final long sequence,
      final BigDecimal unitReserve,
      final VenueOrder.State state,
      final Instant at) {
    this.request = request;
    this.exchangeOrderId = exchangeOrderId;
    this.sequence = sequence;
    this.unitReserve = unitReserve;
    this.state = state;
    this.remaining = request.amount();
    this.reserved = request.amount().value().multiply(unitReserve);
    this.updatedAt = at;
  }

  /** The order {@code saved} describes, exactly as it was when the venue took the snapshot. */
  static PaperOrder restore(final PaperState.Order saved) {
    final PaperOrder o =
        new PaperOrder(
            saved.request(),
            saved.exchangeOrderId(),
            saved.sequence(),
            saved.unitReserve(),
            saved.state(),
            saved.updatedAt());
    o.fills.addAll(saved.fills());
    o.reserved = saved.reserved();
    o.remaining = saved.remaining();
    o.rejectReason = saved.rejectReason();
    o.rejectMessage = saved.rejectMessage();
    return o;
  }

  static PaperOrder accepted(
      final OrderRequest request,
      final String exchangeOrderId,
      final long sequence,
      final BigDecimal unitReserve,
      final Instant at) {
    return new PaperOrder(
        request, exchangeOrderId, sequence, unitReserve, VenueOrder.State.OPEN, at);
  }

  static PaperOrder rejected(
      final OrderRequest request,
      final long sequence,
      final RejectReason reason,
      final String message,
      final Instant at) {
    final PaperOrder o =
        new PaperOrder(request, null, sequence, BigDecimal.ZERO, VenueOrder.State.REJECTED, at);
    o.rejectReason = reason;
    o.rejectMessage = message;
    return o;
  }

  Side side() {
    return request.side();
  }

  boolean isOpen() {
    return state == VenueOrder.State.OPEN;
  }

  Quantity remaining() {
    return remaining;
  }

  BigDecimal reserved() {
    return reserved;
  }

  /** Records a fill; returns the part of the reservation it releases (all of it when complete). */
  BigDecimal recordFill(final Fill fill) {
    fills.add(fill);
    remaining = remaining.minusFloored(fill.amount());
    updatedAt = fill.timestamp();
    final BigDecimal release =
        remaining.isZero() ? reserved : fill.amount().value().multiply(unitReserve);
    reserved = reserved.subtract(release);
    if (remaining.isZero()) {
      state = VenueOrder.State.FILLED;
    }
    return release;
  }

  /** Takes the order off the book; returns the reservation to release. */
  BigDecimal cancel(final Instant at) {
    state = VenueOrder.State.CANCELLED;
    updatedAt = at;
    final BigDecimal release = reserved;
    reserved = BigDecimal.ZERO;
    return release;
  }

  VenueOrder snapshot() {
    return new VenueOrder(
        request, exchangeOrderId, state, fills, rejectMessage, updatedAt, rejectReason);
  }

  /** Everything {@link #restore} needs to rebuild this order. */
  PaperState.Order toState() {
    return new PaperState.Order(
        request,
        exchangeOrderId,
        sequence,
        state,
        unitReserve,
        reserved,
        remaining,
        fills,
        updatedAt,
        rejectReason,
        rejectMessage);
  }

  /** The limit price signed so that "greater" means "better" for the order's side. */
  private BigDecimal signedLimit() {
    final Price p = request.price();
    if (p == null) {
      return BigDecimal.ZERO;
    }
    return side() == Side.BUY ? p.value() : p.value().negate();
  }
}
