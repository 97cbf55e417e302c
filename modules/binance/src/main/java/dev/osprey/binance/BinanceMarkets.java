package dev.osprey.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.RateLimit;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;

/**
 * Binance spot symbols in domain terms. A symbol joins base and quote without a separator ({@code
 * BTCUSDT}), so the way back to a pair comes from {@code exchangeInfo}'s base and quote assets.
 * Thread-safe: filled once at start, read from any thread.
 */
final class BinanceMarkets {
  private final Map<String, TradingPair> pairs = new ConcurrentHashMap<>();
  private final Map<TradingPair, TradingRules> rules = new ConcurrentHashMap<>();

  /** A pair's Binance symbol: {@code BTC-USDT} → {@code BTCUSDT}. */
  static String symbol(final TradingPair pair) {
    return (pair.base() + pair.quote()).toUpperCase(Locale.ROOT);
  }

  /**
   * Takes the trading symbols of {@code info}, and its rate limits in place of {@code limits}' own
   * when it lists any; returns how many symbols it listed.
   */
  int load(final BinanceExchangeInfo info, final BinanceLimits limits) {
    int n = 0;
    for (Symbol s : info.getSymbols()) {
      if (!"TRADING".equals(s.getStatus())) {
        continue;
      }
      final TradingPair pair = new TradingPair(s.getBaseAsset(), s.getQuoteAsset());
      pairs.put(s.getSymbol(), pair);
      rules.put(pair, rules(s.getFilters()));
      n++;
    }
    if (info.getRateLimits() != null && !info.getRateLimits().isEmpty()) {
      limits.clear();
      for (RateLimit r : info.getRateLimits()) {
        limits.add(
            r.getRateLimitType(),
            r.getInterval(),
            Integer.parseInt(r.getIntervalNum()),
            Integer.parseInt(r.getLimit()));
      }
    }
    return n;
  }

  Optional<TradingPair> pair(final String symbol) {
    return Optional.ofNullable(pairs.get(symbol));
  }

  Optional<TradingRules> rules(final TradingPair pair) {
    return Optional.ofNullable(rules.get(pair));
  }

  /**
   * {@code LOT_SIZE} gives the smallest order and the size step, {@code PRICE_FILTER} the price
   * step, {@code NOTIONAL} (or the older {@code MIN_NOTIONAL}) the smallest notional.
   */
  static TradingRules rules(final Filter[] filters) {
    BigDecimal minSize = BigDecimal.ZERO;
    BigDecimal step = BigDecimal.ZERO;
    BigDecimal tick = BigDecimal.ZERO;
    BigDecimal minNotional = BigDecimal.ZERO;
    for (Filter f : filters == null ? new Filter[0] : filters) {
      switch (String.valueOf(f.getFilterType())) {
        case "LOT_SIZE":
          minSize = decimal(f.getMinQty());
          step = decimal(f.getStepSize());
          break;
        case "PRICE_FILTER":
          tick = decimal(f.getTickSize());
          break;
        case "NOTIONAL":
        case "MIN_NOTIONAL":
          minNotional = decimal(f.getMinNotional());
          break;
        default:
          break;
      }
    }
    return new TradingRules(minSize, minNotional, tick, step);
  }

  /**
   * A {@code bookTicker} push ({@code s}, {@code b}/{@code B} bid price and size, {@code a}/{@code
   * A} ask) as the top of book; empty for an unknown symbol or a crossed or empty side.
   */
  Optional<TopOfBook> topOfBook(final String connector, final JsonNode m, final Instant now) {
    return pair(m.path("s").asText())
        .flatMap(
            pair ->
                TopOfBook.quoted(
                    connector,
                    pair,
                    decimal(m.path("b").asText(null)),
                    decimal(m.path("a").asText(null)),
                    size(m.path("B").asText(null)),
                    size(m.path("A").asText(null)),
                    now));
  }

  /** A level's size; null (deep enough) when Binance gives none. */
  private static Quantity size(final String s) {
    final BigDecimal d = decimal(s);
    return d.signum() > 0 ? new Quantity(d) : null;
  }

  static BigDecimal decimal(final String s) {
    if (s == null || s.isBlank()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
