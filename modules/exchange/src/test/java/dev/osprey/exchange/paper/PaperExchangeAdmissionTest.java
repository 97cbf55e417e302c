package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.ETH;
import static dev.osprey.exchange.paper.PaperFixture.assertBalance;
import static dev.osprey.exchange.paper.PaperFixture.assertLocked;
import static dev.osprey.exchange.paper.PaperFixture.assertOnlyRejected;
import static dev.osprey.exchange.paper.PaperFixture.assertRejected;
import static dev.osprey.exchange.paper.PaperFixture.kinds;
import static dev.osprey.exchange.paper.PaperFixture.limit;
import static dev.osprey.exchange.paper.PaperFixture.market;
import static dev.osprey.exchange.paper.PaperFixture.px;
import static dev.osprey.exchange.paper.PaperFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.Side;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderType;
import dev.osprey.domain.order.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the paper venue refuses, and why: unknown markets, trading rules, balances. */
class PaperExchangeAdmissionTest extends QuotedVenueTest {
  private static final TradingRules RULES =
      new TradingRules(
          new BigDecimal("0.001"),
          new BigDecimal("100"),
          new BigDecimal("0.01"),
          new BigDecimal("0.001"));

  @Override
  void configure(final PaperExchange venue) {
    venue.configureMarket(BTC, new BigDecimal("0.001"), new BigDecimal("0.002"), RULES);
  }

  @ParameterizedTest(name = "{0} {1} {2} @ {3}: {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LIMIT  | BUY  | 0.0005 | 65000     | BTC-USDT: amount 0.0005 is below min_order_size 0.001",
        "LIMIT  | BUY  | 0.0015 | 65000     | BTC-USDT: amount 0.0015 is not a multiple of base_increment 0.001",
        "LIMIT  | BUY  | 0.002  | 65000.005 | BTC-USDT: price 65000.005 is not a multiple of price_increment 0.01",
        "LIMIT  | SELL | 0.001  | 65000     | BTC-USDT: notional 65.000 is below min_notional 100",
        "MARKET | BUY  | 0.001  |           | BTC-USDT: notional 65.010 is below min_notional 100 at the best ask 65010",
        "MARKET | SELL | 0.0009 |           | BTC-USDT: amount 0.0009 is below min_order_size 0.001",
      })
  void shouldRejectOrderBreakingATradingRuleNamingTheRule(
      final OrderType type,
      final Side side,
      final String amount,
      final String price,
      final String message) {
    venue.place(request("r-1", BTC, side, type, amount, price));

    assertOnlyRejected(events, "r-1", RejectReason.TRADING_RULE, message);
    assertTrue(venue.lockedBalances().isEmpty());
  }

  @Test
  void shouldAcceptOrderAtExactlyTheMinNotional() {
    venue.place(limit("r-1", Side.BUY, "0.002", "50000"));

    assertEquals(List.of("Accepted"), kinds(events));
  }

  @Test
  void shouldRejectOrderForUnlistedMarketAsNoMarketData() {
    venue.place(request("u-1", ETH, Side.BUY, OrderType.LIMIT, "1", "3000"));

    assertRejected(events.get(0), RejectReason.NO_MARKET_DATA,
        "market ETH-USDT is not listed: configure it or send it a quote first");
  }

  @Test
  void shouldRejectMarketOrderWithoutQuoteButRestLimitOrder() {
    venue.configureMarket(ETH, MarketConfig.DEFAULT);
    venue.setBalances(Map.of("ETH", BigDecimal.ONE));

    venue.place(request("m-1", ETH, Side.SELL, OrderType.MARKET, "1", null));
    venue.place(request("l-1", ETH, Side.SELL, OrderType.LIMIT, "1", "3000"));

    assertEquals(List.of("Rejected", "Accepted"), kinds(events));
    assertRejected(events.get(0), RejectReason.NO_MARKET_DATA,
        "no quote for ETH-USDT yet: a MARKET SELL needs a best bid");
    assertLocked(venue, "ETH", "1");
  }

  @Test
  void shouldRejectMarketBuyWhenQuoteBalanceIsBelowAmountTimesAskPlusTakerFee() {
    venue.setBalances(Map.of("USDT", new BigDecimal("651.4001")));

    venue.place(market("b-1", Side.BUY, "0.01"));

    assertOnlyRejected(events, "b-1", RejectReason.INSUFFICIENT_BALANCE,
        "BUY 0.01 BTC-USDT needs 651.40020 USDT (0.01 at 65010 plus taker fee rate 0.002),"
            + " available 651.4001 USDT");
    assertBalance(venue, "USDT", "651.4001");
  }

  @Test
  void shouldAcceptMarketBuyWithExactlyAmountTimesAskPlusTakerFee() {
    venue.setBalances(Map.of("USDT", new BigDecimal("651.4002")));

    venue.place(market("b-1", Side.BUY, "0.01"));

    assertEquals(List.of("Accepted", "Filled"), kinds(events));
    assertBalance(venue, "USDT", "0");
  }

  @ParameterizedTest(name = "resting BUY {0} @ {1} checks {2} USDT with the maker rate")
  @CsvSource({
    // amount, limit, balance: amount × limit × 1.001 exactly, then one unit short
    "0.1, 64000, 6406.4,   Accepted",
    "0.1, 64000, 6406.39,  Rejected",
  })
  void shouldCheckRestingBuyAgainstLimitPricePlusMakerFee(
      final String amount, final String limit, final String balance, final String outcome) {
    venue.setBalances(Map.of("USDT", new BigDecimal(balance)));

    venue.place(limit("b-1", Side.BUY, amount, limit));

    assertEquals(List.of(outcome), kinds(events));
  }

  @Test
  void shouldRejectSellWhenBaseBalanceIsBelowAmount() {
    venue.place(market("s-1", Side.SELL, "1.001"));

    assertRejected(events.get(0), RejectReason.INSUFFICIENT_BALANCE,
        "SELL 1.001 BTC-USDT needs 1.001 BTC, available 1 BTC");
    assertBalance(venue, "BTC", "1");
  }

  @Test
  void shouldCountQuoteLockedByRestingBuyAsUnavailable() {
    venue.setBalances(Map.of("USDT", new BigDecimal("10000")));
    venue.place(limit("rest", Side.BUY, "0.1", "64000"));
    assertBalance(venue, "USDT", "3593.6");

    venue.place(limit("second", Side.BUY, "0.1", "64000"));
    assertEquals(RejectReason.INSUFFICIENT_BALANCE, ((OrderEvent.Rejected) events.get(1)).reason());

    venue.cancel(ClientOrderId.of("rest"));
    venue.place(limit("third", Side.BUY, "0.1", "64000"));
    assertEquals(List.of("Accepted", "Rejected", "Cancelled", "Accepted"), kinds(events));
  }

  @Test
  void shouldCountBaseLockedByRestingSellAsUnavailable() {
    venue.place(limit("rest", Side.SELL, "0.6", "70000"));
    assertBalance(venue, "BTC", "0.4");

    venue.place(market("s-1", Side.SELL, "0.5"));

    assertEquals(List.of("Accepted", "Rejected"), kinds(events));
    assertEquals(
        "SELL 0.5 BTC-USDT needs 0.5 BTC, available 0.4 BTC",
        ((OrderEvent.Rejected) events.get(1)).message());
  }

  @Test
  void shouldRejectQuoteWithBidAboveAskAndKeepThePreviousOne() {
    assertThrows(
        IllegalArgumentException.class, () -> venue.setQuote(BTC, px("65011"), px("65010")));

    assertEquals(px("64990"), venue.topOfBook(BTC).orElseThrow().bid());
  }

  @Test
  void shouldAcceptQuoteWithBidEqualToAsk() {
    venue.setQuote(BTC, px("65000"), px("65000"));

    assertEquals(px("65000"), venue.topOfBook(BTC).orElseThrow().mid());
  }

  @Test
  void shouldAutoListQuotedPairWithDefaultConfig() {
    assertTrue(venue.marketConfig(ETH).isEmpty());

    venue.setQuote(ETH, px("2999"), px("3001"));

    assertEquals(PaperFixture.FEES, venue.marketConfig(ETH).orElseThrow());
    assertEquals(TradingRules.DEFAULT, venue.tradingRules(ETH).orElseThrow());
    assertEquals(RULES, venue.tradingRules(BTC).orElseThrow());
    assertEquals(List.of(BTC, ETH), venue.listedMarkets());
  }

  @Test
  void shouldSetOnlyTheGivenAssetsAndKeepLockedFunds() {
    venue.place(limit("rest", Side.SELL, "0.6", "70000"));

    venue.setBalances(Map.of("BTC", new BigDecimal("2"), "ETH", new BigDecimal("5")));

    assertEquals(List.of("BTC", "ETH", "USDT"), List.copyOf(venue.balances().keySet()));
    assertBalance(venue, "BTC", "2");
    assertBalance(venue, "ETH", "5");
    assertBalance(venue, "USDT", "100000");
    assertLocked(venue, "BTC", "0.6");
    PaperFixture.assertDecimal("2.6", venue.totalBalances().get("BTC"));
    assertThrows(
        IllegalArgumentException.class,
        () -> venue.setBalances(Map.of("USDT", new BigDecimal("-1"))));
  }
}
