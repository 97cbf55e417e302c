package dev.osprey.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TradingPair;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills the fee rates an XEMM or arbitrage config leaves out from the venues: XEMM's maker fee from
 * the maker market's maker rate and its taker fee from the taker market's taker rate; arbitrage's
 * buying and selling fees from the taker rates of their markets (both legs are market orders).
 * Given rates are kept; malformed markets are left for validation to name.
 */
final class CrossVenueFees {
  private CrossVenueFees() {}

  static void fill(final ObjectNode config, final VenueFees fees) {
    final String type = config.path("type").asText();
    if ("xemm_executor".equals(type)) {
      final boolean makerBuys = "BUY".equals(config.path("maker_side").asText().toUpperCase(Locale.ROOT))
          || "1".equals(config.path("maker_side").asText());
      final JsonNode maker = config.path(makerBuys ? "buying_market" : "selling_market");
      final JsonNode taker = config.path(makerBuys ? "selling_market" : "buying_market");
      put(config, "maker_fee_pct", maker, fees, FeeRates::maker);
      put(config, "taker_fee_pct", taker, fees, FeeRates::taker);
    } else if ("arbitrage_executor".equals(type)) {
      put(config, "buying_fee_pct", config.path("buying_market"), fees, FeeRates::taker);
      put(config, "selling_fee_pct", config.path("selling_market"), fees, FeeRates::taker);
    }
  }

  private static void put(final ObjectNode config, final String field, final JsonNode market, final VenueFees fees,
      final Function<FeeRates, BigDecimal> rate) {
    if (config.hasNonNull(field) || !market.isObject()) {
      return;
    }
    final String connector = market.path("connector_name").asText(null);
    final Optional<TradingPair> pair = pair(market.path("trading_pair").asText(null));
    if (connector == null || pair.isEmpty()) {
      return;
    }
    fees.of(connector, pair.get()).ifPresent(r -> config.put(field, rate.apply(r)));
  }

  private static Optional<TradingPair> pair(final String text) {
    try {
      return Optional.of(TradingPair.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
