package dev.osprey.exchange;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One trading venue as executors see it. Real venues and the paper venue implement it alike.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #place} is idempotent per client order id: placing an id the venue already has
 *       changes nothing (the venue re-reports what it knows). That, with ids persisted before
 *       sending, is what makes "never send an order twice" hold across crashes.
 *   <li>Order outcomes arrive as {@link OrderEvent}s on the listeners of {@link
 *       #subscribeOrderEvents}, possibly more than once; consumers apply them idempotently.
 *   <li>Market data arrives on {@link #subscribeMarket} listeners for every top-of-book change.
 *   <li>Listeners must not block: they are called on the venue's thread.
 * </ul>
 */
public interface ExchangeConnector {
  /** The connector name used in configs ({@code connector_name}), e.g. {@code paper}. */
  String name();

  /** Sends {@code request}; the stage completes when the venue took it (or refused it by event). */
  CompletionStage<Void> place(OrderRequest request);

  /** Asks the venue to cancel; the outcome arrives as an event. Cancelling a done order is a no-op. */
  CompletionStage<Void> cancel(ClientOrderId clientOrderId);

  /** The venue's view of one order, or empty if it never received it. Used to reconcile on restart. */
  CompletionStage<Optional<VenueOrder>> lookup(ClientOrderId clientOrderId);

  /** Subscribes to every top-of-book change of {@code pair}. */
  Subscription subscribeMarket(TradingPair pair, Consumer<TopOfBook> listener);

  /** Subscribes to every order event of this venue. */
  Subscription subscribeOrderEvents(Consumer<OrderEvent> listener);

  /** The latest top of book of {@code pair}, if the venue has one. */
  Optional<TopOfBook> topOfBook(TradingPair pair);

  /** The trading rules of {@code pair}, if the venue lists it. */
  Optional<TradingRules> tradingRules(TradingPair pair);

  /** The fee rates of {@code pair}, if the venue publishes them. */
  default Optional<FeeRates> feeRates(final TradingPair pair) {
    return Optional.empty();
  }

  /** Spot or perpetual, and how positions are netted; spot unless the venue says otherwise. */
  default Contracts contracts() {
    return Contracts.SPOT;
  }

  /** Available balance per asset. */
  Map<String, BigDecimal> balances();

  /**
   * Makes this venue's later orders on {@code pair} trade at {@code leverage}: on a perpetual venue
   * the account's setting for the pair, applied before the next order on it goes out (a venue
   * that refuses it rejects that order with its reason). Spot venues, and the paper venue whose
   * margin is not simulated, ignore it.
   */
  default void useLeverage(final TradingPair pair, final int leverage) {}

  /**
   * How far this node's view of the venue has come: a number that grows with every change the
   * venue reported to this node (0 for a venue without one). An order event delivered by another
   * node carries that node's number, so that an executor here can wait until this node has seen
   * the quote that came with it before deciding on it.
   */
  default long viewVersion() {
    return 0;
  }

  /** Completes once {@link #viewVersion} has reached {@code version} on this node. */
  default CompletionStage<Void> viewReached(final long version) {
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  /** A registration that can be undone. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
