package dev.osprey.exchange.venue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.ExchangeConnector.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The latest top of book per pair of one real venue, its listeners, and the pairs its market feed
 * watches: what a connector's feed publishes into, whatever the venue's channel. A pair is
 * subscribed (through {@code subscriber}, on the connector's thread) the first time anything
 * listens to it or asks for it, once per pair; a caller asking about a pair whose first quote has
 * not come yet can wait for it ({@link #topWarmingUp}). Publishing happens on the connector's
 * thread; reads from any thread.
 */
public final class QuoteBoard {
  private final Map<TradingPair, TopOfBook> tops = new ConcurrentHashMap<>();
  private final Map<TradingPair, Listeners<TopOfBook>> listeners = new ConcurrentHashMap<>();

  /** Completes with a pair's first quote: what a caller asking about a cold pair waits for. */
  private final Map<TradingPair, CompletableFuture<TopOfBook>> firstTop = new ConcurrentHashMap<>();

  private final Executor loop;
  private final Consumer<List<TradingPair>> subscriber;

  /** Connector-thread state: the pairs subscribed, in order. */
  private final Set<TradingPair> watched = new LinkedHashSet<>();

  /**
   * @param loop the connector's thread
   * @param subscriber subscribes the venue's feed to pairs (called on {@code loop})
   */
  public QuoteBoard(final Executor loop, final Consumer<List<TradingPair>> subscriber) {
    this.loop = loop;
    this.subscriber = subscriber;
  }

  /** Adds {@code listener} for {@code pair}'s quotes, and subscribes the pair if it is new. */
  public Subscription listen(final TradingPair pair, final Consumer<TopOfBook> listener) {
    final Subscription s =
        listeners.computeIfAbsent(pair, p -> new Listeners<>("market")).add(listener);
    watch(pair);
    return s;
  }

  /** Every pair subscribed so far (on the connector's thread): what a new socket subscribes. */
  public List<TradingPair> watched() {
    return new ArrayList<>(watched);
  }

  private void watch(final TradingPair pair) {
    loop.execute(
        () -> {
          if (watched.add(pair)) {
            subscriber.accept(List.of(pair));
          }
        });
  }

  public Optional<TopOfBook> top(final TradingPair pair) {
    return Optional.ofNullable(tops.get(pair));
  }

  /**
   * The top of book of {@code pair}; a pair nobody watched yet is subscribed now, and the caller
   * waits up to {@code waitMs} for its first quote. Never waits when {@code mayWait} is false (a
   * connector's own thread must not block on itself).
   */
  public Optional<TopOfBook> topWarmingUp(
      final TradingPair pair, final long waitMs, final boolean mayWait) {
    final TopOfBook known = tops.get(pair);
    if (known != null) {
      return Optional.of(known);
    }
    watch(pair);
    if (!mayWait) {
      return Optional.empty();
    }
    try {
      return Optional.of(first(pair).get(waitMs, TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private CompletableFuture<TopOfBook> first(final TradingPair pair) {
    return firstTop.computeIfAbsent(pair, p -> new CompletableFuture<>());
  }

  /** Records {@code top} and calls its pair's listeners (a failing listener is logged). */
  public void publish(final TopOfBook top) {
    tops.put(top.pair(), top);
    first(top.pair()).complete(top);
    final Listeners<TopOfBook> list = listeners.get(top.pair());
    if (list != null) {
      list.deliver(top);
    }
  }
}
