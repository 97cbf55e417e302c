package dev.osprey.app;

import dev.osprey.api.paper.PaperGateway;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.engine.paper.ClusterPaperVenue;
import dev.osprey.exchange.paper.MarketConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * {@link PaperGateway} over the cluster's paper venues, through this node's connectors: changes
 * complete once this node applied them, reads ask the venue itself.
 */
final class PaperVenues implements PaperGateway {
  private final Map<String, ClusterPaperVenue> venues;

  PaperVenues(final Map<String, ClusterPaperVenue> venues) {
    this.venues = Map.copyOf(venues);
  }

  @Override
  public Set<String> connectors() {
    return new TreeSet<>(venues.keySet());
  }

  private ClusterPaperVenue venue(final String name) {
    final ClusterPaperVenue v = venues.get(name);
    if (v == null) {
      throw new NoSuchElementException("no paper venue " + name);
    }
    return v;
  }

  @Override
  public CompletionStage<Void> setQuote(
      final String connector, final TradingPair pair, final Price bid, final Price ask,
      final Quantity bidSize, final Quantity askSize) {
    return venue(connector).setQuote(pair, bid, ask, bidSize, askSize);
  }

  @Override
  public CompletionStage<Void> configureMarket(
      final String connector, final TradingPair pair, final BigDecimal makerFee, final BigDecimal takerFee,
      final TradingRules rules) {
    return venue(connector).configureMarket(pair, new MarketConfig(makerFee, takerFee, rules));
  }

  @Override
  public CompletionStage<Optional<Map<String, Object>>> market(final String connector, final TradingPair pair) {
    return venue(connector).market(pair).thenApply(m -> {
      if (m.config() == null) {
        return Optional.empty();
      }
      final MarketConfig c = m.config();
      final Map<String, Object> out = new LinkedHashMap<>();
      out.put("connector_name", connector);
      out.put("trading_pair", pair.symbol());
      out.put("maker_fee", c.makerFee());
      out.put("taker_fee", c.takerFee());
      out.put("min_order_size", c.rules().minOrderSize());
      out.put("min_notional", c.rules().minNotional());
      out.put("price_increment", c.rules().priceIncrement());
      out.put("base_increment", c.rules().baseIncrement());
      final Optional<TopOfBook> top = Optional.ofNullable(m.top());
      out.put("bid", top.map(t -> t.bid().value()).orElse(null));
      out.put("ask", top.map(t -> t.ask().value()).orElse(null));
      out.put("mid", top.map(t -> t.mid().value()).orElse(null));
      out.put("bid_size", top.map(TopOfBook::bidSize).map(Quantity::value).orElse(null));
      out.put("ask_size", top.map(TopOfBook::askSize).map(Quantity::value).orElse(null));
      out.put("timestamp", top.map(TopOfBook::timestamp).orElse(null));
      return Optional.of(out);
    });
  }

  @Override
  public CompletionStage<Void> setBalances(final String connector, final Map<String, BigDecimal> balances) {
    return venue(connector).setBalances(balances);
  }

  @Override
  public CompletionStage<Map<String, BigDecimal>> balances(final String connector) {
    return venue(connector).accountBalances().thenApply(b -> new java.util.TreeMap<>(b.available()));
  }
}
