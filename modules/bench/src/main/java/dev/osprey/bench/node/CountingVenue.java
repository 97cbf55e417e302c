package dev.osprey.bench.node;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import dev.osprey.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A paper venue (an in-process {@link PaperExchange}, quotes set by the harness on its own thread)
 * that counts what executors ask of it, so that harnesses measure the engine without a hook in it:
 * every executor decision reads the venue's book once ({@code ExecutorVenues#marketView}), so book
 * reads count decisions; every order the engine sends passes {@link #place}.
 */
public final class CountingVenue implements ExchangeConnector {
  private final PaperExchange paper;
  private final LongAdder bookReads = new LongAdder();
  private volatile Consumer<OrderRequest> onPlace = r -> {};

  public CountingVenue(final String name, final Map<String, BigDecimal> balances) {
    this.paper = new PaperExchange(name, Clock.systemUTC(),
        dev.osprey.exchange.paper.MarketConfig.DEFAULT, balances);
  }

  /** The venue itself, to set quotes on. */
  public PaperExchange paper() {
    return paper;
  }

  /** Book reads so far: one per executor decision (and per view an executor renders). */
  public long bookReads() {
    return bookReads.sum();
  }

  /** Called with every order the engine sends, on the sending thread, before the venue has it. */
  public void onPlace(final Consumer<OrderRequest> listener) {
    this.onPlace = listener;
  }

  @Override
  public String name() {
    return paper.name();
  }

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    onPlace.accept(request);
    return paper.place(request);
  }

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    return paper.cancel(clientOrderId);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    return paper.lookup(clientOrderId);
  }

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    return paper.subscribeMarket(pair, listener);
  }

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    return paper.subscribeOrderEvents(listener);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    bookReads.increment();
    return paper.topOfBook(pair);
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return paper.tradingRules(pair);
  }

  @Override
  public Optional<FeeRates> feeRates(final TradingPair pair) {
    return paper.feeRates(pair);
  }

  @Override
  public Contracts contracts() {
    return paper.contracts();
  }

  @Override
  public Map<String, BigDecimal> balances() {
    return paper.balances();
  }

  @Override
  public void useLeverage(final TradingPair pair, final int leverage) {
    paper.useLeverage(pair, leverage);
  }

  @Override
  public long viewVersion() {
    return paper.viewVersion();
  }

  @Override
  public CompletionStage<Void> viewReached(final long version) {
    return paper.viewReached(version);
  }
}
