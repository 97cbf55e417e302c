package dev.osprey.exchange.paper;

import static dev.osprey.exchange.paper.PaperFixture.BTC;
import static dev.osprey.exchange.paper.PaperFixture.CLOCK;
import static dev.osprey.exchange.paper.PaperFixture.ETH;
import static dev.osprey.exchange.paper.PaperFixture.assertDecimal;
import static dev.osprey.exchange.paper.PaperFixture.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomWalkFeedTest {
  private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  private static final TradingPair XRP = TradingPair.parse("XRP-USDT");
  private static final BigDecimal SPREAD = new BigDecimal("0.0002");

  @Test
  void shouldProduceTheSameQuotesForTheSameSeed() {
    assertEquals(walk(42, 50), walk(42, 50));
  }

  @Test
  void shouldProduceDifferentQuotesForADifferentSeed() {
    assertNotEquals(walk(42, 50), walk(43, 50));
  }

  @ParameterizedTest(name = "{0} at start {1}: bid {2}, ask {3}")
  @CsvSource({
    "BTC-USDT, 65000, 64993.5, 65006.5",
    "ETH-USDT, 3000,  2999.7,  3000.3",
    "SOL-USDT, 150,   149.98,  150.02",
  })
  void shouldQuoteStartPriceWithSpreadRoundedOutwardToThePriceIncrement(
      final TradingPair pair, final String start, final String bid, final String ask) {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final RandomWalkFeed feed =
        new RandomWalkFeed(venue, 1, Map.of(pair, new BigDecimal(start)), 0, SPREAD, null);

    feed.tick();

    final TopOfBook top = venue.topOfBook(pair).orElseThrow();
    assertDecimal(bid, top.bid().value());
    assertDecimal(ask, top.ask().value());
  }

  @Test
  void shouldMoveEachStepAtMostMaxStepBpsAndStayOnThePriceGrid() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final RandomWalkFeed feed = RandomWalkFeed.withDefaults(venue, 7);
    final BigDecimal tick = TradingRules.DEFAULT.priceIncrement();
    BigDecimal previous = new BigDecimal("65000");
    int moves = 0;
    for (int i = 0; i < 200; i++) {
      feed.tick();
      final TopOfBook top = venue.topOfBook(BTC).orElseThrow();
      final BigDecimal mid = top.mid().value();
      final BigDecimal bound = previous.multiply(new BigDecimal("0.0005")).add(tick);
      assertTrue(mid.subtract(previous).abs().compareTo(bound) <= 0, "step too large at " + i);
      assertTrue(Decimals.isMultipleOf(top.bid().value(), tick), "bid off grid: " + top.bid());
      assertTrue(Decimals.isMultipleOf(top.ask().value(), tick), "ask off grid: " + top.ask());
      assertTrue(top.ask().value().subtract(top.bid().value())
          .compareTo(mid.multiply(SPREAD)) >= 0, "spread too narrow at " + i);
      moves += mid.compareTo(previous) == 0 ? 0 : 1;
      previous = mid;
    }
    assertTrue(moves > 100, "the walk barely moved: " + moves);
  }

  @Test
  void shouldNeverTouchPairsItDoesNotOwn() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final TopOfBook manual = venue.setQuote(XRP, px("0.5"), px("0.51"));
    final List<TopOfBook> xrpQuotes = new ArrayList<>();
    final List<TopOfBook> btcQuotes = new ArrayList<>();
    venue.subscribeMarket(XRP, xrpQuotes::add);
    venue.subscribeMarket(BTC, btcQuotes::add);
    final RandomWalkFeed feed =
        new RandomWalkFeed(venue, 3, Map.of(BTC, new BigDecimal("65000")), 5, SPREAD, null);

    for (int i = 0; i < 10; i++) {
      feed.tick();
    }

    assertEquals(manual, venue.topOfBook(XRP).orElseThrow());
    assertTrue(xrpQuotes.isEmpty());
    assertEquals(10, btcQuotes.size());
    assertEquals(List.of(XRP, BTC), venue.listedMarkets());
    assertEquals(List.of(BTC), feed.pairs());
  }

  @Test
  void shouldContinueFromAQuoteSetByHand() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final RandomWalkFeed feed =
        new RandomWalkFeed(venue, 3, Map.of(BTC, new BigDecimal("65000")), 0, SPREAD, null);
    feed.tick();

    venue.setQuote(BTC, px("69999"), px("70001"));
    feed.tick();

    assertDecimal("69993", venue.topOfBook(BTC).orElseThrow().bid().value());
    assertDecimal("70007", venue.topOfBook(BTC).orElseThrow().ask().value());
  }

  @Test
  void shouldUseThePriceIncrementOfTheConfiguredMarket() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    venue.configureMarket(
        BTC,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        new TradingRules(
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            new BigDecimal("0.5"),
            new BigDecimal("0.001")));
    final RandomWalkFeed feed =
        new RandomWalkFeed(venue, 3, Map.of(BTC, new BigDecimal("65000.3")), 0, SPREAD, null);

    final List<TopOfBook> quotes = feed.publish();

    assertDecimal("64993.5", quotes.get(0).bid().value());
    assertDecimal("65007.5", quotes.get(0).ask().value());
  }

  @Test
  void shouldQuoteDisplayedSizeOnBothSides() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final RandomWalkFeed feed =
        new RandomWalkFeed(
            venue, 3, Map.of(ETH, new BigDecimal("3000")), 5, SPREAD, PaperFixture.qty("2.5"));

    final TopOfBook top = feed.tick().get(0);

    assertDecimal("2.5", top.bidSize().value());
    assertDecimal("2.5", top.askSize().value());
  }

  @Test
  void shouldOwnTheThreeDefaultPairsInOrder() {
    final RandomWalkFeed feed =
        RandomWalkFeed.withDefaults(new PaperExchange("paper", CLOCK), 1);

    assertEquals(List.of(BTC, ETH, SOL), feed.pairs());
    assertDecimal("65000", RandomWalkFeed.DEFAULT_START_PRICES.get(BTC));
    assertDecimal("3000", RandomWalkFeed.DEFAULT_START_PRICES.get(ETH));
    assertDecimal("150", RandomWalkFeed.DEFAULT_START_PRICES.get(SOL));
  }

  @Test
  void shouldRejectStepOrSpreadOutOfRange() {
    final PaperExchange venue = new PaperExchange("paper", CLOCK);
    final Map<TradingPair, BigDecimal> pairs = Map.of(BTC, new BigDecimal("65000"));

    assertThrows(
        IllegalArgumentException.class,
        () -> new RandomWalkFeed(venue, 1, pairs, 10_000, SPREAD, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RandomWalkFeed(venue, 1, pairs, 5, new BigDecimal("-0.1"), null));
  }

  /** Every quote of {@code ticks} ticks of the default feed on a fresh venue, as text. */
  private static List<String> walk(final long seed, final int ticks) {
    final RandomWalkFeed feed =
        RandomWalkFeed.withDefaults(new PaperExchange("paper", CLOCK), seed);
    final List<String> out = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      for (TopOfBook t : feed.tick()) {
        out.add(t.pair() + " " + t.bid() + " " + t.ask());
      }
    }
    return out;
  }
}
