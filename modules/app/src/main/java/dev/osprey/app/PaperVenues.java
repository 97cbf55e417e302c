package dev.osprey.app;

import dev.osprey.api.paper.PaperGateway;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link PaperGateway} over this node's paper venues. */
final class PaperVenues implements PaperGateway {
  private final Map<String, PaperExchange> venues;

  PaperVenues(final Map<String, PaperExchange> venues) {
    this.venues = Map.copyOf(venues);
  }

  @Override
  public Set<String> connectors() {
    return new TreeSet<>(venues.keySet());
  }

  private PaperExchange venue(final String name) {
    final PaperExchange v = venues.get(name);
    if (v == null) {
      throw new NoSuchElementException("no paper venue " + name);
    }
    return v;
  }

  @Override
  public void setQuote(
      final String connector, final TradingPair pair, final Price bid, final Price ask,
      final Quantity bidSize, final Quantity askSize) {
    venue(connector).setQuote(pair, bid, ask, bidSize, askSize);
  }

  @Override
  public void configureMarket(
      final String connector, final TradingPair pair, final BigDecimal makerFee, final BigDecimal takerFee,
      final TradingRules rules) {
    venue(connector).configureMarket(pair, makerFee, takerFee, rules);
  }

  @Override
  public Optional<Map<String, Object>> market(final String connector, final TradingPair pair) {
    final PaperExchange v = venue(connector);
    final Optional<MarketConfig> config = v.marketConfig(pair);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    final MarketConfig c = config.get();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("connector_name", connector);
    m.put("trading_pair", pair.symbol());
    m.put("maker_fee", c.makerFee());
    m.put("taker_fee", c.takerFee());
    m.put("min_order_size", c.rules().minOrderSize());
    m.put("min_notional", c.rules().minNotional());
    m.put("price_increment", c.rules().priceIncrement());
    m.put("base_increment", c.rules().baseIncrement());
    final Optional<TopOfBook> top = v.topOfBook(pair);
    m.put("bid", top.map(t -> t.bid().value()).orElse(null));
    m.put("ask", top.map(t -> t.ask().value()).orElse(null));
    m.put("mid", top.map(t -> t.mid().value()).orElse(null));
    m.put("bid_size", top.map(TopOfBook::bidSize).map(Quantity::value).orElse(null));
    m.put("ask_size", top.map(TopOfBook::askSize).map(Quantity::value).orElse(null));
    m.put("timestamp", top.map(TopOfBook::timestamp).orElse(null));
    return Optional.of(m);
  }

  @Override
  public void setBalances(final String connector, final Map<String, BigDecimal> balances) {
    venue(connector).setBalances(balances);
  }

  @Override
  public Map<String, BigDecimal> balances(final String connector) {
    return venue(connector).balances();
  }
}
