package dev.osprey.backtest;

import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One replayed venue: its markets' fees and rules, and its starting balances. {@code balances}
 * null means generous: balances are not checked.
 */
public record VenueSpec(Map<String, BigDecimal> balances, Map<TradingPair, MarketSpec> markets) {
  public static final VenueSpec DEFAULT = new VenueSpec(null, Map.of());

  public MarketSpec market(final TradingPair pair) {
    return markets.getOrDefault(pair, MarketSpec.DEFAULT);
  }
}
