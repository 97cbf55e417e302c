package dev.osprey.api.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.api.JsonRoutes;
import dev.osprey.domain.FieldViolation;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Control of the paper venues: quotes anyone may set for any pair, per-market fees and trading
 * rules, and balances. {@code ?connector=} picks the paper venue (default {@code paper}).
 */
public final class PaperRoutes extends JsonRoutes {
  private static final Set<String> MARKET_FIELDS = Set.of(
      "maker_fee", "taker_fee", "min_order_size", "min_notional", "price_increment", "base_increment");
  private final PaperGateway paper;

  public PaperRoutes(final ObjectMapper mapper, final PaperGateway paper) {
    super(mapper);
    this.paper = paper;
  }

  public Route routes() {
    return pathPrefix("paper", () -> parameterOptional("connector", c -> {
      final String connector = c.orElse("paper");
      if (!paper.connectors().contains(connector)) {
        return error(StatusCodes.NOT_FOUND, "NOT_FOUND",
            "connector: no paper venue named '" + connector + "' (available: " + paper.connectors() + ")", List.of());
      }
      return concat(
          pathPrefix("markets", () -> pathPrefix(PathMatchers.segment(), pairText -> guarded(() -> {
            final TradingPair pair = pair(pairText);
            return concat(
                pathPrefix("quote", () -> pathEndOrSingleSlash(() ->
                    post(() -> withJsonBody(body -> quote(connector, pair, body))))),
                pathEndOrSingleSlash(() -> concat(
                    put(() -> withJsonBody(body -> configure(connector, pair, body))),
                    get(() -> market(connector, pair)))));
          }))),
          pathPrefix("balances", () -> pathEndOrSingleSlash(() -> concat(
              put(() -> withJsonBody(body -> balances(connector, body))),
              get(() -> await(paper.balances(connector), this::ok))))));
    }));
  }

  private static TradingPair pair(final String text) {
    try {
      return TradingPair.parse(text);
    } catch (IllegalArgumentException e) {
      throw new FieldViolation.Invalid("trading_pair", e.getMessage());
    }
  }

  private Route quote(final String connector, final TradingPair pair, final JsonNode body) {
    final List<FieldViolation> v = new ArrayList<>();
    final Set<String> allowed = Set.of("bid", "ask", "price", "bid_size", "ask_size");
    body.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        v.add(new FieldViolation(f, "is not a known field (bid, ask, price, bid_size, ask_size)"));
      }
    });
    final BigDecimal price = decimal(body, "price", v);
    BigDecimal bid = decimal(body, "bid", v);
    BigDecimal ask = decimal(body, "ask", v);
    if (price != null) {
      if (bid != null || ask != null) {
        v.add(new FieldViolation("price", "give either price or bid and ask, not both"));
      }
      bid = price;
      ask = price;
    } else if (bid == null || ask == null) {
      v.add(new FieldViolation(bid == null ? "bid" : "ask", "is required (or give price for zero spread)"));
    }
    positive(bid, "bid", v);
    positive(ask, "ask", v);
    if (v.isEmpty() && bid.compareTo(ask) > 0) {
      v.add(new FieldViolation("bid", "must not be above ask"));
    }
    final BigDecimal bidSize = decimal(body, "bid_size", v);
    final BigDecimal askSize = decimal(body, "ask_size", v);
    positive(bidSize, "bid_size", v);
    positive(askSize, "ask_size", v);
    if (!v.isEmpty()) {
      return invalid(v);
    }
    return await(paper.setQuote(connector, pair, Price.of(bid), Price.of(ask),
        bidSize == null ? null : Quantity.of(bidSize), askSize == null ? null : Quantity.of(askSize)),
        done -> market(connector, pair));
  }

  private Route configure(final String connector, final TradingPair pair, final JsonNode body) {
    final List<FieldViolation> v = new ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!MARKET_FIELDS.contains(f)) {
        v.add(new FieldViolation(f, "is not a known field " + MARKET_FIELDS));
      }
    });
    return await(paper.market(connector, pair), current -> configure(connector, pair, body, current, v));
  }

  private Route configure(final String connector, final TradingPair pair, final JsonNode body,
      final Optional<Map<String, Object>> current, final List<FieldViolation> v) {
    final TradingRules d = TradingRules.DEFAULT;
    final BigDecimal makerFee = orDefault(decimal(body, "maker_fee", v), current, "maker_fee", BigDecimal.ZERO);
    final BigDecimal takerFee = orDefault(decimal(body, "taker_fee", v), current, "taker_fee", BigDecimal.ZERO);
    final BigDecimal minSize = orDefault(decimal(body, "min_order_size", v), current, "min_order_size", d.minOrderSize());
    final BigDecimal minNotional = orDefault(decimal(body, "min_notional", v), current, "min_notional", d.minNotional());
    final BigDecimal priceInc = orDefault(decimal(body, "price_increment", v), current, "price_increment", d.priceIncrement());
    final BigDecimal baseInc = orDefault(decimal(body, "base_increment", v), current, "base_increment", d.baseIncrement());
    for (String f : List.of("maker_fee", "taker_fee", "min_order_size", "min_notional", "price_increment", "base_increment")) {
      final BigDecimal x = decimal(body, f, new ArrayList<>());
      if (x != null && x.signum() < 0) {
        v.add(new FieldViolation(f, "must not be negative"));
      }
    }
    for (String f : List.of("maker_fee", "taker_fee")) {
      final BigDecimal x = decimal(body, f, new ArrayList<>());
      if (x != null && x.compareTo(BigDecimal.ONE) >= 0) {
        v.add(new FieldViolation(f, "must be a fraction below 1 (0.001 = 0.1%)"));
      }
    }
    if (!v.isEmpty()) {
      return invalid(v);
    }
    return await(
        paper.configureMarket(connector, pair, makerFee, takerFee, new TradingRules(minSize, minNotional, priceInc, baseInc)),
        done -> market(connector, pair));
  }

  private Route market(final String connector, final TradingPair pair) {
    return await(paper.market(connector, pair), m -> m.isPresent()
        ? ok(m.get())
        : error(StatusCodes.NOT_FOUND, "NOT_FOUND", "market " + pair.symbol() + " is not listed on " + connector, List.of()));
  }

  private Route balances(final String connector, final JsonNode body) {
    final List<FieldViolation> v = new ArrayList<>();
    final Map<String, BigDecimal> out = new LinkedHashMap<>();
    final Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      final String asset = names.next();
      if (!asset.matches("[A-Za-z0-9._]{1,20}")) {
        v.add(new FieldViolation(asset, "is not an asset name (1-20 of A-Z 0-9 . _)"));
        continue;
      }
      if (body.get(asset).isNull()) {
        v.add(new FieldViolation(asset, "must be a decimal amount"));
        continue;
      }
      final BigDecimal amount = decimal(body, asset, v);
      if (amount == null) {
        continue;
      }
      if (amount.signum() < 0) {
        v.add(new FieldViolation(asset, "must not be negative"));
      } else {
        out.put(asset.toUpperCase(java.util.Locale.ROOT), amount);
      }
    }
    if (out.isEmpty() && v.isEmpty()) {
      v.add(new FieldViolation("body", "must map at least one asset to an amount, e.g. {\"USDT\": \"10000\"}"));
    }
    if (!v.isEmpty()) {
      return invalid(v);
    }
    return await(paper.setBalances(connector, out), done -> await(paper.balances(connector), this::ok));
  }

  private static BigDecimal orDefault(
      final BigDecimal given, final Optional<Map<String, Object>> current, final String key, final BigDecimal fallback) {
    if (given != null) {
      return given;
    }
    if (current.isPresent() && current.get().get(key) instanceof BigDecimal b) {
      return b;
    }
    return fallback;
  }

  private static void positive(final BigDecimal x, final String field, final List<FieldViolation> v) {
    if (x != null && x.signum() <= 0) {
      v.add(new FieldViolation(field, "must be positive"));
    }
  }

  /** A decimal from a JSON number or a decimal string; null when absent. */
  static BigDecimal decimal(final JsonNode body, final String field, final List<FieldViolation> v) {
    final JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      try {
        return new BigDecimal(n.asText().trim());
      } catch (NumberFormatException e) {
        v.add(new FieldViolation(field, "'" + n.asText() + "' is not a decimal number"));
        return null;
      }
    }
    v.add(new FieldViolation(field, "must be a decimal number or a decimal string"));
    return null;
  }
}
