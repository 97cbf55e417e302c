package dev.osprey.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.money.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A burst of quotes tells the entity once; it then takes each market's latest book. */
class ConflatedQuotesTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private static TopOfBook book(final String pair, final String bid) {
    return TopOfBook.of("paper", TradingPair.parse(pair), Price.of(bid), Price.of(bid), T0);
  }

  private static List<String> taken(final ConflatedQuotes quotes) {
    final List<String> out = new ArrayList<>();
    quotes.take(b -> out.add(b.pair() + "@" + b.bid().value().toPlainString()));
    return out;
  }

  @Test
  void shouldTellOnceForABurstAndHandOverOnlyTheLatestBook() {
    final ConflatedQuotes quotes = new ConflatedQuotes(1);
    assertTrue(quotes.offer(0, book("ABC-USDT", "100")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "101")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "102")));

    assertEquals(List.of("ABC-USDT@102"), taken(quotes));
    assertEquals(List.of(), taken(quotes), "nothing new since");

    assertTrue(quotes.offer(0, book("ABC-USDT", "99")), "a quote after the entity took the last tells it again");
    assertEquals(List.of("ABC-USDT@99"), taken(quotes));
  }

  @Test
  void shouldKeepTheLatestBookOfEachMarketOfATwoMarketExecutor() {
    final ConflatedQuotes quotes = new ConflatedQuotes(2);
    assertTrue(quotes.offer(0, book("ABC-USDT", "100")));
    assertFalse(quotes.offer(1, book("ABC-USDC", "100.5")));
    assertFalse(quotes.offer(0, book("ABC-USDT", "100.2")));

    assertEquals(List.of("ABC-USDT@100.2", "ABC-USDC@100.5"), taken(quotes));
  }
}
