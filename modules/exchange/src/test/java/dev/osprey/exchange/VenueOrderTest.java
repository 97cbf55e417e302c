package dev.osprey.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VenueOrderTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(5);
  private static final ClientOrderId ID = ClientOrderId.of("ex-1-1");
  private static final OrderRequest REQUEST =
      new OrderRequest(
          ID,
          "paper",
          TradingPair.parse("BTC-USDT"),
          Side.BUY,
          OrderType.LIMIT,
          Quantity.of("1"),
          Price.of("64000"),
          PositionAction.NIL);
  private static final Fill FILL =
      new Fill("paper-T1", Price.of("64000"), Quantity.of("0.4"), QuoteAmount.of("25.6"), true, T1);

  @Test
  void shouldReplayCancelledOrderAsAcceptedFillsThenCancelled() {
    final VenueOrder order =
        new VenueOrder(REQUEST, "paper-O1", VenueOrder.State.CANCELLED, List.of(FILL), null, T1);

    assertEquals(
        List.of(
            new OrderEvent.Accepted(ID, "paper-O1", T1),
            new OrderEvent.Filled(ID, FILL, T1),
            new OrderEvent.Cancelled(ID, T1)),
        order.asEvents());
    assertEquals(Quantity.of("0.6"), order.remaining());
  }

  @Test
  void shouldReplayRejectionWithItsOriginalReason() {
    final VenueOrder order =
        new VenueOrder(
            REQUEST, null, VenueOrder.State.REJECTED, List.of(), "too small", T0,
            RejectReason.TRADING_RULE);

    assertEquals(
        List.of(new OrderEvent.Rejected(ID, RejectReason.TRADING_RULE, "too small", T0)),
        order.asEvents());
  }

  @Test
  void shouldReplayRejectionWithoutReasonAsVenueError() {
    final VenueOrder order =
        new VenueOrder(REQUEST, null, VenueOrder.State.REJECTED, List.of(), "down", T0);

    assertEquals(
        List.of(new OrderEvent.Rejected(ID, RejectReason.VENUE_ERROR, "down", T0)),
        order.asEvents());
  }
}
