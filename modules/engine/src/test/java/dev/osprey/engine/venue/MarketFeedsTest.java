package dev.osprey.engine.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import dev.osprey.exchange.ExchangeConnector.Subscription;
import dev.osprey.exchange.paper.PaperExchange;
import dev.osprey.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One venue subscription per pair on a node, shared by every listener of it. */
class MarketFeedsTest {
  private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
  private static final TradingPair ETH = TradingPair.parse("ETH-USDT");

  @Test
  void shouldOpenOneVenueSubscriptionPerPairAndCloseItWithTheLastListener() {
    final PaperExchange paper = new PaperExchange("paper", ManualClock.at("2026-12-05T10:00:00Z"));
    final Venues venues = new Venues(List.of(paper));
    final List<String> heard = new ArrayList<>();
    final Subscription a = venues.subscribeMarket("paper", BTC, t -> heard.add("a " + t.bid())).orElseThrow();
    final Subscription b = venues.subscribeMarket("paper", BTC, t -> heard.add("b " + t.bid())).orElseThrow();
    final Subscription c = venues.subscribeMarket("paper", ETH, t -> heard.add("c " + t.bid())).orElseThrow();
    assertEquals(1, paper.subscriberCount(BTC));
    assertEquals(1, paper.subscriberCount(ETH));
    assertEquals(2, venues.openMarketFeeds());

    paper.setQuote(BTC, Price.of("100"), Price.of("101"));
    assertEquals(List.of("a 100", "b 100"), heard);

    a.close();
    a.close();   // twice changes nothing
    paper.setQuote(BTC, Price.of("102"), Price.of("103"));
    assertEquals(List.of("a 100", "b 100", "b 102"), heard);
    assertEquals(1, paper.subscriberCount(BTC));

    b.close();
    assertEquals(0, paper.subscriberCount(BTC), "the last listener closes the venue's subscription");
    c.close();
    assertEquals(0, venues.openMarketFeeds());
    final Subscription again = venues.subscribeMarket("paper", BTC, t -> heard.add("again " + t.bid())).orElseThrow();
    paper.setQuote(BTC, Price.of("104"), Price.of("105"));
    assertEquals("again 104", heard.get(heard.size() - 1));
    again.close();
    assertEquals(java.util.Optional.empty(), venues.subscribeMarket("binance", BTC, t -> heard.add("none")));
  }
}
