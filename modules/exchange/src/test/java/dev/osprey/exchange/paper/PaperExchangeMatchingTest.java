package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.T0;
import static dev.osprey.exchange.paper.PaperFixture.assertBalance;
import static dev.osprey.exchange.paper.PaperFixture.assertDecimal;
import static dev.osprey.exchange.paper.PaperFixture.assertFill;
import static dev.osprey.exchange.paper.PaperFixture.assertLocked;
import static dev.osprey.exchange.paper.PaperFixture.assertOnlyRejected;
import static dev.osprey.exchange.paper.PaperFixture.assertSettled;
import static dev.osprey.exchange.paper.PaperFixture.fills;
import static dev.osprey.exchange.paper.PaperFixture.kinds;
import static dev.osprey.exchange.paper.PaperFixture.limit;
import static dev.osprey.exchange.paper.PaperFixture.limitMaker;
import static dev.osprey.exchange.paper.PaperFixture.market;
import static dev.osprey.exchange.paper.PaperFixture.px;
import static dev.osprey.exchange.paper.PaperFixture.qty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.Fill;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.RejectReason;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prices, fees and balance moves of the paper venue's matching. */
class PaperExchangeMatchingTest extends QuotedVenueTest {

  @ParameterizedTest(name = "MARKET {0} {1} fills at {2}, fee {3}")
  @CsvSource({
    // side, amount, price, fee,     USDT after,  BTC after
    "BUY,    0.01,   65010, 1.30020, 99348.5998,  1.01",
    "SELL,   0.5,    64990, 64.990,  132430.01,   0.5",
  })
  void shouldFillMarketOrderAtBestOppositePriceAsTaker(
      final Side side,
      final String amount,
      final String price,
      final String fee,
      final String usdt,
      final String btc) {
    venue.place(market("m-1", side, amount));

    assertEquals(List.of("Accepted", "Filled"), kinds(events));
    assertEquals(new OrderEvent.Accepted(ClientOrderId.of("m-1"), "paper-O1", T0), events.get(0));
    final Fill fill = fills(events).get(0).fill();
    assertEquals("paper-T1", fill.tradeId());
    assertDecimal(amount, fill.amount().value());
    assertFill(fill, price, fee, false);
    assertSettled(venue, usdt, btc);
  }

  @ParameterizedTest(name = "BUY 0.1 @ 64000 fills at its limit when the ask drops to {1}")
  @CsvSource({
    // no-cross ask, crossing bid, crossing ask
    "64000.01, 63900, 64000",
    "64000.01, 63400, 63500",
  })
  void shouldRestLimitBuyThenFillAtLimitAsMakerWhenAskCrosses(
      final String missAsk, final String bid, final String ask) {
    venue.place(limit("l-1", Side.BUY, "0.1", "64000"));
    assertLocked(venue, "USDT", "6406.4");
    assertBalance(venue, "USDT", "93593.6");

    venue.setQuote(BTC, px("63990"), px(missAsk));
    assertEquals(List.of("Accepted"), kinds(events));

    venue.setQuote(BTC, px(bid), px(ask));
    final Fill fill = fills(events).get(0).fill();
    assertDecimal("0.1", fill.amount().value());
    assertFill(fill, "64000", "6.4", true);
    assertSettled(venue, "93593.6", "1.1");
  }

  @Test
  void shouldRestLimitSellThenFillAtLimitAsMakerWhenBidReachesIt() {
    venue.place(limit("l-1", Side.SELL, "0.2", "66000"));
    assertLocked(venue, "BTC", "0.2");
    venue.setQuote(BTC, px("65999.99"), px("66010"));
    assertEquals(List.of("Accepted"), kinds(events));

    venue.setQuote(BTC, px("66000"), px("66010"));

    final Fill fill = fills(events).get(0).fill();
    assertFill(fill, "66000", "13.2", true);
    assertSettled(venue, "113186.8", "0.8");
  }

  @ParameterizedTest(name = "marketable LIMIT {0} @ {1} takes at {2}")
  @CsvSource({
    "BUY,  65100, 65010, 13.002, 93485.998,  1.1",
    "BUY,  65010, 65010, 13.002, 93485.998,  1.1",
    "SELL, 64900, 64990, 12.998, 106486.002, 0.9",
  })
  void shouldFillMarketableLimitAtBestOppositePriceAsTaker(
      final Side side,
      final String limit,
      final String price,
      final String fee,
      final String usdt,
      final String btc) {
    venue.place(limit("l-1", side, "0.1", limit));

    assertEquals(List.of("Accepted", "Filled"), kinds(events));
    final Fill fill = fills(events).get(0).fill();
    assertFill(fill, price, fee, false);
    assertSettled(venue, usdt, btc);
  }

  @ParameterizedTest(name = "LIMIT_MAKER {0} @ {1} is rejected")
  @CsvSource({
    "BUY,  65010, LIMIT_MAKER BUY at 65010 would take liquidity: best ask is 65010",
    "BUY,  65011, LIMIT_MAKER BUY at 65011 would take liquidity: best ask is 65010",
    "SELL, 64990, LIMIT_MAKER SELL at 64990 would take liquidity: best bid is 64990",
  })
  void shouldRejectLimitMakerThatWouldCrossOnArrival(
      final Side side, final String price, final String message) {
    venue.place(limitMaker("lm-1", side, "0.1", price));

    assertOnlyRejected(events, "lm-1", RejectReason.WOULD_TAKE_LIQUIDITY, message);
    assertTrue(venue.lockedBalances().isEmpty());
    assertTrue(venue.openOrders().isEmpty());
  }

  @Test
  void shouldRestNonCrossingLimitMakerAndFillItAsMaker() {
    venue.place(limitMaker("lm-1", Side.BUY, "0.1", "65000"));
    assertEquals(List.of("Accepted"), kinds(events));

    venue.setQuote(BTC, px("64980"), px("65000"));

    final Fill fill = fills(events).get(0).fill();
    assertFill(fill, "65000", "6.5", true);
  }

  @Test
  void shouldKeepMarketRemainderTakingOnNextQuoteWhenAskSizeIsShort() {
    venue.setQuote(BTC, px("64990"), px("65010"), null, qty("0.3"));

    venue.place(market("m-1", Side.BUY, "0.5"));
    assertEquals(List.of("Accepted", "Filled"), kinds(events));
    assertDecimal("0.3", fills(events).get(0).fill().amount().value());
    assertEquals(VenueOrder.State.OPEN, lookup("m-1").state());

    venue.setQuote(BTC, px("65000"), px("65020"), null, qty("0.5"));

    final List<OrderEvent.Filled> fills = fills(events);
    assertEquals(2, fills.size());
    assertDecimal("0.2", fills.get(1).fill().amount().value());
    assertFill(fills.get(1).fill(), "65020", "26.008", false);
    assertEquals(VenueOrder.State.FILLED, lookup("m-1").state());
    assertSettled(venue, "67427.986", "1.5");
  }

  @Test
  void shouldFillRestingLimitAcrossTwoQuotesWithLimitedAskSize() {
    venue.place(limit("l-1", Side.BUY, "1", "64000"));

    venue.setQuote(BTC, px("63980"), px("63990"), null, qty("0.4"));
    assertDecimal("0.4", fills(events).get(0).fill().amount().value());
    assertDecimal("0.6", lookup("l-1").remaining().value());
    assertLocked(venue, "USDT", "38438.4");

    venue.setQuote(BTC, px("63985"), px("63995"), null, qty("1"));

    final List<OrderEvent.Filled> fills = fills(events);
    assertEquals(2, fills.size());
    assertDecimal("0.6", fills.get(1).fill().amount().value());
    assertDecimal("64000", fills.get(1).fill().price().value());
    assertTrue(fills.get(1).fill().maker());
    assertEquals(VenueOrder.State.FILLED, lookup("l-1").state());
    assertSettled(venue, "35936", "2");
  }

  @Test
  void shouldFillMarketSellUpToDisplayedBidSizeAndLockTheRest() {
    venue.setQuote(BTC, px("64990"), px("65010"), qty("0.2"), null);

    venue.place(market("m-1", Side.SELL, "0.5"));

    assertDecimal("0.2", fills(events).get(0).fill().amount().value());
    assertLocked(venue, "BTC", "0.3");
    assertBalance(venue, "BTC", "0.5");
  }

  @Test
  void shouldShareDisplayedSizeBetweenOrdersUntilTheNextQuote() {
    venue.setQuote(BTC, px("64990"), px("65010"), null, qty("0.3"));
    venue.place(market("m-1", Side.BUY, "0.3"));

    venue.place(market("m-2", Side.BUY, "0.1"));
    assertEquals(1, fills(events).size());
    assertEquals(VenueOrder.State.OPEN, lookup("m-2").state());

    venue.setQuote(BTC, px("64995"), px("65015"), null, qty("0.3"));
    final Fill second = fills(events).get(1).fill();
    assertEquals(ClientOrderId.of("m-2"), fills(events).get(1).clientOrderId());
    assertDecimal("65015", second.price().value());
    assertDecimal("0.1", second.amount().value());
  }

  @Test
  void shouldFillBetterPricedRestingOrderFirstWhenSizeIsShort() {
    venue.place(limit("low", Side.BUY, "0.3", "64000"));
    venue.place(limit("high", Side.BUY, "0.3", "64100"));

    venue.setQuote(BTC, px("63800"), px("63900"), null, qty("0.4"));

    final List<OrderEvent.Filled> fills = fills(events);
    assertEquals(ClientOrderId.of("high"), fills.get(0).clientOrderId());
    assertDecimal("0.3", fills.get(0).fill().amount().value());
    assertDecimal("64100", fills.get(0).fill().price().value());
    assertEquals(ClientOrderId.of("low"), fills.get(1).clientOrderId());
    assertDecimal("0.1", fills.get(1).fill().amount().value());
    assertDecimal("64000", fills.get(1).fill().price().value());
  }

  @Test
  void shouldCancelMarketBuyRemainderWhenFundsNoLongerCoverTheHigherAsk() {
    // Exactly enough for 0.5 at 65010 plus 0.2 % taker fee, plus 9.018 spare.
    venue.setBalances(Map.of("USDT", new BigDecimal("32579.028"), "BTC", BigDecimal.ZERO));
    venue.setQuote(BTC, px("64990"), px("65010"), null, qty("0.3"));
    venue.place(market("m-1", Side.BUY, "0.5"));

    // 0.2 left, locked at 65010 × 1.002; at 65100 × 1.002 a unit needs 90.18 more: 9.018 pays 0.1.
    venue.setQuote(BTC, px("65090"), px("65100"));

    assertEquals(List.of("Accepted", "Filled", "Filled", "Cancelled"), kinds(events));
    final Fill second = fills(events).get(1).fill();
    assertDecimal("0.1", second.amount().value());
    assertDecimal("65100", second.price().value());
    assertEquals(VenueOrder.State.CANCELLED, lookup("m-1").state());
    assertSettled(venue, "6514.002", "0.4");
  }

  @Test
  void shouldNotifyOrderEventsBeforeMarketListenersOnAQuote() {
    final List<String> seen = new ArrayList<>();
    venue.subscribeOrderEvents(e -> seen.add("order:" + e.getClass().getSimpleName()));
    venue.subscribeMarket(BTC, t -> seen.add("market:" + t.ask()));
    venue.place(limit("l-1", Side.BUY, "0.1", "64000"));

    venue.setQuote(BTC, px("63900"), px("64000"));

    assertEquals(List.of("order:Accepted", "order:Filled", "market:64000"), seen);
  }

  @Test
  void shouldUseFeesOfConfiguredMarket() {
    venue.configureMarket(
        BTC, new BigDecimal("-0.0001"), new BigDecimal("0.005"), MarketConfig.DEFAULT.rules());

    venue.place(market("m-1", Side.BUY, "0.1"));
    venue.place(limit("l-1", Side.BUY, "0.1", "64000"));
    venue.setQuote(BTC, px("63900"), px("64000"));

    assertDecimal("32.505", fills(events).get(0).fill().feeQuote().value());
    assertDecimal("-0.64", fills(events).get(1).fill().feeQuote().value());
    // 100000 − (6501 + 32.505) − (6400 − 0.64)
    assertBalance(venue, "USDT", "87067.135");
  }

  private VenueOrder lookup(final String id) {
    return venue.lookup(ClientOrderId.of(id)).toCompletableFuture().join().orElseThrow();
  }
}
