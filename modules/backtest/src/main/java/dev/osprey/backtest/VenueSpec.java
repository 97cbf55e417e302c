package dev.osprey.backtest;

import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.paper.MarketConfig;
import java.math.BigDecimal;
import java.util.Map;

/**
 * How {@code connectors.json} sets up one replayed paper venue: its markets' fees and rules, and
 * its starting balances. {@code balances} null means generous (see {@link ReplayVenues}).
 */
public record VenueSpec(Map<String, BigDecimal> balances, Map<TradingPair, MarketConfig> markets) {
  public static final VenueSpec DEFAULT = new VenueSpec(null, Map.of());

  /** The pair's fees and rules: as configured, else {@link MarketConfig#DEFAULT} (no fees). */
  public MarketConfig market(final TradingPair pair) {
    return markets.getOrDefault(pair, MarketConfig.DEFAULT);
  }
}
