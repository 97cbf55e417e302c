package dev.osprey.exchange.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.PositionAction;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared test data for the paper venue: a BTC-USDT market with 0.1 % maker / 0.2 % taker. */
final class PaperFixture {
  static final TradingPair BTC = TradingPair.parse("BTC-USDT");
  static final TradingPair ETH = TradingPair.parse("ETH-USDT");
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final MarketConfig FEES =
      new MarketConfig(
          new BigDecimal("0.001"),
          new BigDecimal("0.002"),
          TradingRules.DEFAULT);

  private PaperFixture() {}

  /** A venue with 100000 USDT and 1 BTC, default markets at {@link #FEES}. */
  static PaperExchange venue() {
    return new PaperExchange(
        "paper", CLOCK, FEES, Map.of("USDT", new BigDecimal("100000"), "BTC", BigDecimal.ONE));
  }

  /** Subscribes a recorder of every order event of {@code venue}. */
  static List<OrderEvent> record(final PaperExchange venue) {
    final List<OrderEvent> events = new ArrayList<>();
    venue.subscribeOrderEvents(events::add);
    return events;
  }

  static OrderRequest market(final String id, final Side side, final String amount) {
    return request(id, BTC, side, OrderType.MARKET, amount, null);
  }

  static OrderRequest limit(
      final String id, final Side side, final String amount, final String px) {
    return request(id, BTC, side, OrderType.LIMIT, amount, px);
  }

  static OrderRequest limitMaker(
      final String id, final Side side, final String amount, final String px) {
    return request(id, BTC, side, OrderType.LIMIT_MAKER, amount, px);
  }

  static OrderRequest request(
      final String id,
      final TradingPair pair,
      final Side side,
      final OrderType type,
      final String amount,
      final String price) {
    return new OrderRequest(
        ClientOrderId.of(id),
        "paper",
        pair,
        side,
        type,
        Quantity.of(amount),
        price == null ? null : Price.of(price),
        PositionAction.NIL);
  }

  static Price px(final String value) {
    return Price.of(value);
  }

  static Quantity qty(final String value) {
    return value == null ? null : Quantity.of(value);
  }

  static void assertDecimal(final String expected, final BigDecimal actual) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        () -> "expected " + expected + " but was "
            + (actual == null ? null : actual.toPlainString()));
  }

  static void assertBalance(final PaperExchange venue, final String asset, final String expected) {
    assertDecimal(expected, venue.balances().getOrDefault(asset, BigDecimal.ZERO));
  }

  static void assertLocked(final PaperExchange venue, final String asset, final String expected) {
    assertDecimal(expected, venue.lockedBalances().getOrDefault(asset, BigDecimal.ZERO));
  }

  /** Asserts that {@code fill} traded at {@code price} paying {@code fee} (quote), as maker or taker. */
  static void assertFill(final Fill fill, final String price, final String fee, final boolean maker) {
    assertDecimal(price, fill.price().value());
    assertDecimal(fee, fill.feeQuote().value());
    assertEquals(maker, fill.maker(), "maker");
  }

  /** Asserts the USDT and BTC balances of {@code venue} once nothing is locked any more. */
  static void assertSettled(final PaperExchange venue, final String usdt, final String btc) {
    assertBalance(venue, "USDT", usdt);
    assertBalance(venue, "BTC", btc);
    assertTrue(venue.lockedBalances().isEmpty(), "nothing locked");
  }

  /** Asserts that {@code event} is a rejection for {@code reason} that says {@code message}. */
  static void assertRejected(final OrderEvent event, final RejectReason reason, final String message) {
    final OrderEvent.Rejected rejected = assertInstanceOf(OrderEvent.Rejected.class, event);
    assertEquals(reason, rejected.reason());
    assertEquals(message, rejected.message());
  }

  /** Asserts that the only event is the rejection of order {@code id} at {@link #T0}. */
  static void assertOnlyRejected(
      final List<OrderEvent> events, final String id, final RejectReason reason, final String message) {
    assertEquals(List.of(new OrderEvent.Rejected(ClientOrderId.of(id), reason, message, T0)), events);
  }

  /** The fills among {@code events}, in order. */
  static List<OrderEvent.Filled> fills(final List<OrderEvent> events) {
    return events.stream()
        .filter(OrderEvent.Filled.class::isInstance)
        .map(OrderEvent.Filled.class::cast)
        .toList();
  }

  /** Simple names of the event types, e.g. {@code [Accepted, Filled]}. */
  static List<String> kinds(final List<OrderEvent> events) {
    final List<String> out = new ArrayList<>();
    for (OrderEvent e : events) {
      out.add(e.getClass().getSimpleName());
    }
    return out;
  }
}
