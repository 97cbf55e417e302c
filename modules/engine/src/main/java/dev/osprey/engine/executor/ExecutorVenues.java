package dev.osprey.engine.executor;

import dev.osprey.domain.executor.ExecutorConfig;
import dev.osprey.domain.executor.MarketView;
import dev.osprey.domain.market.ConnectorPair;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.TrackedOrder;
import dev.osprey.engine.venue.Venues;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;

/**
 * One executor entity's side of the venues: its market subscriptions, the market view it decides
 * on, and sending, cancelling and looking up its orders at the venue each order went to. Owned by
 * one entity instance; callbacks come back as messages to that entity.
 */
final class ExecutorVenues {
  private final Venues venues;
  private final Logger log;
  private final String executorId;
  private final List<ExchangeConnector.Subscription> subscriptions = new ArrayList<>();
  private ConflatedQuotes quotes;

  ExecutorVenues(final Venues venues, final Logger log, final String executorId) {
    this.venues = venues;
    this.log = log;
    this.executorId = executorId;
  }

  /**
   * The markets as the venues have them now. A venue's book, not the last update the entity
   * received, is the truth: a fill routed through sharding can overtake the quote update that
   * caused it, and deciding on a stale quote would close at the wrong price. The last quote the
   * subscription brought is the fallback for a venue that cannot say its book (none today).
   */
  MarketView marketView(final ExecutorConfig config) {
    final List<ConnectorPair> markets = config.markets();
    final Map<ConnectorPair, TopOfBook> books = new HashMap<>();
    final Map<ConnectorPair, TradingRules> rules = new HashMap<>();
    for (int i = 0; i < markets.size(); i++) {
      final ConnectorPair m = markets.get(i);
      final int market = i;
      final Optional<ExchangeConnector> venue = venues.get(m.connectorName());
      venue.flatMap(v -> v.topOfBook(m.tradingPair()))
          .or(() -> Optional.ofNullable(quotes == null ? null : quotes.latest(market)))
          .ifPresent(b -> books.put(m, b));
      rules.put(m, venue.flatMap(v -> v.tradingRules(m.tradingPair())).orElse(TradingRules.DEFAULT));
    }
    return MarketView.of(markets.get(0), books, rules);
  }

  /**
   * When this node's view of {@code connector} is older than {@code viewVersion} (a report another
   * node delivered, with the quote that came with it still on its way here): a stage that
   * completes once it is as new; deciding before would use the older quote. Later reports wait
   * behind it in order, since they carry the same or a newer version.
   */
  Optional<java.util.concurrent.CompletionStage<Void>> behind(final String connector, final long viewVersion) {
    if (viewVersion <= 0 || connector == null) {
      return Optional.empty();
    }
    return venues.get(connector)
        .filter(v -> v.viewVersion() < viewVersion)
        .map(v -> v.viewReached(viewVersion));
  }

  /**
   * Subscribes to every market of {@code config} once; {@code quoted} runs (on the venue's thread)
   * when a quote came and the entity has not been told since it last took them.
   */
  void subscribe(final ExecutorConfig config, final Runnable quoted) {
    if (!subscriptions.isEmpty()) {
      return;
    }
    final List<ConnectorPair> markets = config.markets();
    final ConflatedQuotes latest = new ConflatedQuotes(markets.size());
    quotes = latest;
    for (int i = 0; i < markets.size(); i++) {
      final int market = i;
      venues.subscribeMarket(markets.get(i).connectorName(), markets.get(i).tradingPair(), book -> {
        if (latest.offer(market, book)) {
          quoted.run();
        }
      }).ifPresent(subscriptions::add);
    }
  }

  /** The entity took the quotes it was told of: the next quote tells it again. */
  void quotesTaken() {
    if (quotes != null) {
      quotes.taken();
    }
  }

  void unsubscribe() {
    for (ExchangeConnector.Subscription sub : subscriptions) {
      sub.close();
    }
    subscriptions.clear();
  }

  /**
   * Sends {@code order}, at {@code leverage} when above 0 (see {@link ExchangeConnector#useLeverage});
   * {@code unconfirmed} hears of a placement the venue did not confirm.
   */
  void place(final TrackedOrder order, final int leverage, final BiConsumer<ClientOrderId, String> unconfirmed) {
    final Optional<ExchangeConnector> venue = venueOf(order);
    if (venue.isEmpty()) {
      log.error("executor {}: connector {} is not configured on this node", executorId, order.request().connectorName());
      return;
    }
    final ClientOrderId id = order.id();
    if (leverage > 0) {
      venue.get().useLeverage(order.request().tradingPair(), leverage);
    }
    venue.get().place(order.request()).whenComplete((ok, err) -> {
      if (err != null) {
        unconfirmed.accept(id, String.valueOf(err.getMessage()));
      }
    });
  }

  void cancel(final TrackedOrder order) {
    venueOf(order).ifPresent(v -> v.cancel(order.id()));
  }

  /** Asks the venue about {@code order}; the answer (or the failure's message) goes to {@code answer}. */
  void lookup(final TrackedOrder order, final BiConsumer<Optional<VenueOrder>, String> answer) {
    venueOf(order).ifPresent(v -> v.lookup(order.id()).whenComplete((vo, err) ->
        answer.accept(err == null ? vo : Optional.empty(), err == null ? null : String.valueOf(err.getMessage()))));
  }

  /** The venue an order was sent to (XEMM and arbitrage trade on two). */
  private Optional<ExchangeConnector> venueOf(final TrackedOrder order) {
    return venues.get(order.request().connectorName());
  }
}
