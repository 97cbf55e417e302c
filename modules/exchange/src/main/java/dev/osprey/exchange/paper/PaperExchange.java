package dev.osprey.exchange.paper;

import dev.osprey.domain.market.FeeRates;
import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.domain.market.TradingRules;
import dev.osprey.domain.money.Price;
import dev.osprey.domain.money.Quantity;
import dev.osprey.domain.order.ClientOrderId;
import dev.osprey.domain.order.OrderEvent;
import dev.osprey.domain.order.OrderRequest;
import dev.osprey.exchange.Contracts;
import dev.osprey.exchange.ExchangeConnector;
import dev.osprey.exchange.VenueOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper venue: a deterministic matching simulation against quotes, the default connector.
 *
 * <p><b>Book.</b> Each market has a top of book set by {@link #setQuote} (bid may equal ask). Any
 * pair that gets a quote is listed with the constructor's default {@link MarketConfig}; {@link
 * #configureMarket} lists a pair or changes its fees and rules.
 *
 * <p><b>Matching.</b> On arrival a MARKET order, or a LIMIT order whose price meets the best
 * opposite price (BUY limit ≥ ask, SELL limit ≤ bid), takes at the best opposite price and pays the
 * taker fee. Whatever does not fill on arrival rests. A resting LIMIT order fills at its own limit
 * price as maker (maker fee) on every later quote that crosses it: a BUY once ask ≤ limit, a SELL
 * once bid ≥ limit. A LIMIT_MAKER order that would cross on arrival is rejected instead. A MARKET
 * order's remainder keeps taking, as taker at the then best opposite price, on later quotes.
 *
 * <p><b>Partial fills.</b> A quote may carry sizes; every fill against a side of that quote
 * consumes its size until the next quote (null = unlimited). On a quote, open orders match side by
 * side in priority: MARKET remainders, then the better limit, then arrival.
 *
 * <p><b>Balances.</b> See {@link OrderScreen} for what an order needs. An open order locks what it
 * needs (quote for a BUY, base for a SELL) until it fills or is cancelled. A fill moves balances:
 * BUY −(notional + fee) quote, +amount base; SELL −amount base, +(notional − fee) quote; fee =
 * price × amount × rate, in quote. If a MARKET BUY remainder later meets an ask its lock no longer
 * covers, it fills what the free balance still pays for and the venue cancels the rest.
 *
 * <p><b>Events.</b> Every accepted order gets {@code <name>-O<n>}, every fill {@code <name>-T<n>}.
 * Events go out in the order of the state changes, after the change and with no lock held: on a
 * quote, first the fills it caused, then the market listeners. Placing a known client order id
 * changes nothing and re-publishes the order's events ({@link VenueOrder#asEvents}); cancelling an
 * unknown or finished order does nothing. Listeners may call back into the venue; events caused
 * that way go out after the current callback returns, never nested inside it.
 *
 * <p>Market listeners get every later quote of their pair; subscribing does not replay the current
 * one (read it with {@link #topOfBook}). The connector name inside a request is not checked:
 * routing requests to the right venue is the caller's job.
 *
 * <p><b>Persistence.</b> {@link #snapshot} captures the whole state at one instant and {@link
 * #restore} builds a venue that continues from it exactly: same books, balances, order records
 * and id counters, so a restarted node neither forgets an order nor hands out an id twice. {@link
 * #version} tells a saver whether anything changed since it last looked.
 *
 * <p>Thread-safe: one lock guards all state; notifications are delivered by {@link
 * EventDispatcher}, possibly on another caller's thread.
 */
public final class PaperExchange implements ExchangeConnector {
  private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

  private final String name;
  private final Clock clock;
  private final MarketConfig defaults;
  /** Set by the node's configuration, not part of the saved state: the config decides. */
  private volatile Contracts contracts = Contracts.SPOT;
  private final Object lock = new Object();
  /** Markets, orders, balances and id counters; guarded by {@link #lock}. */
  private final PaperBook book;
  /** Bumped under the lock on every state change; read without it. */
  private volatile long version;
  private final EventDispatcher dispatcher = new EventDispatcher();
  private final List<Slot<OrderEvent>> orderListeners = new CopyOnWriteArrayList<>();
  private final Map<TradingPair, List<Slot<TopOfBook>>> marketListeners =
      new ConcurrentHashMap<>();

  /** A venue with no fees, {@link TradingRules#DEFAULT} and empty balances. */
  public PaperExchange(final String name, final Clock clock) {
    this(name, clock, MarketConfig.DEFAULT, Map.of());
  }

  /**
   * A venue whose auto-listed markets get {@code defaults}, starting with {@code balances}
   * available.
   */
  public PaperExchange(
      final String name,
      final Clock clock,
      final MarketConfig defaults,
      final Map<String, BigDecimal> balances) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    if (name.isBlank()) {
      throw new IllegalArgumentException("venue name must not be blank");
    }
    this.book = new PaperBook(name, this::publish);
    setBalances(balances);
  }

  /**
   * A venue that continues exactly from {@code state}, as taken by {@link #snapshot} of a venue
   * called {@code name}. The new venue has no listeners yet and restoring emits no event:
   * subscribers registered afterwards see only what happens from then on, and callers reconcile
   * through {@link #lookup} as after any restart.
   *
   * @throws IllegalArgumentException if {@code state} belongs to another venue or could not be
   *     continued from exactly: an open order on an unlisted market, locked funds its open orders
   *     do not account for, a counter below an id or arrival already used
   */
  public static PaperExchange restore(
      final String name, final Clock clock, final PaperState state) {
    Objects.requireNonNull(state, "state");
    PaperStateCheck.check(name, state);
    final PaperExchange venue = new PaperExchange(name, clock, state.defaults(), Map.of());
    venue.load(state);
    return venue;
  }

  private void load(final PaperState state) {
    synchronized (lock) {
      book.load(state);
      changed();
    }
  }

  /**
   * The whole state at one instant (taken under the venue lock, so never halfway through a
   * placement or a quote): what {@link #restore} needs to continue from here.
   */
  public PaperState snapshot() {
    synchronized (lock) {
      final List<PaperState.Market> savedMarkets = new ArrayList<>();
      for (Map.Entry<TradingPair, PaperMarket> e : book.markets.entrySet()) {
        savedMarkets.add(e.getValue().toState(e.getKey()));
      }
      final List<PaperOrder> byArrival = new ArrayList<>(book.orders.values());
      byArrival.sort(Comparator.comparingLong(o -> o.sequence));
      final List<PaperState.Order> savedOrders = new ArrayList<>();
      for (PaperOrder o : byArrival) {
        savedOrders.add(o.toState());
      }
      return new PaperState(
          PaperState.FORMAT,
          name,
          defaults,
          savedMarkets,
          book.wallet.toState(),
          savedOrders,
          book.counters());
    }
  }

  /**
   * A number that grows on every change of the venue's state (orders, fills, cancels, quotes,
   * markets, balances) and only then: a saver compares it with the value it last saved at and
   * skips the write when nothing happened. Read it before {@link #snapshot}, never after, so that a
   * change racing the snapshot is saved next time rather than missed.
   */
  public long version() {
    return version;
  }

  /** Call with the lock held after every state change. */
  private void changed() {
    version++;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Contracts contracts() {
    return contracts;
  }

  /**
   * Makes this venue a perpetual one (or spot again). Matching and balances stay as they are
   * (fills settle in the wallet, margin is not simulated); what changes is that leverage is
   * meaningful and held inventory is bucketed by {@link Contracts#positionMode()}.
   */
  public void setContracts(final Contracts contracts) {
    this.contracts = Objects.requireNonNull(contracts, "contracts");
  }

  /** The config a market gets when a quote lists it. */
  public MarketConfig defaultMarketConfig() {
    return defaults;
  }

  // ---------------------------------------------------------------- orders

  @Override
  public CompletionStage<Void> place(final OrderRequest request) {
    Objects.requireNonNull(request, "request");
    synchronized (lock) {
      if (book.place(request, clock.instant())) {
        changed();
      }
    }
    dispatcher.drain();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> cancel(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    synchronized (lock) {
      final PaperOrder order = book.orders.get(clientOrderId);
      if (order != null && order.isOpen()) {
        book.cancel(order, clock.instant());
        changed();
      }
    }
    dispatcher.drain();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Optional<VenueOrder>> lookup(final ClientOrderId clientOrderId) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    synchronized (lock) {
      final PaperOrder order = book.orders.get(clientOrderId);
      final Optional<VenueOrder> found = Optional.ofNullable(order).map(PaperOrder::snapshot);
      return CompletableFuture.completedFuture(found);
    }
  }

  /** Every open order, oldest first. */
  public List<VenueOrder> openOrders() {
    synchronized (lock) {
      final List<PaperOrder> open = new ArrayList<>();
      for (PaperMarket m : book.markets.values()) {
        open.addAll(m.open());
      }
      open.sort(Comparator.comparingLong(o -> o.sequence));
      final List<VenueOrder> out = new ArrayList<>();
      for (PaperOrder o : open) {
        out.add(o.snapshot());
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- market data

  /** Sets the top of book of {@code pair} without sizes (unlimited liquidity). */
  public TopOfBook setQuote(final TradingPair pair, final Price bid, final Price ask) {
    return setQuote(pair, bid, ask, null, null);
  }

  /**
   * Sets the top of book of {@code pair} (listing it with the defaults if needed), fills the open
   * orders it crosses, then notifies the market listeners of {@code pair}.
   *
   * @param bidSize displayed bid size, null for unlimited
   * @param askSize displayed ask size, null for unlimited
   * @return the new top of book, stamped with the venue clock
   * @throws IllegalArgumentException if bid &gt; ask or a price is not positive
   */
  public TopOfBook setQuote(
      final TradingPair pair,
      final Price bid,
      final Price ask,
      final Quantity bidSize,
      final Quantity askSize) {
    Objects.requireNonNull(pair, "pair");
    final TopOfBook top;
    synchronized (lock) {
      final Instant now = clock.instant();
      top = new TopOfBook(name, pair, bid, ask, bidSize, askSize, now);
      final PaperMarket market = book.markets.computeIfAbsent(pair, p -> new PaperMarket(defaults));
      market.quote(top);
      book.match(market, now);
      changed();
      dispatcher.enqueue(() -> deliver(marketListeners.get(pair), top));
    }
    dispatcher.drain();
    return top;
  }

  @Override
  public Subscription subscribeMarket(final TradingPair pair, final Consumer<TopOfBook> listener) {
    Objects.requireNonNull(pair, "pair");
    final Slot<TopOfBook> slot = new Slot<>(Objects.requireNonNull(listener, "listener"));
    final List<Slot<TopOfBook>> list =
        marketListeners.computeIfAbsent(pair, p -> new CopyOnWriteArrayList<>());
    list.add(slot);
    return () -> list.remove(slot);
  }

  @Override
  public Optional<FeeRates> feeRates(final TradingPair pair) {
    return marketConfig(pair).map(c -> new FeeRates(c.makerFee(), c.takerFee()));
  }

  /** How many market listeners {@code pair} has (operators and tests: who is watching). */
  public int subscriberCount(final TradingPair pair) {
    final List<Slot<TopOfBook>> list = marketListeners.get(pair);
    return list == null ? 0 : list.size();
  }

  @Override
  public Subscription subscribeOrderEvents(final Consumer<OrderEvent> listener) {
    final Slot<OrderEvent> slot = new Slot<>(Objects.requireNonNull(listener, "listener"));
    orderListeners.add(slot);
    return () -> orderListeners.remove(slot);
  }

  @Override
  public Optional<TopOfBook> topOfBook(final TradingPair pair) {
    synchronized (lock) {
      return Optional.ofNullable(book.markets.get(pair)).map(PaperMarket::top);
    }
  }

  // ---------------------------------------------------------------- markets

  /** Lists {@code pair}, or changes its fees and rules; its quote and open orders stay. */
  public void configureMarket(
      final TradingPair pair,
      final BigDecimal makerFee,
      final BigDecimal takerFee,
      final TradingRules rules) {
    configureMarket(pair, new MarketConfig(makerFee, takerFee, rules));
  }

  /** Lists {@code pair}, or changes its fees and rules; its quote and open orders stay. */
  public void configureMarket(final TradingPair pair, final MarketConfig config) {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(config, "config");
    synchronized (lock) {
      final PaperMarket existing = book.markets.get(pair);
      if (existing == null) {
        book.markets.put(pair, new PaperMarket(config));
      } else {
        existing.configure(config);
      }
      changed();
    }
  }

  /** Fees and rules of {@code pair}, if listed. */
  public Optional<MarketConfig> marketConfig(final TradingPair pair) {
    synchronized (lock) {
      return Optional.ofNullable(book.markets.get(pair)).map(PaperMarket::config);
    }
  }

  @Override
  public Optional<TradingRules> tradingRules(final TradingPair pair) {
    return marketConfig(pair).map(MarketConfig::rules);
  }

  /** The listed pairs, in the order they were listed. */
  public List<TradingPair> listedMarkets() {
    synchronized (lock) {
      return List.copyOf(book.markets.keySet());
    }
  }

  // ---------------------------------------------------------------- balances

  /** Available (unlocked) balance per asset, sorted by asset. */
  @Override
  public Map<String, BigDecimal> balances() {
    synchronized (lock) {
      return book.wallet.availableByAsset();
    }
  }

  /** Total balance per asset, locked funds included. */
  public Map<String, BigDecimal> totalBalances() {
    synchronized (lock) {
      return book.wallet.totalByAsset();
    }
  }

  /** Funds locked by open orders, per asset (assets with nothing locked are left out). */
  public Map<String, BigDecimal> lockedBalances() {
    synchronized (lock) {
      return book.wallet.lockedByAsset();
    }
  }

  /**
   * Sets the available balance of each listed asset; other assets and locked funds are unchanged,
   * so that {@link #balances()} reports exactly what was set.
   *
   * @throws IllegalArgumentException if a balance is negative
   */
  public void setBalances(final Map<String, BigDecimal> available) {
    Objects.requireNonNull(available, "available");
    synchronized (lock) {
      // Validate all first so that a bad entry leaves every balance as it was.
      for (Map.Entry<String, BigDecimal> e : available.entrySet()) {
        final BigDecimal value = Objects.requireNonNull(e.getValue(), e.getKey());
        if (value.signum() < 0) {
          throw new IllegalArgumentException(
              "balance of " + e.getKey() + " must not be negative: " + value.toPlainString());
        }
      }
      for (Map.Entry<String, BigDecimal> e : available.entrySet()) {
        book.wallet.setAvailable(e.getKey(), e.getValue());
      }
      changed();
    }
  }

  // ---------------------------------------------------------------- notification

  /** Queues {@code event} for the order listeners; call with the lock held to keep the order. */
  private void publish(final OrderEvent event) {
    dispatcher.enqueue(() -> deliver(orderListeners, event));
  }

  private static <T> void deliver(final List<Slot<T>> listeners, final T value) {
    if (listeners == null) {
      return;
    }
    for (Slot<T> slot : listeners) {
      try {
        slot.listener.accept(value);
      } catch (RuntimeException e) {
        LOG.warn("paper venue listener failed on {}", value, e);
      }
    }
  }

  /** One registration; removal is by identity, so the same listener may be registered twice. */
  private static final class Slot<T> {
    private final Consumer<T> listener;

    private Slot(final Consumer<T> listener) {
      this.listener = listener;
    }
  }
}
