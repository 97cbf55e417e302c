package dev.osprey.domain.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.osprey.domain.Require;
import dev.osprey.domain.market.Side;
import dev.osprey.domain.money.Decimals;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An order an executor placed, with every fill it received. Immutable: each change returns a new
 * instance. Fills are deduplicated by trade id, so replaying venue events is harmless.
 */
public record TrackedOrder(
    OrderRequest request, OrderStatus status, String exchangeOrderId, List<Fill> fills, String failure) {

  public TrackedOrder {
    Require.nonNull("request", request, "status", status);
    fills = List.copyOf(fills);
  }

  public static TrackedOrder submitted(final OrderRequest request) {
    return new TrackedOrder(request, OrderStatus.SUBMITTED, null, List.of(), null);
  }

  public ClientOrderId id() {
    return request.clientOrderId();
  }

  public Side side() {
    return request.side();
  }

  public boolean hasFill(final String tradeId) {
    for (Fill f : fills) {
      if (f.tradeId().equals(tradeId)) {
        return true;
      }
    }
    return false;
  }

  /** Adds a fill unless its trade id is known; becomes FILLED when the amount is reached. */
  public TrackedOrder withFill(final Fill fill) {
    if (hasFill(fill.tradeId())) {
      return this;
    }
    final List<Fill> next = new ArrayList<>(fills);
    next.add(fill);
    final TrackedOrder added = new TrackedOrder(request, status, exchangeOrderId, next, failure);
    final OrderStatus s =
        added.executedBase().ge(request.amount())
            ? OrderStatus.FILLED
            : (status == OrderStatus.SUBMITTED ? OrderStatus.OPEN : status);
    return added.withStatus(s);
  }

  public TrackedOrder accepted(final String venueOrderId) {
    if (status != OrderStatus.SUBMITTED) {
      return new TrackedOrder(request, status, venueOrderId, fills, failure);
    }
    return new TrackedOrder(request, OrderStatus.OPEN, venueOrderId, fills, failure);
  }

  public TrackedOrder withStatus(final OrderStatus s) {
    return new TrackedOrder(request, s, exchangeOrderId, fills, failure);
  }

  public TrackedOrder failed(final String reason) {
    return new TrackedOrder(request, OrderStatus.FAILED, exchangeOrderId, fills, reason);
  }

  @JsonIgnore
  public boolean isDone() {
    return status.isDone();
  }

  @JsonIgnore
  public boolean isFilled() {
    return status == OrderStatus.FILLED;
  }

  /** Live at the venue (or possibly so): submitted, open or being cancelled. */
  @JsonIgnore
  public boolean isLive() {
    return !status.isDone();
  }

  public Quantity executedBase() {
    return Quantity.sum(fills, Fill::amount);
  }

  public QuoteAmount executedQuote() {
    return QuoteAmount.sum(fills, Fill::notional);
  }

  public QuoteAmount feesQuote() {
    return QuoteAmount.sum(fills, Fill::feeQuote);
  }

  public Quantity remaining() {
    return request.amount().minusFloored(executedBase());
  }

  /** Volume-weighted fill price; empty before the first fill. */
  public Optional<Price> averagePrice() {
    final Quantity base = executedBase();
    if (base.isZero()) {
      return Optional.empty();
    }
    return Optional.of(new Price(Decimals.div(executedQuote().value(), base.value())));
  }

  public List<Fill> fills() {
    return Collections.unmodifiableList(fills);
  }
}
