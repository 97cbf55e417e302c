package dev.osprey.exchange.venue;

import dev.osprey.domain.market.TopOfBook;
import dev.osprey.domain.market.TradingPair;
import dev.osprey.exchange.ExchangeConnector.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest top of book per pair of one real venue, and its listeners: what a connector's market
 * feed publishes into, whatever the venue's channel. A caller asking about a pair whose first quote
 * has not come yet can wait for it ({@link #awaitFirst}). Publishing happens on the connector's
 * thread; reads from any thread.
 */
public final class QuoteBoard {
  private static final Logger LOG = LoggerFactory.getLogger(QuoteBoard.class);

  private final Map<TradingPair, TopOfBook> tops = new ConcurrentHashMap<>();
  private final Map<TradingPair, List<Consumer<TopOfBook>>> listeners = new ConcurrentHashMap<>();

  /** Completes with a pair's first quote: what a caller asking about a cold pair waits for. */
  private final Map<TradingPair, CompletableFuture<TopOfBook>> firstTop = new ConcurrentHashMap<>();

  /** Adds {@code listener} for {@code pair}'s quotes. */
  public Subscription listen(final TradingPair pair, final Consumer<TopOfBook> listener) {
    final List<Consumer<TopOfBook>> list =
        listeners.computeIfAbsent(pair, p -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }

  public Optional<TopOfBook> top(final TradingPair pair) {
    return Optional.ofNullable(tops.get(pair));
  }

  /**
   * The top of book of {@code pair}, waiting up to {@code waitMs} for its first quote when none
   * came yet; never waits when {@code mayWait} is false (a connector's own thread must not block on
   * itself).
   */
  public Optional<TopOfBook> awaitFirst(
      final TradingPair pair, final long waitMs, final boolean mayWait) {
    final TopOfBook known = tops.get(pair);
    if (known != null || !mayWait) {
      return Optional.ofNullable(known);
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
    final List<Consumer<TopOfBook>> list = listeners.get(top.pair());
    if (list == null) {
      return;
    }
    for (Consumer<TopOfBook> l : list) {
      try {
        l.accept(top);
      } catch (RuntimeException e) {
        LOG.warn("market listener failed on {}", top, e);
      }
    }
  }
}
