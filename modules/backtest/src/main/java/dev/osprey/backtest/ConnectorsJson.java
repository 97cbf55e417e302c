package dev.osprey.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.exchange.paper.MarketConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code connectors.json}: per connector, optional {@code balances} ({@code {"USDT":
 * "10000"}}; absent = generous, see {@link ReplayVenues}) and {@code markets} per pair with {@code
 * maker_fee, taker_fee, min_order_size, min_notional, price_increment, base_increment} (each
 * optional; defaults fees 0, 0.001 base, 1 quote, 0.01 price, 0.001 base): what the replay's paper
 * venues are set up with. Every error names the JSON path, fee rates the paper venue refuses too.
 */
public final class ConnectorsJson {
  private static final Set<String> VENUE_FIELDS = Set.of("balances", "markets");
  private static final Set<String> MARKET_FIELDS = Set.of(
      "maker_fee", "taker_fee", "min_order_size", "min_notional", "price_increment", "base_increment");

  private ConnectorsJson() {}

  public static Map<String, VenueSpec> parse(final JsonNode root) {
    final List<FieldViolation> v = new ArrayList<>();
    final Map<String, VenueSpec> out = new LinkedHashMap<>();
    if (root == null || !root.isObject()) {
      throw new FieldViolation.Invalid("connectors.json", "must be an object of connector name to settings");
    }
    final Iterator<Map.Entry<String, JsonNode>> venues = root.fields();
    while (venues.hasNext()) {
      final Map.Entry<String, JsonNode> e = venues.next();
      out.put(e.getKey(), venue(e.getKey(), e.getValue(), v));
    }
    if (!v.isEmpty()) {
      throw new FieldViolation.Invalid(v);
    }
    return out;
  }

  private static VenueSpec venue(final String name, final JsonNode node, final List<FieldViolation> v) {
    if (!node.isObject()) {
      v.add(new FieldViolation(name, "must be an object with balances and markets"));
      return VenueSpec.DEFAULT;
    }
    node.fieldNames().forEachRemaining(f -> {
      if (!VENUE_FIELDS.contains(f)) {
        v.add(new FieldViolation(name + "." + f, "is not a known field " + VENUE_FIELDS));
      }
    });
    Map<String, BigDecimal> balances = null;
    if (node.hasNonNull("balances")) {
      balances = new LinkedHashMap<>();
      final Iterator<Map.Entry<String, JsonNode>> it = node.get("balances").fields();
      while (it.hasNext()) {
        final Map.Entry<String, JsonNode> b = it.next();
        final BigDecimal amount = decimal(b.getValue(), name + ".balances." + b.getKey(), v);
        if (amount != null) {
          balances.put(b.getKey().toUpperCase(java.util.Locale.ROOT), amount);
        }
      }
    }
    final Map<TradingPair, MarketConfig> markets = new LinkedHashMap<>();
    if (node.hasNonNull("markets")) {
      final Iterator<Map.Entry<String, JsonNode>> it = node.get("markets").fields();
      while (it.hasNext()) {
        final Map.Entry<String, JsonNode> m = it.next();
        final String path = name + ".markets." + m.getKey();
        try {
          markets.put(TradingPair.parse(m.getKey()), market(m.getValue(), path, v));
        } catch (IllegalArgumentException e) {
          v.add(new FieldViolation(path, e.getMessage()));
        }
      }
    }
    return new VenueSpec(balances, markets);
  }

  private static MarketConfig market(final JsonNode node, final String path, final List<FieldViolation> v) {
    node.fieldNames().forEachRemaining(f -> {
      if (!MARKET_FIELDS.contains(f)) {
        v.add(new FieldViolation(path + "." + f, "is not a known field " + MARKET_FIELDS));
      }
    });
    final TradingRules d = TradingRules.DEFAULT;
    final TradingRules rules = new TradingRules(
        or(node, "min_order_size", d.minOrderSize(), path, v),
        or(node, "min_notional", d.minNotional(), path, v),
        or(node, "price_increment", d.priceIncrement(), path, v),
        or(node, "base_increment", d.baseIncrement(), path, v));
    final BigDecimal maker = or(node, "maker_fee", BigDecimal.ZERO, path, v);
    final BigDecimal taker = or(node, "taker_fee", BigDecimal.ZERO, path, v);
    try {
      return new MarketConfig(maker, taker, rules);
    } catch (IllegalArgumentException e) {
      // The paper venue's own limits on fee rates, reported like any other field problem.
      v.add(new FieldViolation(path, e.getMessage()));
      return MarketConfig.DEFAULT;
    }
  }

  private static BigDecimal or(
      final JsonNode node, final String field, final BigDecimal fallback, final String path,
      final List<FieldViolation> v) {
    if (!node.hasNonNull(field)) {
      return fallback;
    }
    final BigDecimal x = decimal(node.get(field), path + "." + field, v);
    return x == null ? fallback : x;
  }

  private static BigDecimal decimal(final JsonNode n, final String path, final List<FieldViolation> v) {
    BigDecimal x = null;
    if (n.isNumber()) {
      x = n.decimalValue();
    } else if (n.isTextual()) {
      try {
        x = new BigDecimal(n.asText().trim());
      } catch (NumberFormatException e) {
        v.add(new FieldViolation(path, "'" + n.asText() + "' is not a decimal"));
        return null;
      }
    } else {
      v.add(new FieldViolation(path, "must be a decimal number or string"));
      return null;
    }
    if (x.signum() < 0) {
      v.add(new FieldViolation(path, "must not be negative"));
      return null;
    }
    return x;
  }
}
