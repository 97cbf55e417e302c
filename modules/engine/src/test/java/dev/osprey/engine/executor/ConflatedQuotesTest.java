package dev.osprey.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A burst of quotes tells the entity once; each market's latest book stays for the fallback. */
class ConflatedQuotesTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private static TopOfBook book(final String pair, final String bid) {
    return TopOfBook.of("paper", TradingPair.parse(pair), Price.of(bid), Price.of(bid), T0);
  }

  private static String latest(final ConflatedQuotes quotes, final int market) {
    final TopOfBook b = quotes.latest(market);
    return b.pair() + "@" + b.bid().value().toPlainString();
  }

  @Test
  void shouldTellOnceForABurstAndKeepOnlyTheLatestBook() {
    final ConflatedQuotes quotes = new ConflatedQuotes(1);
    assertNull(quotes.latest(0), "no quote yet");
    assertTrue(quotes.offer(0, book("ABC-USDT", "100")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "101")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "102")));
    assertEquals("ABC-USDT@102", latest(quotes, 0));

    quotes.taken();
    assertEquals("ABC-USDT@102", latest(quotes, 0), "the last quote stays after it was taken");
    assertTrue(quotes.offer(0, book("ABC-USDT", "99")), "a quote after the entity took the last tells it again");
    assertFalse(quotes.offer(0, book("ABC-USDT", "98")));
    assertEquals("ABC-USDT@98", latest(quotes, 0));
  }

  @Test
  void shouldKeepTheLatestBookOfEachMarketOfATwoMarketExecutor() {
    final ConflatedQuotes quotes = new ConflatedQuotes(2);
    assertTrue(quotes.offer(0, book("ABC-USDT", "100")));
    assertFalse(quotes.offer(1, book("ABC-USDC", "100.5")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "100.2")));

    assertEquals("ABC-USDT@100.2", latest(quotes, 0));
    assertEquals("ABC-USDC@100.5", latest(quotes, 1));
  }
}
