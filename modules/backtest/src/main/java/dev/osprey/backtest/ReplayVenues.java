package dev.osprey.backtest;

import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.paper.MarketConfig;
import dev.osprey.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The replay's venues: one {@link PaperExchange} per connector name, set up from {@code
 * connectors.json} and stamped by the {@link ReplayClock}. All matching, fees, trading rules and
 * balance checks are the paper venue's own; this class only routes calls and hands back the order
 * events each call caused.
 *
 * <p>Why collecting events this way is exact and deterministic: the paper venue delivers the
 * events of a call on the caller's thread before the call returns (its {@code EventDispatcher}
 * drains in order, and no other thread touches a replay's venues), and our listener only queues.
 * So after {@link #place}, {@link #cancel} or {@link #quote} returns, the queue holds exactly that
 * call's events, in the order of the venue's state changes.
 *
 * <p>A venue without {@code balances} is generous: every asset of a pair it lists (by config or
 * by a first quote) starts with {@link #GENEROUS} available, so balances never refuse an order.
 */
final class ReplayVenues {
  /** The available balance of every asset on a venue that has no configured balances. */
  static final BigDecimal GENEROUS = new BigDecimal("1000000000000");

  private final Map<String, VenueSpec> specs;
  private final ReplayClock clock;
  private final Map<String, PaperExchange> venues = new LinkedHashMap<>();
  private final Set<String> funded = new HashSet<>();
  private final List<OrderEvent> heard = new ArrayList<>();

  ReplayVenues(final Map<String, VenueSpec> specs, final ReplayClock clock) {
    this.specs = Map.copyOf(specs);
    this.clock = clock;
    for (String name : specs.keySet()) {
      venue(name);   // configured venues exist from the start, in file order
    }
  }

  /** Sets the quote of {@code market}; returns the fills of resting orders it crossed. */
  List<OrderEvent> quote(final ConnectorPair market, final Price bid, final Price ask) {
    final PaperExchange v = venue(market.connectorName());
    fundGenerously(market.connectorName(), market.tradingPair());
    v.setQuote(market.tradingPair(), bid, ask);
    return taken();
  }

  List<OrderEvent> place(final OrderRequest request) {
    venue(request.connectorName()).place(request);
    return taken();
  }

  List<OrderEvent> cancel(final String connector, final ClientOrderId id) {
    venue(connector).cancel(id);
    return taken();
  }

  /** Makes {@code amount} the available balance of {@code asset} on {@code connector}. */
  void setBalance(final String connector, final String asset, final BigDecimal amount) {
    venue(connector).setBalances(Map.of(asset, amount));
  }

  Optional<TopOfBook> book(final ConnectorPair market) {
    return venue(market.connectorName()).topOfBook(market.tradingPair());
  }

  TradingRules rules(final ConnectorPair market) {
    return venue(market.connectorName()).tradingRules(market.tradingPair())
        .orElse(MarketConfig.DEFAULT.rules());
  }

  private PaperExchange venue(final String name) {
    return venues.computeIfAbsent(name, n -> {
      final VenueSpec spec = specs.getOrDefault(n, VenueSpec.DEFAULT);
      final PaperExchange v = new PaperExchange(n, clock, MarketConfig.DEFAULT,
          spec.balances() == null ? Map.of() : spec.balances());
      v.subscribeOrderEvents(heard::add);
      for (Map.Entry<TradingPair, MarketConfig> m : spec.markets().entrySet()) {
        v.configureMarket(m.getKey(), m.getValue());
        fundGenerously(n, m.getKey(), v);
      }
      return v;
    });
  }

  private void fundGenerously(final String name, final TradingPair pair) {
    fundGenerously(name, pair, venue(name));
  }

  private void fundGenerously(final String name, final TradingPair pair, final PaperExchange v) {
    if (specs.getOrDefault(name, VenueSpec.DEFAULT).balances() != null) {
      return;
    }
    for (String asset : List.of(pair.base(), pair.quote())) {
      if (funded.add(name + "/" + asset)) {
        v.setBalances(Map.of(asset, GENEROUS));
      }
    }
  }

  private List<OrderEvent> taken() {
    final List<OrderEvent> out = List.copyOf(heard);
    heard.clear();
    return out;
  }
}
