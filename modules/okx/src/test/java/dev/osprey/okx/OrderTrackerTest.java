package dev.osprey.okx;

import static dev.osprey.okx.OkxOrdersFixture.ID;
import static dev.osprey.okx.OkxOrdersFixture.fillPush;
import static dev.osprey.okx.OkxOrdersFixture.limitBuy;
import static dev.osprey.okx.OkxOrdersFixture.push;
import static dev.osprey.okx.OkxOrdersFixture.restFill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.money.QuoteAmount;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final OrderTracker tracker = new OrderTracker();

  @Test
  void shouldReportAcceptedThenTheFill() {
    tracker.register(limitBuy("1", "100"));
    final List<OrderEvent> ack = tracker.onAccepted(ID, "900", NOW).events();
    assertEquals(List.of(new OrderEvent.Accepted(ID, "900", NOW)), ack);
    final List<OrderEvent> fill =
        tracker.onOrder(fillPush("filled", "1", "7", "100", "1"), NOW).events();
    assertEquals(1, fill.size());
    final OrderEvent.Filled filled = assertInstanceOf(OrderEvent.Filled.class, fill.get(0));
    assertEquals("BTC-USDT:7", filled.fill().tradeId());
    assertEquals(Price.of("100"), filled.fill().price());
    assertEquals(Quantity.of("1"), filled.fill().amount());
    assertEquals(QuoteAmount.of("0.05"), filled.fill().feeQuote());
    assertFalse(filled.fill().maker());
    assertEquals(Instant.ofEpochMilli(1700000001000L), filled.timestamp());
    assertTrue(tracker.find(ID).orElseThrow().isDone());
  }

  @Test
  void shouldReportAcceptedBeforeAFillThatArrivesBeforeTheAck() {
    tracker.register(limitBuy("1", "100"));
    final List<OrderEvent> early =
        tracker.onOrder(fillPush("filled", "1", "7", "100", "1"), NOW).events();
    assertEquals(2, early.size());
    assertEquals(
        new OrderEvent.Accepted(ID, "900", Instant.ofEpochMilli(1700000000000L)), early.get(0));
    assertInstanceOf(OrderEvent.Filled.class, early.get(1));
    assertEquals(List.of(), tracker.onAccepted(ID, "900", NOW).events());
  }

  @Test
  void shouldApplyADuplicatedPushOnce() {
    tracker.register(limitBuy("1", "100"));
    tracker.onAccepted(ID, "900", NOW);
    assertEquals(
        1,
        tracker
            .onOrder(fillPush("partially_filled", "0.4", "7", "100", "0.4"), NOW)
            .events()
            .size());
    assertEquals(
        List.of(),
        tracker.onOrder(fillPush("partially_filled", "0.4", "7", "100", "0.4"), NOW).events());
    assertEquals(
        0, new java.math.BigDecimal("0.4").compareTo(tracker.find(ID).orElseThrow().filled()));
  }

  @Test
  void shouldReportPartialFillsAndStayOpenUntilTheRest() {
    tracker.register(limitBuy("1", "100"));
    tracker.onAccepted(ID, "900", NOW);
    tracker.onOrder(fillPush("partially_filled", "0.4", "7", "100", "0.4"), NOW);
    assertFalse(tracker.find(ID).orElseThrow().isDone());
    tracker.onOrder(fillPush("filled", "1", "8", "100", "0.6"), NOW);
    assertTrue(tracker.find(ID).orElseThrow().isDone());
    assertEquals(3, tracker.find(ID).orElseThrow().history().size());
  }

  @Test
  void shouldAskForALookupWhenACancelReportsMoreFilledThanSeen() {
    // A cancel racing a fill, the fill's push late: the cancel must not hide the fill.
    tracker.register(limitBuy("1", "100"));
    tracker.onAccepted(ID, "900", NOW);
    final OrderTracker.Update cancel = tracker.onOrder(push("canceled", "0.4"), NOW);
    assertTrue(cancel.needsLookup());
    assertEquals(List.of(), cancel.events());

    final OrderTracker.Update snapshot =
        tracker.onSnapshot(push("canceled", "0.4"), List.of(restFill("7", "100", "0.4")), NOW);
    assertFalse(snapshot.needsLookup());
    assertEquals(2, snapshot.events().size());
    final OrderEvent.Filled filled =
        assertInstanceOf(OrderEvent.Filled.class, snapshot.events().get(0));
    assertTrue(filled.fill().maker());
    assertInstanceOf(OrderEvent.Cancelled.class, snapshot.events().get(1));
    // The late push of the same trade changes nothing.
    assertEquals(
        List.of(),
        tracker.onOrder(fillPush("partially_filled", "0.4", "7", "100", "0.4"), NOW).events());
  }

  @Test
  void shouldReportACancelOnceAndNothingAfterIt() {
    tracker.register(limitBuy("1", "100"));
    tracker.onAccepted(ID, "900", NOW);
    assertEquals(1, tracker.onOrder(push("canceled", "0"), NOW).events().size());
    assertEquals(List.of(), tracker.onOrder(push("canceled", "0"), NOW).events());
    assertTrue(tracker.find(ID).orElseThrow().isDone());
  }

  @Test
  void shouldIgnoreARejectAfterTheOrderWasAccepted() {
    tracker.register(limitBuy("1", "100"));
    tracker.onOrder(push("live", "0"), NOW);
    assertEquals(List.of(), tracker.onRejected(ID, RejectReason.VENUE_ERROR, "late", NOW).events());
  }

  @Test
  void shouldRejectOnceWhenOkxRefusesTheOrder() {
    tracker.register(limitBuy("1", "100"));
    final List<OrderEvent> events =
        tracker.onRejected(ID, RejectReason.INSUFFICIENT_BALANCE, "51008", NOW).events();
    assertEquals(
        List.of(new OrderEvent.Rejected(ID, RejectReason.INSUFFICIENT_BALANCE, "51008", NOW)),
        events);
    assertTrue(tracker.unfinished().isEmpty());
  }

  @Test
  void shouldSendAgainOnlyAnOrderOkxNeverAnswered() {
    final OrderTracker.Tracked t = tracker.register(limitBuy("1", "100"));
    t.sending = OrderTracker.Sending.SENT;
    assertEquals(OrderTracker.Reconcile.SEND, OrderTracker.decide(t, false));
    assertEquals(OrderTracker.Reconcile.APPLY, OrderTracker.decide(t, true));
    tracker.onAccepted(ID, "900", NOW);
    assertEquals(OrderTracker.Reconcile.KEEP, OrderTracker.decide(t, false));
  }

  @Test
  void shouldCancelAnOrderThatHasNotLeftYetWithoutAskingOkx() {
    tracker.register(limitBuy("1", "100"));
    assertEquals(
        List.of(new OrderEvent.Cancelled(ID, NOW)), tracker.onCancelledUnsent(ID, NOW).events());
    assertTrue(tracker.find(ID).orElseThrow().isDone());
  }

  @Test
  void shouldLeaveACancelOfAnOrderOnTheWireToOkx() {
    tracker.register(limitBuy("1", "100")).sending = OrderTracker.Sending.SENT;
    assertEquals(OrderTracker.Update.NONE, tracker.onCancelledUnsent(ID, NOW));
  }

  @Test
  void shouldKeepTheStateOfAnIdPlacedTwice() {
    final OrderTracker.Tracked first = tracker.register(limitBuy("1", "100"));
    tracker.onAccepted(ID, "900", NOW);
    final OrderTracker.Tracked again = tracker.register(limitBuy("1", "100"));
    assertTrue(first == again);
    assertEquals(List.of(new OrderEvent.Accepted(ID, "900", NOW)), again.history());
  }

  @Test
  void shouldForgetTheOldestFinishedOrdersBeyondItsCapacityButNeverOpenOnes() {
    final OrderTracker small = new OrderTracker(2);
    final IntFunction<ClientOrderId> id = n -> ClientOrderId.of("o" + n);
    for (int n = 1; n <= 3; n++) {
      small.register(OkxOrdersFixture.withId(limitBuy("1", "100"), id.apply(n)));
    }
    small.onRejected(id.apply(2), RejectReason.VENUE_ERROR, "no", NOW);
    small.register(OkxOrdersFixture.withId(limitBuy("1", "100"), id.apply(4)));
    assertTrue(small.find(id.apply(1)).isPresent(), "open: kept");
    assertTrue(small.find(id.apply(2)).isEmpty(), "finished and oldest: forgotten");
    assertEquals(3, small.unfinished().size());
  }

  @Test
  void shouldIgnorePushesOfOrdersWithoutAClientOrderId() {
    final OkxMessages.OrderData manual =
        new OkxMessages.OrderData(
            "SPOT",
            "BTC-USDT",
            "1",
            "",
            "1",
            "1",
            "limit",
            "buy",
            "cash",
            "",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "live",
            "",
            "");
    assertEquals(OrderTracker.Update.NONE, tracker.onOrder(manual, NOW));
  }
}
