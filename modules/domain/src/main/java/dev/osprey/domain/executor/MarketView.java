package dev.osprey.domain.executor;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an executor may know of its markets when it decides: the latest top of book and the
 * trading rules of each. Single-market executors use {@link #book()} and {@link #rules()} (their
 * primary market); executors that trade across venues (XEMM, arbitrage) ask per {@link
 * ConnectorPair}.
 */
public record MarketView(
    TopOfBook book,
    TradingRules rules,
    Map<ConnectorPair, TopOfBook> books,
    Map<ConnectorPair, TradingRules> rulesByMarket) {

  public MarketView {
    Objects.requireNonNull(rules, "rules");
    books = books == null ? Map.of() : Map.copyOf(books);
    rulesByMarket = rulesByMarket == null ? Map.of() : Map.copyOf(rulesByMarket);
  }

  /** One market: {@code book} may be null (no quote yet). */
  public static MarketView of(final TopOfBook book, final TradingRules rules) {
    final Map<ConnectorPair, TopOfBook> books = new LinkedHashMap<>();
    final Map<ConnectorPair, TradingRules> byMarket = new LinkedHashMap<>();
    if (book != null) {
      final ConnectorPair key = new ConnectorPair(book.connector(), book.pair());
      books.put(key, book);
      byMarket.put(key, rules);
    }
    return new MarketView(book, rules, books, byMarket);
  }

  /**
   * Several markets; {@code primary} is the one {@link #book()} and {@link #rules()} answer for.
   * Markets without a quote are simply absent from {@code books}.
   */
  public static MarketView of(
      final ConnectorPair primary,
      final Map<ConnectorPair, TopOfBook> books,
      final Map<ConnectorPair, TradingRules> rules) {
    return new MarketView(
        books.get(primary), rules.getOrDefault(primary, TradingRules.DEFAULT), books, rules);
  }

  public Optional<TopOfBook> top() {
    return Optional.ofNullable(book);
  }

  public boolean hasQuote() {
    return book != null;
  }

  /** The top of book of {@code market}, if it has a quote. */
  public Optional<TopOfBook> top(final ConnectorPair market) {
    return Optional.ofNullable(books.get(market));
  }

  /** The trading rules of {@code market} (the defaults when the venue did not say). */
  public TradingRules rules(final ConnectorPair market) {
    return rulesByMarket.getOrDefault(market, TradingRules.DEFAULT);
  }
}
