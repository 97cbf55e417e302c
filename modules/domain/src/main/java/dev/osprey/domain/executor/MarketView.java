package dev.osprey.domain.executor;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import java.util.Objects;
import java.util.Optional;

/** What an executor may know of its market when it decides: the latest top of book and the rules. */
public record MarketView(TopOfBook book, TradingRules rules) {
  public MarketView {
    Objects.requireNonNull(rules, "rules");
  }

  public static MarketView of(final TopOfBook book, final TradingRules rules) {
    return new MarketView(book, rules);
  }

  public Optional<TopOfBook> top() {
    return Optional.ofNullable(book);
  }

  public boolean hasQuote() {
    return book != null;
  }
}
